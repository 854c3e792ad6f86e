package org.personaworkbench.app.recommendations;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FakeRecommendations;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;
import org.personaworkbench.app.shell.WorkbenchViews;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.recommendations.Algorithm;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * A scripted screenshot tour of the Recommendations step on a real display (developer tool, not a test):
 * {@code Xvfb :84 -screen 0 1280x800x24 &}, then run this class with the test class path and {@code DISPLAY=:84}.
 * Arguments: the folder for the PNGs; optionally a project file to tour the real engine on it
 * ({@code RecommendationsTour shots /tmp/demo2/retail.mv.db}, optionally a customer id third); without it the fake
 * engine's 400 UCI-like customers are shown. Shots: a customer with two lists, the same with diversity 0.8,
 * a context (morning), four strategies evaluated, the evaluation for one persona, the export tab.
 */
public final class RecommendationsTour {

    private RecommendationsTour() {
    }

    public static void main(String[] args) {
        System.setProperty("pwb.tour.out", args[0]);
        if (args.length > 1) {
            System.setProperty("pwb.tour.project", args[1]);
        }
        if (args.length > 2) {
            System.setProperty("pwb.tour.customer", args[2]);
        }
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private static final boolean REAL = System.getProperty("pwb.tour.project") != null;

        private final FakeDialogService dialogs = new FakeDialogService();
        private Stage stage;
        private ShellViewModel shell;
        private RecommendationsViewModel vm;

        @Override
        public void start(Stage primary) {
            stage = primary;
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            FakeEngine fake = new FakeEngine() {
                @Override
                public Project createProject(Path file, ProjectOptions options) {
                    return FakeProject.withRfm(file, "rfm", 400);
                }
            };
            FakePersonas.install(fake);
            FakeRecommendations.install(fake, 400);
            Engine engine = REAL ? new RealEngine() : fake;
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            WorkbenchViews views = WorkbenchViews.wire(engine, tasks, dialogs, shell);
            vm = views.recommendations();
            org.personaworkbench.app.shell.TourSteps.showAndRun(stage, views.view().root(), node, this::tour);
        }

        private void tour() throws Exception {
            long started = System.nanoTime();
            if (REAL) {
                fx(() -> shell.open(Path.of(System.getProperty("pwb.tour.project"))));
            } else {
                dialogs.newProjectFile = Path.of(System.getProperty("java.io.tmpdir"), "retail-recommendations");
                fx(() -> shell.newProject());
            }
            waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
            fx(() -> shell.selectedStepProperty().set(Step.RECOMMENDATIONS));
            waitFor(() -> (vm.loadedProperty().get() != null || !dialogs.errors.isEmpty()
                    || !vm.messageProperty().get().isEmpty()) && !vm.busyProperty().get()
                    && shell.tasks().running().isEmpty());
            if (vm.loadedProperty().get() == null) {
                settle(500);
                shot("recommendations-00-no-data");
                System.out.println("No data: " + vm.messageProperty().get() + " " + dialogs.errors);
                return;
            }
            System.out.printf("read and trained in %.1f s: %s%n", (System.nanoTime() - started) / 1e9,
                    vm.dataSummaryProperty().get());
            String customer = System.getProperty("pwb.tour.customer", REAL
                    ? vm.loadedProperty().get().interactions().userId(1) : "12353");
            fx(() -> {
                TextField field = (TextField) stage.getScene().lookup("#customerField");
                field.requestFocus();
                vm.customerQueryProperty().set(customer.substring(0, customer.length() - 1));
            });
            settle(500);
            shot("recommendations-00-suggestions");
            fx(() -> {
                vm.customerQueryProperty().set(customer);
                vm.findCustomer(customer);
            });
            waitFor(() -> !vm.lists().isEmpty() && shell.tasks().running().isEmpty());
            settle(800);
            shot("recommendations-01-customer");
            report();

            fx(() -> ((Slider) stage.getScene().lookup("#diversitySlider")).setValue(0.8));
            settle(600);
            waitFor(() -> shell.tasks().running().isEmpty());
            settle(400);
            shot("recommendations-02-diversity");
            report();

            fx(() -> {
                ((Slider) stage.getScene().lookup("#diversitySlider")).setValue(0);
                vm.contextProperty().set(vm.contexts().contains("morning") ? "morning" : vm.contexts().getLast());
            });
            settle(600);
            waitFor(() -> shell.tasks().running().isEmpty());
            settle(400);
            shot("recommendations-02b-context");
            System.out.println("contexts " + vm.contexts() + ", chosen '" + vm.contextProperty().get() + "'");
            report();
            fx(() -> vm.contextProperty().set(""));

            fx(() -> {
                ((Slider) stage.getScene().lookup("#diversitySlider")).setValue(0);
                vm.strategies().get(Algorithm.ALS.ordinal()).selectedProperty().set(true);
                vm.strategies().get(Algorithm.HYBRID.ordinal()).selectedProperty().set(true);
            });
            waitFor(() -> !vm.busyProperty().get() && shell.tasks().running().isEmpty());
            settle(500);
            shot("recommendations-03-four-lists");
            selectTab("evaluationTab");
            long evalStart = System.nanoTime();
            fx(() -> vm.evaluate());
            waitFor(() -> !vm.evaluation().isEmpty() && !vm.busyProperty().get());
            System.out.printf("evaluated in %.1f s%n", (System.nanoTime() - evalStart) / 1e9);
            settle(800);
            shot("recommendations-04-evaluation");
            fx(() -> vm.evaluation().forEach(r -> System.out.printf("%s ndcg %.3f p %.3f r %.3f cov %.3f%n",
                    r.algorithm(), r.metrics().ndcg(), r.metrics().precision(), r.metrics().recall(),
                    r.metrics().coverage())));
            fx(() -> {
                if (vm.personaFilters().size() > 1) {
                    vm.personaFilterProperty().set(vm.personaFilters().get(1));
                }
            });
            settle(600);
            shot("recommendations-05-evaluation-persona");
            selectTab("recommendationsExportTab");
            settle(400);
            shot("recommendations-06-export");
            selectTab("customerTab");
            fx(() -> shell.darkThemeProperty().set(true));
            settle(800);
            shot("recommendations-07-dark");
            if (!dialogs.errors.isEmpty()) {
                System.out.println("Errors: " + dialogs.errors);
            }
        }

        private void report() throws Exception {
            fx(() -> {
                System.out.println("customer " + vm.customerProperty().get() + " (" + vm.personaProperty().get()
                        + "), " + vm.history().size() + " items in history; λ = " + vm.diversityProperty().get());
                for (StrategyList l : vm.lists()) {
                    System.out.printf("  %s diversity %.3f: %s%n", l.algorithm(), l.diversity(),
                            l.items().stream().limit(5).map(RankedItem::item).toList());
                }
            });
        }

        private void selectTab(String id) throws Exception {
            fx(() -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#recommendationsTabs");
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            });
        }




    }
}
