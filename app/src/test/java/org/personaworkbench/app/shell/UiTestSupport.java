package org.personaworkbench.app.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.app.personas.PersonasViewModel;
import org.personaworkbench.app.segments.SegmentsViewModel;
import org.personaworkbench.ui.UiResources;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/** Builds the real main window with a given engine, a fake dialog service and throw-away preferences. */
final class UiTestSupport {

    final FakeDialogService dialogs = new FakeDialogService();
    final Preferences node = Preferences.userRoot().node("org/personaworkbench/test/" + UUID.randomUUID());
    final AppPreferences prefs = new AppPreferences(node);
    final FxTaskRunner tasks = new FxTaskRunner();
    ShellViewModel shell;
    DataViewModel data;
    SegmentsViewModel segments;
    PersonasViewModel personas;
    ShellView view;
    /** Where samples are built; null for the user's data folder (set it before {@link #show} when samples are opened). */
    java.nio.file.Path samplesFolder;

    void show(Stage stage, Engine engine) {
        Theme.apply(false);
        shell = samplesFolder == null ? new ShellViewModel(engine, tasks, dialogs, prefs)
                : new ShellViewModel(engine, tasks, dialogs, prefs, samplesFolder);
        data = new DataViewModel(engine, tasks, dialogs, shell.projectProperty());
        segments = new SegmentsViewModel(engine, tasks, dialogs, shell.projectProperty());
        personas = new PersonasViewModel(engine, tasks, dialogs, shell.projectProperty());
        view = new ShellView(shell, data, segments, personas);
        view.addStepView(Step.FEATURES, new org.personaworkbench.app.features.FeaturesView(
                new org.personaworkbench.app.features.FeaturesViewModel(engine, tasks, dialogs,
                        shell.projectProperty())).root());
        view.addStepView(Step.RULES, new org.personaworkbench.app.rules.RulesView(
                new org.personaworkbench.app.rules.RulesViewModel(engine, tasks, dialogs,
                        shell.projectProperty())).root());
        view.addStepView(Step.EXPORT, new org.personaworkbench.app.export.ExportView(
                new org.personaworkbench.app.export.ExportViewModel(engine, tasks, dialogs,
                        shell.projectProperty())).root());
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    void close() throws Exception {
        if (shell != null) {
            WaitForAsyncUtils.asyncFx(() -> shell.shutdown()).get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        }
        tasks.close();
        node.removeNode();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
