package org.personaworkbench.app.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.ui.UiResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

/**
 * Not a test: a scripted tour of the real app on a real display (Xvfb) that takes screenshots with
 * ImageMagick's {@code import -window root}. File choosers answer from a {@link FakeDialogService}.
 * Run: {@code DISPLAY=:77 java -cp test-classes:classes:lib/* org.personaworkbench.app.shell.ScreenshotTour OUT_DIR WORK_DIR}
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        Tour.out = Path.of(args[0]);
        Tour.work = Path.of(args[1]);
        Application.launch(Tour.class);
    }

    /** The application the tour runs (a nested class: the main class must not extend Application). */
    public static final class Tour extends Application {

    private static Path out;
    private static Path work;

    private final FakeDialogService dialogs = new FakeDialogService();
    private ShellViewModel shell;
    private DataViewModel data;
    private Stage stage;

    @Override
    public void start(Stage primary) throws Exception {
        stage = primary;
        Files.createDirectories(work);
        Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
        AppPreferences prefs = new AppPreferences(node);
        Path existing = work.resolve("q3-campaign.mv.db");
        Files.deleteIfExists(existing);
        prefs.addRecent(work.resolve("old-survey-2023.mv.db"));
        RealEngine engine = new RealEngine();
        engine.createProject(existing, org.personaworkbench.engine.project.ProjectOptions.plain()).close();
        prefs.addRecent(existing);
        Theme.apply(false);
        FxTaskRunner tasks = new FxTaskRunner();
        shell = new ShellViewModel(engine, tasks, dialogs, prefs);
        data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
        ShellView view = new ShellView(shell, data);
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        shell.refreshRecent();
        Thread driver = new Thread(() -> {
            try {
                tour();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                removeQuietly(node);
                Platform.exit();
            }
        }, "tour");
        driver.setDaemon(true);
        driver.start();
    }

    private void tour() throws Exception {
        Path csv = work.resolve("online-retail-sample.csv");
        writeSample(csv);
        Path project = work.resolve("retail-demo.mv.db");
        Files.deleteIfExists(project);
        settle(2500);
        shot("01-welcome");

        dialogs.newProjectFile = project;
        dialogs.fileToImport = csv;
        fx(() -> shell.newProject());
        waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
        settle(800);
        shot("02-data-empty");

        fx(() -> ((ButtonBase) stage.getScene().lookup("#importDataButton")).fire());
        waitFor(() -> wizardNode("#previewTable") instanceof TableView<?> t && !t.getColumns().isEmpty());
        settle(1200);
        shot("03-import-wizard");

        fx(() -> ((ButtonBase) wizardNode("#startImportButton")).fire());
        waitFor(() -> data.datasets().size() == 1 && data.profileProperty().get() != null
                || !dialogs.errors.isEmpty());
        settle(1200);
        shot("04-data-profile");
        if (!dialogs.errors.isEmpty()) {
            System.out.println("Errors: " + dialogs.errors);
        }

        fx(() -> shell.darkThemeProperty().set(true));
        settle(1000);
        shot("05-data-profile-dark");
        fx(() -> shell.darkThemeProperty().set(false));
    }

    /** Looks a node up in the wizard window; call on the FX thread. */
    private Node wizardNode(String id) {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.getScene() != null) {
                Node n = w.getScene().lookup(id);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private void writeSample(Path csv) throws Exception {
        Random r = new Random(42);
        String[] countries = {"United Kingdom", "Germany", "France", "Netherlands", "Spain", "Ireland"};
        String[] channels = {"web", "store", "app"};
        StringBuilder sb = new StringBuilder("customer_id,order_date,amount,quantity,country,channel,newsletter\n");
        for (int i = 0; i < 2500; i++) {
            int c = 10000 + r.nextInt(600);
            String date = String.format(Locale.ROOT, "2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28));
            double amount = Math.round(Math.exp(3 + r.nextGaussian() * 0.8) * 100) / 100.0;
            String amountText = r.nextInt(60) == 0 ? "" : String.format(Locale.ROOT, "%.2f", amount);
            int q = 1 + (int) Math.abs(r.nextGaussian() * 3);
            String country = countries[Math.min(countries.length - 1, (int) Math.abs(r.nextGaussian() * 1.6))];
            sb.append(c).append(',').append(date).append(',').append(amountText).append(',').append(q).append(',')
                    .append(country).append(',').append(channels[r.nextInt(3)]).append(',')
                    .append(r.nextBoolean()).append('\n');
        }
        Files.writeString(csv, sb.toString());
    }

    private static void fx(Runnable action) {
        CompletableFuture.runAsync(action, Platform::runLater).join();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!CompletableFuture.supplyAsync(condition::getAsBoolean, Platform::runLater).join()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static void removeQuietly(Preferences node) {
        try {
            node.removeNode();
        } catch (Exception ignored) {
            // a tour leftover in the preferences is harmless
        }
    }

    private static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static void shot(String name) throws Exception {
        Path file = out.resolve(name + ".png");
        new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("Screenshot " + file);
    }
}
}
