package org.personaworkbench.app.shell;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FxDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.ui.UiResources;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The desktop application: Primer theme, main window (size and position remembered), and the project
 * given on the command line opened at start. Start it through {@link WorkbenchLauncher}.
 */
public final class WorkbenchApp extends Application {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    /**
     * Completes when the app has stopped, its project file is released and the preferences are on disk.
     * JavaFX allows one launch per JVM, so one future serves the launcher waiting for it.
     */
    private static final CompletableFuture<Void> STOPPED = new CompletableFuture<>();

    private AppPreferences preferences;
    private Path initialProject;
    private FxTaskRunner tasks;
    private ShellViewModel shell;

    /** Runs on the launcher thread: reads preferences here so the FX thread never touches the disk. */
    @Override
    public void init() {
        List<String> args = getParameters().getUnnamed();
        initialProject = args.isEmpty() ? null : Path.of(args.getFirst());
        preferences = AppPreferences.forUser();
        preferences.windowState();
        preferences.recentProjects();
        preferences.darkTheme();
        ensureStartupCacheFolder();
    }

    /**
     * The installed Linux launcher keeps a class-data-sharing archive of the app's classes in
     * ~/.cache/persona-workbench (installer/linux/app-image.args), written when the app exits; the JVM does not
     * make the folder, so the app does. It only speeds up the next start (measured: 1.35-1.87 s from launch to the
     * window with it), so a folder that cannot be made is left alone.
     */
    private static void ensureStartupCacheFolder() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            java.nio.file.Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache",
                    "persona-workbench"));
        } catch (java.io.IOException | SecurityException e) {
            // no archive then: the app starts as it would without one
        }
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(preferences.darkTheme());
        tasks = new FxTaskRunner();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        Engine engine = new RealEngine();
        shell = new ShellViewModel(engine, tasks, dialogs, preferences);
        ShellView view = WorkbenchViews.wire(engine, tasks, dialogs, shell).view();

        AppPreferences.WindowState state = preferences.windowState()
                .filter(WorkbenchApp::visibleOnAScreen)
                .orElse(null);
        Scene scene = new Scene(view.root(),
                state == null ? DEFAULT_WIDTH : state.width(), state == null ? DEFAULT_HEIGHT : state.height());
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(shell.windowTitleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (state != null) {
            stage.setX(state.x());
            stage.setY(state.y());
            stage.setMaximized(state.maximized());
        } else {
            stage.centerOnScreen();
        }
        stage.setOnHiding(e -> preferences.saveWindowState(new AppPreferences.WindowState(
                stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        StartupReport.whenShown(stage);
        stage.show();

        shell.refreshRecent();
        if (initialProject != null) {
            shell.open(initialProject);
        }
    }

    @Override
    public void stop() {
        CompletableFuture<Void> closed = shell == null ? CompletableFuture.completedFuture(null) : shell.shutdown();
        if (tasks != null) {
            tasks.close();
        }
        // writing the preferences is disk I/O: do it on a plain thread once the project is closed
        closed.whenCompleteAsync((done, failure) -> {
            if (preferences != null) {
                preferences.flush();
            }
            STOPPED.complete(null);
        }, work -> new Thread(work, "pwb-exit").start());
    }

    /** Completes when the app has stopped and everything is on disk. */
    static CompletableFuture<Void> stopped() {
        return STOPPED;
    }

    private static boolean visibleOnAScreen(AppPreferences.WindowState s) {
        Rectangle2D titleBar = new Rectangle2D(s.x() + 20, s.y(), Math.max(1, s.width() - 40), 30);
        return s.width() >= 400 && s.height() >= 300
                && Screen.getScreens().stream().anyMatch(sc -> sc.getVisualBounds().intersects(titleBar));
    }
}
