package org.personaworkbench.app.shell;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.prefs.Preferences;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

/**
 * Not a test: takes the user guide's screenshots (docs/guide/) from the real app on the built demo-shop sample,
 * one per step, plus the guided tour's first callout, Preferences and About.
 * Run under Xvfb: {@code java -cp test-classes:classes:lib/* org.personaworkbench.app.shell.GuideTour OUT_DIR DEMO_PROJECT WORK_DIR}
 */
public final class GuideTour {

    private GuideTour() {
    }

    public static void main(String[] args) {
        System.setProperty("pwb.tour.out", args[0]);
        System.setProperty("pwb.tour.project", args[1]);
        System.setProperty("pwb.tour.work", args[2]);
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private final FakeDialogService dialogs = new FakeDialogService();
        private Stage stage;
        private ShellViewModel shell;
        private WorkbenchViews views;

        @Override
        public void start(Stage primary) throws Exception {
            stage = primary;
            Path samples = Path.of(System.getProperty("pwb.tour.work")).resolve("samples-" + UUID.randomUUID());
            Files.createDirectories(samples);
            Files.copy(Path.of(System.getProperty("pwb.tour.project")), samples.resolve("demo-shop.mv.db"),
                    StandardCopyOption.REPLACE_EXISTING);
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            RealEngine engine = new RealEngine();
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node), samples);
            views = WorkbenchViews.wire(engine, tasks, dialogs, shell);
            TourSteps.showAndRun(stage, views.view().root(), node, this::tour);
        }

        private void idle() throws InterruptedException {
            waitFor(() -> shell.tasks().running().isEmpty());
        }

        private void tour() throws Exception {
            settle(2000);
            shot("01-welcome");

            fx(() -> shell.openSample(shell.samples().stream()
                    .filter(s -> s.sample().name().equals("demo-shop")).findFirst().orElseThrow()));
            waitFor(() -> shell.project() != null && shell.tour().running());
            idle();
            fx(() -> views.data().selectedDatasetProperty().set(views.data().datasets().stream()
                    .filter(d -> d.name().equals("transactions")).findFirst().orElse(views.data().datasets().getFirst())));
            waitFor(() -> views.data().profileProperty().get() != null);
            idle();
            settle(1500);
            shot("02-tour-data");
            fx(() -> shell.tour().dismiss());
            settle(600);
            shot("03-data");

            fx(() -> shell.selectedStepProperty().set(Step.FEATURES));
            waitFor(() -> !views.features().featureSets().isEmpty());
            idle();
            fx(() -> views.features().selectedProperty().set(views.features().featureSets().getFirst()));
            idle();
            fx(() -> views.features().preview());
            idle();
            settle(1500);
            shot("04-features");

            fx(() -> shell.selectedStepProperty().set(Step.SEGMENTS));
            waitFor(() -> !views.segments().featureSets().isEmpty());
            idle();
            fx(() -> {
                views.segments().kFromProperty().set(2);
                views.segments().kToProperty().set(8);
                views.segments().runSweep();
            });
            waitFor(() -> views.segments().sweepProperty().get() != null && !views.segments().busyProperty().get());
            idle();
            settle(1500);
            shot("05-segments-sweep");
            fx(() -> views.segments().openRun("planted-k4"));
            waitFor(() -> views.segments().openedRunProperty().get() != null && !views.segments().busyProperty().get());
            idle();
            fx(() -> views.segments().runFit()); // the saved run's settings, fitted again: sizes and profiles
            waitFor(() -> views.segments().fitProperty().get() != null && !views.segments().busyProperty().get());
            idle();
            fx(() -> {
                Node root = stage.getScene().getRoot();
                root.lookupAll(".tab-pane").stream().filter(n -> "resultTabs".equals(n.getId()))
                        .map(TabPane.class::cast).findFirst().ifPresent(t -> t.getSelectionModel().select(4));
                scrollAllDown(root);
            });
            settle(1500);
            shot("06-segments-profiles");

            fx(() -> shell.selectedStepProperty().set(Step.PERSONAS));
            waitFor(() -> views.personas().loadedProperty().get() && !views.personas().busyProperty().get());
            idle();
            settle(1500);
            shot("07-personas");

            fx(() -> shell.selectedStepProperty().set(Step.RULES));
            waitFor(() -> !views.rules().fields().isEmpty() && !views.rules().savedRules().isEmpty());
            idle();
            fx(() -> {
                views.rules().open(views.rules().savedRules().getFirst());
                views.rules().overlapRunProperty().set("planted-k4");
                views.rules().segmentRunProperty().set("planted-k4");
            });
            waitFor(() -> !views.rules().overlapRows().isEmpty());
            idle();
            settle(1500);
            shot("08-rules");

            fx(() -> shell.selectedStepProperty().set(Step.RECOMMENDATIONS));
            waitFor(() -> views.recommendations().loadedProperty().get() != null
                    && !views.recommendations().busyProperty().get());
            idle();
            fx(() -> views.recommendations().evaluate());
            waitFor(() -> !views.recommendations().evaluation().isEmpty() && !views.recommendations().busyProperty().get());
            idle();
            fx(() -> stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                    .forEach(t -> t.getSelectionModel().select(1))); // Evaluation
            settle(1500);
            shot("09-recommendations");

            fx(() -> shell.selectedStepProperty().set(Step.EXPERIMENTS));
            waitFor(() -> !views.experiments().saved().isEmpty());
            idle();
            fx(() -> views.experiments().savedChoiceProperty().set(views.experiments().saved().getFirst()));
            idle();
            fx(() -> views.experiments().analyse());
            waitFor(() -> views.experiments().readoutProperty().get() != null
                    && !views.experiments().busyProperty().get());
            idle();
            settle(1500);
            shot("10-experiments");

            fx(() -> shell.selectedStepProperty().set(Step.EXPORT));
            waitFor(() -> !views.export().runs().isEmpty() && !views.export().columns().isEmpty());
            idle();
            settle(1500);
            shot("11-export");

            fx(() -> views.view().showPreferences());
            settle(1200);
            shot("12-preferences");
            fx(() -> closeDialogs());
            fx(() -> views.view().showAbout());
            settle(1200);
            shot("13-about");
            fx(() -> closeDialogs());
            fx(() -> shell.closeProject());
            idle();
        }

        private static void scrollAllDown(Node root) {
            root.lookupAll(".scroll-pane").stream().map(ScrollPane.class::cast)
                    .filter(s -> s.getStyleClass().contains("sidebar-scroll") == false)
                    .forEach(s -> s.setVvalue(s.getVmax()));
        }

        private void closeDialogs() {
            for (Window w : Window.getWindows().stream().toList()) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
        }
    }
}
