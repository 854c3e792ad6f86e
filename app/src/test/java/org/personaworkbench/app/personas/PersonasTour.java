package org.personaworkbench.app.personas;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellView;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * A scripted screenshot tour of the Personas step on a real display (developer tool, not a test):
 * {@code Xvfb :83 -screen 0 1280x800x24 &}, then run this class with the test class path and
 * {@code DISPLAY=:83}. Arguments: the folder for the PNGs; optionally a project file and a run name to tour the
 * real engine on that project ({@code PersonasTour shots retail.mv.db rfm-k4}); without them the fake engine's
 * four UCI-like personas are shown. Shots: gallery, traits, content map, comparison, workshop mode, dark theme.
 */
public final class PersonasTour {

    private PersonasTour() {
    }

    public static void main(String[] args) {
        System.setProperty("pwb.tour.out", args[0]);
        if (args.length > 2) {
            System.setProperty("pwb.tour.project", args[1]);
            System.setProperty("pwb.tour.run", args[2]);
        }
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private static final boolean REAL = System.getProperty("pwb.tour.project") != null;

        private final FakeDialogService dialogs = new FakeDialogService();
        private Stage stage;
        private ShellViewModel shell;
        private PersonasViewModel personas;

        @Override
        public void start(Stage primary) {
            stage = primary;
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            FakeEngine fake = new FakeEngine() {
                @Override
                public Project createProject(Path file, ProjectOptions options) {
                    return FakeProject.withRfm(file, "rfm", FakePersonas.CUSTOMERS);
                }
            };
            FakePersonas.install(fake);
            Engine engine = REAL ? new RealEngine() : fake;
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            var views = org.personaworkbench.app.shell.WorkbenchViews.wire(engine, tasks, dialogs, shell);
            personas = views.personas();
            ShellView shellView = views.view();
            org.personaworkbench.app.shell.TourSteps.showAndRun(stage, shellView.root(), node, this::tour);
        }

        private void tour() throws Exception {
            if (REAL) {
                fx(() -> shell.open(Path.of(System.getProperty("pwb.tour.project"))));
            } else {
                dialogs.newProjectFile = Path.of(System.getProperty("java.io.tmpdir"), "retail-personas");
                fx(() -> shell.newProject());
            }
            waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
            fx(() -> shell.selectedStepProperty().set(Step.PERSONAS));
            waitFor(() -> !personas.runs().isEmpty() && shell.tasks().running().isEmpty());
            if (REAL) {
                String run = System.getProperty("pwb.tour.run");
                fx(() -> personas.selectedRunProperty().set(personas.runs().stream()
                        .filter(r -> r.name().equals(run)).findFirst().orElseThrow()));
            }
            waitFor(() -> personas.loadedProperty().get() && shell.tasks().running().isEmpty());
            settle(800);
            shot("personas-01-gallery");
            report();

            fx(() -> personas.select(personas.personas().get(Math.min(1, personas.personas().size() - 1)).segment()));
            selectTab("traitsTab");
            settle(600);
            shot("personas-02-traits");

            selectTab("contentTab");
            settle(400);
            shot("personas-03-content");

            selectTab("notesTab");
            fx(() -> personas.addNote(personas.selectedProperty().get().segment(), "Try a loyalty tier with free delivery"));
            waitFor(() -> !personas.saving());
            settle(400);
            shot("personas-04-notes");

            fx(() -> personas.personas().forEach(p -> personas.setChecked(p.segment(), true)));
            fx(() -> fire("#personasCompareButton"));
            settle(600);
            shot("personas-05-compare");

            fx(() -> fire("#personasWorkshopButton"));
            settle(1200);
            shot("personas-06-workshop");
            fx(() -> personas.selectNext());
            fx(() -> personas.selectNext());
            settle(600);
            shot("personas-07-workshop-next");
            fx(() -> Stage.getWindows().stream().filter(w -> w instanceof WorkshopWindow).toList()
                    .forEach(w -> ((Stage) w).close()));
            fx(() -> personas.undo()); // the note of this tour: the project stays as it was
            waitFor(() -> !personas.saving());

            selectTab("storyTab");
            fx(() -> shell.darkThemeProperty().set(true));
            settle(800);
            shot("personas-08-dark");
            if (!dialogs.errors.isEmpty()) {
                System.out.println("Errors: " + dialogs.errors);
            }
        }

        private void report() throws Exception {
            fx(() -> {
                for (var p : personas.personas()) {
                    System.out.printf("persona %d: %s — %s (%s)%n", p.segment(), p.name(), p.summary(),
                            GoalText.label(p.goal()));
                }
                javafx.scene.Node g = stage.getScene().lookup("#personaGallery");
                javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) stage.getScene()
                        .lookup(".persona-gallery-scroll");
                System.out.println("gallery " + g.getLayoutBounds() + " vvalue " + sp.getVvalue() + " viewport "
                        + sp.getViewportBounds() + " focus " + stage.getScene().getFocusOwner());
                ((javafx.scene.layout.Pane) g).getChildren().forEach(c -> System.out.println("  card "
                        + c.getBoundsInParent()));
                SegmentationRunInfo run = personas.selectedRunProperty().get();
                System.out.println("run " + run.name() + ": " + run.segments() + " segments, " + run.rows() + " rows");
            });
        }

        private void fire(String id) {
            ((ButtonBase) stage.getScene().lookup(id)).fire();
        }

        private void selectTab(String id) throws Exception {
            fx(() -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#personaTabs");
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            });
        }




    }
}
