package org.personaworkbench.app.rules;

import static org.personaworkbench.app.shell.TourSteps.fx;
import static org.personaworkbench.app.shell.TourSteps.settle;
import static org.personaworkbench.app.shell.TourSteps.shot;
import static org.personaworkbench.app.shell.TourSteps.waitFor;

import javafx.application.Application;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.export.ExportViewModel;
import org.personaworkbench.app.shell.AppPreferences;
import org.personaworkbench.app.shell.ShellView;
import org.personaworkbench.app.shell.ShellViewModel;
import org.personaworkbench.app.shell.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * A scripted screenshot tour of the Rules and Export steps with the real engine on a project that has the
 * feature set {@code rfm} and the run {@code rfm-k4} (developer tool, not a test): {@code Xvfb :82 -screen 0
 * 1280x800x24 &}, then run this class with the test class path, {@code DISPLAY=:82} and the arguments
 * {@code OUT_FOLDER PROJECT_FILE}. It writes rules-step.png and export-step.png (and the exported CSV) there.
 */
public final class RulesExportTour {

    private RulesExportTour() {
    }

    public static void main(String[] args) {
        System.setProperty("pwb.tour.out", args[0]);
        System.setProperty("pwb.tour.project", args[1]);
        Application.launch(Tour.class);
    }

    /** The application the tour runs. */
    public static final class Tour extends Application {

        private final FakeDialogService dialogs = new FakeDialogService();
        private Stage stage;
        private ShellViewModel shell;
        private RulesViewModel rules;
        private ExportViewModel export;

        @Override
        public void start(Stage primary) {
            stage = primary;
            Preferences node = Preferences.userRoot().node("org/personaworkbench/tour/" + UUID.randomUUID());
            Engine engine = new RealEngine();
            Theme.apply(false);
            FxTaskRunner tasks = new FxTaskRunner();
            shell = new ShellViewModel(engine, tasks, dialogs, new AppPreferences(node));
            var views = org.personaworkbench.app.shell.WorkbenchViews.wire(engine, tasks, dialogs, shell);
            rules = views.rules();
            export = views.export();
            ShellView view = views.view();
            org.personaworkbench.app.shell.TourSteps.showAndRun(stage, view.root(), node, this::tour);
        }

        private void tour() throws Exception {
            Path out = Path.of(System.getProperty("pwb.tour.out"));
            fx(() -> shell.open(Path.of(System.getProperty("pwb.tour.project"))));
            waitFor(() -> shell.project() != null && shell.tasks().running().isEmpty());
            fx(() -> shell.selectedStepProperty().set(Step.RULES));
            waitFor(() -> !rules.fields().isEmpty() && shell.tasks().running().isEmpty());
            fx(() -> rules.setText("recency_days <= 90 and (frequency >= 5 or monetary >= 2000)"));
            fx(() -> rules.saveNameProperty().set("Active big spenders"));
            fx(() -> rules.overlapRunProperty().set("rfm-k4"));
            fx(() -> rules.segmentRunProperty().set("rfm-k4"));
            waitFor(() -> !rules.overlapRows().isEmpty() && !rules.segments().isEmpty()
                    && shell.tasks().running().isEmpty());
            fx(() -> rules.save());
            waitFor(() -> rules.savedRules().stream().anyMatch(r -> r.name().equals("Active big spenders")));
            settle(900);
            shot(out, "rules-step");
            System.out.println("count: " + rules.countTextProperty().get());
            System.out.println("overlap: " + rules.overlapRows());
            System.out.println("errors: " + dialogs.errors);

            fx(() -> rules.setText("recency_days <= 90 and frequency >= "));
            settle(900);
            shot(out, "rules-step-error");

            fx(() -> shell.selectedStepProperty().set(Step.EXPORT));
            fx(() -> export.refresh()); // as WorkbenchApp does when the step is shown
            waitFor(() -> !export.runs().isEmpty() && !export.columns().isEmpty()
                    && shell.tasks().running().isEmpty());
            fx(() -> {
                export.runProperty().set("rfm-k4");
            });
            waitFor(() -> !export.columns().isEmpty() && shell.tasks().running().isEmpty());
            fx(() -> export.columns().forEach(c -> c.selectedProperty().set(
                    List.of("recency_days", "frequency", "monetary").contains(c.name()))));
            fx(() -> {
                export.hashIdsProperty().set(true);
                export.saltProperty().set("autumn-campaign-salt");
                export.holdoutProperty().set(true);
                export.holdoutShareProperty().set(0.1);
                export.seedProperty().set(42L);
                export.excelBomProperty().set(true);
            });
            Path csv = out.resolve("rfm-k4-campaign.csv");
            Files.deleteIfExists(csv);
            dialogs.exportFile = csv;
            fx(() -> export.export());
            waitFor(() -> export.summaryProperty().get() != null && !export.runningProperty().get());
            settle(900);
            shot(out, "export-step");
            System.out.println("export: " + export.summaryProperty().get().result());
            System.out.println("errors: " + dialogs.errors);
        }




    }
}
