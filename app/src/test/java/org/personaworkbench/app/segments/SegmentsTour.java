package org.personaworkbench.app.segments;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellView;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.segmentation.Algorithm;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * A scripted screenshot tour of the Segments step on a real display with the fake engine's believable figures
 * (developer tool, not a test): {@code Xvfb :82 -screen 0 1280x800x24 &} then run this class with the test
 * class path and {@code DISPLAY=:82}; arguments: the folder for the PNGs and the number of customers. With a
 * third argument, a project file, the tour runs the real engine on that project's feature set {@code rfm}
 * (recency, frequency, monetary) instead: {@code SegmentsTour shots 0 retail.mv.db}.
 */
public final class SegmentsTour {

    private SegmentsTour() {
    }

    public static void main(String[] args) {
        System.setProperty("pwb.tour.out", args[0]);
        System.setProperty("pwb.tour.rows", args.length > 1 ? args[1] : "60000");
        if (args.length > 2) {
            System.setProperty("pwb.tour.project", args[2]);
        }
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private static final boolean REAL = System.getProperty("pwb.tour.project") != null;

        private final FakeDialogService dialogs = new FakeDialogService();
        private Stage stage;
        private ShellViewModel shell;
        private SegmentsViewModel segments;

        @Override
        public void start(Stage primary) {
            stage = primary;
            int rows = Integer.parseInt(System.getProperty("pwb.tour.rows"));
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            FakeEngine fake = new FakeEngine() {
                @Override
                public Project createProject(Path file, ProjectOptions options) {
                    return FakeProject.withRfm(file, "rfm_online_retail", rows);
                }
            };
            fake.segmentRows = rows;
            Engine engine = REAL ? new RealEngine() : fake;
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            DataViewModel data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
            segments = new SegmentsViewModel(engine, tasks, dialogs, shell.projectProperty());
            ShellView view = new ShellView(shell, data, segments);
            org.personaworkbench.app.shell.TourSteps.showAndRun(stage, view.root(), node, this::tour);
        }

        private void tour() throws Exception {
            if (REAL) {
                fx(() -> shell.open(Path.of(System.getProperty("pwb.tour.project"))));
            } else {
                dialogs.newProjectFile = Path.of(System.getProperty("java.io.tmpdir"), "retail-segments");
                fx(() -> shell.newProject());
            }
            waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
            fx(() -> shell.selectedStepProperty().set(Step.SEGMENTS));
            waitFor(() -> !segments.featureSets().isEmpty() && shell.tasks().running().isEmpty());
            if (REAL) {
                // RFM's recency, frequency and monetary; or the planted-cluster benchmark file's f1..f8
                fx(() -> segments.columns().forEach(c -> c.selectedProperty().set(
                        List.of("recency_days", "frequency", "monetary").contains(c.name())
                                || c.name().matches("f\\d+"))));
            }
            settle(600);
            shot("segments-01-empty");

            fx(() -> fire("#runSweepButton"));
            waitFor(() -> segments.sweepProperty().get() != null && !segments.busyProperty().get());
            long t0 = System.nanoTime();
            fx(() -> fire("#runFitButton"));
            waitFor(() -> segments.fitProperty().get() != null && !segments.busyProperty().get());
            System.out.printf("fit shown after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            for (int i = 0; i < 5; i++) {
                long t1 = System.nanoTime();
                fx(() -> { });
                System.out.printf("FX round trip %.1f ms%n", (System.nanoTime() - t1) / 1e6);
                settle(200);
            }
            shot("segments-02-sweep");
            if (!dialogs.errors.isEmpty()) {
                System.out.println("Errors: " + dialogs.errors);
            }

            scrollTo(1.0);
            for (String tab : new String[] {"sizesTab", "silhouetteTab", "projectionTab", "profilesTab"}) {
                selectTab(tab);
                settle(600);
                shot("segments-03-" + tab);
            }

            fx(() -> segments.algorithmProperty().set(Algorithm.HIERARCHICAL));
            fx(() -> fire("#runFitButton"));
            waitFor(() -> segments.fitProperty().get() != null && segments.fitProperty().get().dendrogram() != null
                    && !segments.busyProperty().get());
            scrollTo(1.0);
            selectTab("dendrogramTab");
            settle(600);
            shot("segments-04-dendrogram");

            fx(() -> segments.algorithmProperty().set(Algorithm.DBSCAN));
            fx(() -> fire("#kDistanceButton"));
            waitFor(() -> segments.kDistanceProperty().get() != null && !segments.busyProperty().get());
            scrollTo(0.45);
            settle(600);
            shot("segments-05-kdistance");

            fx(() -> segments.algorithmProperty().set(Algorithm.KMEANS));
            fx(() -> segments.chooseK(4));
            fx(() -> fire("#runFitButton"));
            waitFor(() -> segments.fitProperty().get() != null && !segments.busyProperty().get());
            int runsBefore = segments.runs().size();
            fx(() -> segments.runNameProperty().set("October RFM k4"));
            fx(() -> segments.saveRun());
            waitFor(() -> segments.runs().size() == runsBefore + 1 && !segments.busyProperty().get());
            fx(() -> segments.chooseK(5));
            fx(() -> fire("#runFitButton"));
            waitFor(() -> segments.fitProperty().get().result().segments() == 5 && !segments.busyProperty().get());
            fx(() -> segments.runNameProperty().set("November RFM k5"));
            fx(() -> segments.saveRun());
            waitFor(() -> segments.runs().size() == runsBefore + 2 && !segments.busyProperty().get());
            fx(() -> {
                TableView<?> runs = (TableView<?>) stage.getScene().lookup("#runsTable");
                runs.getSelectionModel().selectRange(0, 2); // the two runs just saved (newest first)
            });
            fx(() -> fire("#compareRunsButton"));
            waitFor(() -> segments.comparisonProperty().get() != null && !segments.busyProperty().get());
            scrollTo(1.0);
            selectTab("runsTab");
            settle(600);
            shot("segments-06-runs");

            fx(() -> shell.darkThemeProperty().set(true));
            scrollTo(0.0);
            settle(800);
            shot("segments-07-dark");
        }

        private void fire(String id) {
            ((ButtonBase) stage.getScene().lookup(id)).fire();
        }

        private void selectTab(String id) throws Exception {
            fx(() -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#resultTabs");
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            });
        }

        private void scrollTo(double v) throws Exception {
            settle(300);
            fx(() -> {
                Node n = stage.getScene().lookup(".segments-scroll");
                ((ScrollPane) n).setVvalue(v);
            });
        }




    }
}
