package org.personaworkbench.app.export;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.ui.UiResources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Export view with the fake engine and real background work (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class ExportViewTest {

    @TempDir
    static Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        engine.savedRuns.add(new SegmentationRunInfo("March", "rfm", "v", "hash", "kmeans", "{}", 7, 2, 3, "{}",
                "{}", Instant.parse("2026-11-20T10:00:00Z")), new RunAssignments(List.of("c1", "c2", "c3"),
                new int[] {0, 1, 0}));
        ExportViewModel vm = new ExportViewModel(engine, tasks, dialogs, open);
        Scene scene = new Scene(new ExportView(vm).root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
        open.set(new OpenProject(FakeProject.withRfm(dir.resolve("export-view.mv.db"), "rfm", 3), List.of()));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void exportingARunShowsRowsFileAndPreview(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("monetary").tryQuery().isPresent());
        robot.clickOn("monetary");
        dialogs.exportFile = dir.resolve("march.csv");
        robot.clickOn("#exportButton");
        TextArea preview = robot.lookup("#exportPreview").queryAs(TextArea.class);
        waitUntil(() -> !preview.getText().isEmpty());
        assertEquals("customer_id,segment,persona,monetary\nc1,0,,50.0\nc2,1,,10.5\nc3,0,,21.0", preview.getText());
        assertEquals("3", robot.lookup("#exportRows").queryAs(Label.class).getText());
        assertEquals(dir.resolve("march.csv").toString(), robot.lookup("#exportFile").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#sourcePersona").query().isDisabled(), "no personas yet");
    }

    @Test
    void cancelStopsTheExportAndNoFileIsLeft(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("monetary").tryQuery().isPresent());
        engine.exportGate = new CountDownLatch(1);
        dialogs.exportFile = dir.resolve("cancelled.csv");
        robot.clickOn("#exportButton");
        waitUntil(() -> robot.lookup("#exportCancelButton").query().isVisible());
        robot.clickOn("#exportCancelButton");
        Label message = robot.lookup("#exportMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().contains("no file was written"));
        assertFalse(Files.exists(dir.resolve("cancelled.csv")));
        assertFalse(robot.lookup("#exportButton").query().isDisabled());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
