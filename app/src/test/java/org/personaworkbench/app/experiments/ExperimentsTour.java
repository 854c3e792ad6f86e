package org.personaworkbench.app.experiments;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeExperiments;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;
import org.personaworkbench.app.shell.TourSteps;
import org.personaworkbench.app.shell.WorkbenchViews;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * A scripted screenshot tour of the Experiments step on a real display (developer tool, not a test):
 * {@code Xvfb :82 -screen 0 1280x800x24 &}, then run this class with the test class path and {@code DISPLAY=:82}.
 * Arguments: {@code shots OUT [PROJECT [DATASET [CONVERSION_COLUMN]]]}, for example
 * {@code shots docs /tmp/ab.mv.db cookie_cats retention_7}. With a project file it uses the real engine on it: the
 * dataset named, or the first with a variant column, read out with its preselected columns (the conversion column
 * as named), and takes
 * {@code experiments-step.png} (top) and {@code experiments-step-charts.png}. Without one, the fake engine's seeded
 * checkout test (revenue with CUPED, breakdown by persona) is shown top, middle and bottom, with a sample-ratio
 * mismatch, a metric-only readout and the dark theme.
 */
public final class ExperimentsTour {

    private ExperimentsTour() {
    }

    public static void main(String[] args) {
        int first = args.length > 0 && args[0].equals("shots") ? 1 : 0;
        System.setProperty("pwb.tour.out", args[first]);
        if (args.length > first + 1) {
            System.setProperty("pwb.tour.project", args[first + 1]);
        }
        if (args.length > first + 2) {
            System.setProperty("pwb.tour.dataset", args[first + 2]);
        }
        if (args.length > first + 3) {
            System.setProperty("pwb.tour.conversion", args[first + 3]);
        }
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private static final boolean REAL = System.getProperty("pwb.tour.project") != null;

        private final FakeDialogService dialogs = new FakeDialogService();
        private final FakeEngine fake = new FakeEngine() {
            @Override
            public Project createProject(Path file, ProjectOptions options) {
                return FakeExperiments.project(file);
            }
        };
        private Stage stage;
        private ShellViewModel shell;
        private ExperimentsViewModel vm;

        @Override
        public void start(Stage primary) {
            stage = primary;
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            FakePersonas.install(fake);
            Engine engine = REAL ? new RealEngine() : fake;
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            WorkbenchViews views = WorkbenchViews.wire(engine, tasks, dialogs, shell);
            vm = views.experiments();
            TourSteps.showAndRun(stage, views.view().root(), node, this::tour);
        }

        private void tour() throws Exception {
            if (REAL) {
                fx(() -> shell.open(Path.of(System.getProperty("pwb.tour.project"))));
            } else {
                dialogs.newProjectFile = Path.of(System.getProperty("java.io.tmpdir"), "checkout-experiment");
                fx(() -> shell.newProject());
            }
            waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
            fx(() -> shell.selectedStepProperty().set(Step.EXPERIMENTS));
            waitFor(() -> shell.tasks().running().isEmpty());
            String wanted = System.getProperty("pwb.tour.dataset");
            if (wanted != null && vm.saved().stream().anyMatch(wanted::equalsIgnoreCase)) {
                fx(() -> vm.savedChoiceProperty().set(wanted)); // a saved experiment: its whole setup
            } else if (wanted != null) {
                fx(() -> vm.datasetProperty().set(wanted));
            }
            waitFor(() -> shell.tasks().running().isEmpty());
            if (vm.datasetProperty().get() == null) {
                settle(500);
                shot("experiments-00-no-dataset");
                System.out.println("No dataset with a variant column: " + vm.datasets());
                return;
            }
            String conversion = System.getProperty("pwb.tour.conversion");
            if (conversion != null) {
                fx(() -> {
                    vm.conversionColumnProperty().set(conversion);
                    vm.nameProperty().set(vm.datasetProperty().get() + " " + conversion);
                });
            }
            if (!REAL) {
                fx(() -> {
                    vm.metricColumnProperty().set("revenue");
                    vm.covariateColumnProperty().set("revenue_before");
                    vm.breakdownProperty().set(new BreakdownChoice(ExperimentDefinition.BreakdownKind.PERSONAS,
                            FakePersonas.RUN));
                    vm.nameProperty().set("checkout button");
                });
            }
            analyse();
            shot(REAL ? "experiments-step" : "experiments-01-top");
            scroll(0.45);
            shot(REAL ? "experiments-step-charts" : "experiments-02-middle");
            if (REAL) {
                scroll(1);
                shot("experiments-step-bottom");
                return;
            }
            scroll(1);
            shot("experiments-03-bottom");

            fx(() -> {
                fake.experimentUsers = new long[] {6000, 4000};
                vm.splitProperty().set("50,50");
                vm.breakdownProperty().set(new BreakdownChoice(ExperimentDefinition.BreakdownKind.COLUMN, "country"));
            });
            analyse();
            scroll(0);
            shot("experiments-04-srm");
            scroll(0.5);
            shot("experiments-05-country");

            fx(() -> {
                fake.experimentUsers = new long[] {5000, 5000, 5000};
                fake.experimentRates = new double[] {0.10, 0.112, 0.098};
                vm.splitProperty().set("");
                vm.conversionColumnProperty().set("");
                vm.covariateColumnProperty().set("");
                vm.breakdownProperty().set(BreakdownChoice.NONE);
                vm.nameProperty().set("revenue only");
                vm.variantColumnProperty().set("country");
                vm.variantColumnProperty().set("variant");
            });
            waitFor(() -> shell.tasks().running().isEmpty() && vm.controls().size() == 3);
            analyse();
            scroll(0);
            shot("experiments-06-metric-top");
            scroll(0.6);
            shot("experiments-07-metric-charts");
            fx(() -> shell.darkThemeProperty().set(true));
            settle(800);
            shot("experiments-08-dark");
            scroll(0);
            shot("experiments-09-dark-top");
            if (!dialogs.errors.isEmpty()) {
                System.out.println("Errors: " + dialogs.errors);
            }
        }

        private void analyse() throws Exception {
            long started = System.nanoTime();
            fx(() -> vm.analyse());
            waitFor(() -> !vm.busyProperty().get() && shell.tasks().running().isEmpty());
            System.out.printf("read out in %.2f s: %s%n  %s%n  %s%n", (System.nanoTime() - started) / 1e9,
                    vm.messageProperty().get(), vm.verdictProperty().get().replace("\n", "\n  "),
                    vm.readSummaryProperty().get());
            if (!dialogs.errors.isEmpty()) {
                System.out.println("Errors: " + dialogs.errors);
            }
            settle(800);
        }

        private void scroll(double at) throws Exception {
            fx(() -> ((ScrollPane) stage.getScene().lookup("#experimentsScroll")).setVvalue(at));
            settle(500);
        }
    }
}
