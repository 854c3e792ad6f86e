package org.personaworkbench.app.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextInputControl;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxDialogService;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.ui.UiResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private Stage mainStage;
    private final TourDialogs tourDialogs = new TourDialogs();
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
        mainStage = primary;
        shell = new ShellViewModel(engine, tasks, tourDialogs, prefs);
        data = new DataViewModel(engine, tasks, tourDialogs, shell.projectProperty());
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

        // bad rows: the real dialog, shown on the FX thread while the worker waits
        Path ragged = work.resolve("ragged-orders.csv");
        Files.writeString(ragged, """
                customer_id,amount,country
                c1,10.5,UK
                c2,20,France
                c3,1.5
                c4,7.75,Germany,extra
                c5,12,UK
                """);
        tourDialogs.real = true;
        dialogs.fileToImport = ragged;
        fx(() -> ((ButtonBase) stage.getScene().lookup("#importDataButton")).fire());
        waitFor(() -> wizardNode("#startImportButton") instanceof ButtonBase b && !b.isDisabled());
        CompletableFuture.runAsync(() -> ((ButtonBase) wizardNode("#startImportButton")).fire(), Platform::runLater);
        waitFor(() -> dialogPane() != null);
        settle(1000);
        shot("06-bad-rows-dialog");
        fx(() -> pressDefault(dialogPane()));
        waitFor(() -> data.datasets().size() == 2 && shell.tasks().running().isEmpty());
        settle(800);
        shot("07-after-skip");

        // an error with its expandable detail: a file that is not text
        Path binary = work.resolve("photo.csv");
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        Files.write(binary, bytes);
        dialogs.fileToImport = binary;
        CompletableFuture.runAsync(() -> ((ButtonBase) stage.getScene().lookup("#importDataButton")).fire(),
                Platform::runLater);
        waitFor(() -> dialogPane() != null);
        fx(() -> dialogPane().setExpanded(true));
        settle(1000);
        shot("08-error-dialog");
        fx(() -> pressDefault(dialogPane()));
        settle(500);
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
        });

        // an unexpected failure: message plus the expandable technical detail
        CompletableFuture.runAsync(() -> tourDialogs.showFailure("Could not profile orders",
                new IllegalStateException("Column AMOUNT is not numeric")), Platform::runLater);
        waitFor(() -> dialogPane() != null);
        fx(() -> dialogPane().setExpanded(true));
        settle(1000);
        shot("08b-error-detail");
        fx(() -> pressDefault(dialogPane()));
        settle(300);

        // a new encrypted project: the password dialog
        dialogs.newProjectFile = work.resolve("secret-demo.mv.db");
        Files.deleteIfExists(dialogs.newProjectFile);
        CompletableFuture.runAsync(() -> shell.newProject(), Platform::runLater);
        waitFor(() -> dialogPane() != null);
        fx(() -> {
            ((TextInputControl) dialogPane().lookup("#newPasswordField")).setText("tour-secret");
            ((TextInputControl) dialogPane().lookup("#confirmPasswordField")).setText("tour-secre");
        });
        settle(800);
        shot("09-password-mismatch");
        fx(() -> ((TextInputControl) dialogPane().lookup("#confirmPasswordField")).setText("tour-secret"));
        fx(() -> pressDefault(dialogPane()));
        waitFor(() -> shell.project() != null && shell.project().project().encrypted()
                && shell.tasks().running().isEmpty());
        settle(800);
        shot("10-encrypted-project");
    }

    /** The open dialog's pane, or null; call on the FX thread. */
    private DialogPane dialogPane() {
        for (Window w : Window.getWindows()) {
            if (w != stage && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    private static void pressDefault(DialogPane pane) {
        for (ButtonType type : pane.getButtonTypes()) {
            if (type.getButtonData().isDefaultButton() || type.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                ((ButtonBase) pane.lookupButton(type)).fire();
                return;
            }
        }
        ((ButtonBase) pane.lookupButton(pane.getButtonTypes().getFirst())).fire();
    }

    /** File choosers answer from the fake; everything else is the real dialog once {@link #real} is set. */
    private final class TourDialogs implements DialogService {
        volatile boolean real;
        private FxDialogService fxDialogs;

        private DialogService other() {
            if (!real) {
                return dialogs;
            }
            if (fxDialogs == null) {
                fxDialogs = new FxDialogService(() -> mainStage);
            }
            return fxDialogs;
        }

        @Override
        public void showError(String title, String message, String detail) {
            other().showError(title, message, detail);
        }

        @Override
        public void showInformation(String title, String message) {
            other().showInformation(title, message);
        }

        @Override
        public java.util.Optional<Path> chooseNewProjectFile() {
            return dialogs.chooseNewProjectFile();
        }

        @Override
        public java.util.Optional<Path> chooseProjectToOpen() {
            return dialogs.chooseProjectToOpen();
        }

        @Override
        public java.util.Optional<Path> chooseFileToImport() {
            return dialogs.chooseFileToImport();
        }

        @Override
        public java.util.Optional<Path> chooseRejectsFile(String suggestedName) {
            return dialogs.chooseRejectsFile(suggestedName);
        }

        @Override
        public java.util.Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
            return dialogs.chooseExportFile(title, suggestedName, extension);
        }

        @Override
        public boolean confirm(String title, String message) {
            return other().confirm(title, message);
        }

        @Override
        public java.util.Optional<Path> chooseFileToRead(String title, String extension) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<char[]> askNewProjectPassword(Path project) {
            return other().askNewProjectPassword(project);
        }

        @Override
        public java.util.Optional<char[]> askPassword(Path project, boolean wrongBefore) {
            return other().askPassword(project, wrongBefore);
        }

        @Override
        public BadRowPolicy.Decision askBadRows(List<BadRow> sample, long total) {
            return other().askBadRows(sample, total);
        }
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
