package org.personaworkbench.app.features;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellView;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.ui.UiResources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * Not a test: takes the Features step screenshot (docs/features-step.png) on a real display (Xvfb) with RFM
 * features of a transactions CSV. Run:
 * {@code DISPLAY=:81 java -cp test-classes:classes:lib/* org.personaworkbench.app.features.FeaturesScreenshot CSV OUT.png WORK_DIR}
 */
public final class FeaturesScreenshot {

    private FeaturesScreenshot() {
    }

    public static void main(String[] args) {
        Shot.csv = Path.of(args[0]);
        Shot.png = Path.of(args[1]);
        Shot.work = Path.of(args[2]);
        Application.launch(Shot.class);
    }

    /** The application (a nested class: the main class must not extend Application). */
    public static final class Shot extends Application {
        private static Path csv;
        private static Path png;
        private static Path work;

        @Override
        public void start(Stage stage) throws Exception {
            Files.createDirectories(work);
            Path file = work.resolve("retail-features.mv.db");
            Files.deleteIfExists(file);
            RealEngine engine = new RealEngine();
            try (Project p = engine.createProject(file, ProjectOptions.plain())) {
                var preview = engine.inspect(csv, FormatOverrides.none());
                engine.importFile(p, csv, ImportOptions.fromPreview(preview, "online_retail", BadRowPolicy.SKIP),
                        Progress.NONE, CancellationToken.create());
                engine.computeRfm(p, RfmOptions.defaults("online_retail", "rfm_retail"), Progress.NONE,
                        CancellationToken.create());
            }
            Preferences node = Preferences.userRoot().node("org/personaworkbench/shot/" + UUID.randomUUID());
            FakeDialogService dialogs = new FakeDialogService();
            dialogs.projectToOpen = file;
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            ShellViewModel shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            DataViewModel data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
            FeaturesViewModel features = new FeaturesViewModel(engine, tasks, dialogs, shell.projectProperty());
            ShellView view = new ShellView(shell, data, new org.personaworkbench.app.segments.SegmentsViewModel(engine, tasks,
                    dialogs, shell.projectProperty()));
            view.addStepView(Step.FEATURES, new FeaturesView(features).root());
            Scene scene = new Scene(view.root(), 1280, 800);
            scene.getStylesheets().add(UiResources.stylesheet());
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            Thread driver = new Thread(() -> {
                try {
                    fx(shell::openProject);
                    waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
                    fx(() -> shell.selectedStepProperty().set(Step.FEATURES));
                    waitFor(() -> !features.featureSets().isEmpty() && shell.tasks().running().isEmpty());
                    fx(() -> features.selectedProperty().set(features.featureSets().getFirst()));
                    waitFor(() -> !features.features().isEmpty() && shell.tasks().running().isEmpty());
                    fx(() -> features.features().stream()
                            .filter(f -> f.column().equals("frequency") || f.column().equals("monetary"))
                            .forEach(f -> {
                                f.log1pProperty().set(true);
                                f.winsorizeHighProperty().set(99);
                            }));
                    fx(features::preview);
                    waitFor(() -> features.correlationsProperty().get() != null && shell.tasks().running().isEmpty());
                    Thread.sleep(1500);
                    new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start().waitFor();
                    System.out.println("Screenshot " + png + "; errors: " + dialogs.errors);
                } catch (Throwable t) {
                    t.printStackTrace();
                } finally {
                    try {
                        node.removeNode();
                    } catch (Exception ignored) {
                        // harmless leftover
                    }
                    Platform.exit();
                }
            }, "shot");
            driver.setDaemon(true);
            driver.start();
        }


    }
}
