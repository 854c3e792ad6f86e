package org.personaworkbench.app.rules;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rules view with the fake engine, real background work and debouncing (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class RulesViewTest {

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
        RulesViewModel vm = new RulesViewModel(engine, tasks, dialogs, open);
        Scene scene = new Scene(new RulesView(vm).root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
        open.set(new OpenProject(FakeProject.withRfm(Path.of("/tmp/rules-view.mv.db"), "rfm", 3), List.of()));
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void typingARuleFillsTheBuilderCountsItAndAnErrorGetsACaret(FxRobot robot) throws Exception {
        robot.clickOn("#ruleTextArea").write("frequency >= 2 and monetary > 30");
        Label count = robot.lookup("#ruleCount").queryAs(Label.class);
        waitUntil(() -> count.getText().startsWith("1 customer ("));
        VBox builder = robot.lookup("#ruleBuilder").queryAs(VBox.class);
        assertEquals(2, robot.from(builder).lookup(".rule-row").queryAll().size());

        robot.clickOn("#overlapRunChoice").clickOn("March");
        TableView<?> overlap = robot.lookup("#overlapTable").queryTableView();
        waitUntil(() -> overlap.getItems().size() == 2);

        robot.clickOn("#ruleTextArea").write(" and");
        Label error = robot.lookup("#ruleError").queryAs(Label.class);
        waitUntil(error::isVisible);
        assertTrue(error.getText().startsWith("Column 37: expected a field name"), error.getText());
        Label caret = robot.lookup("#ruleCaret").queryAs(Label.class);
        assertTrue(caret.getText().endsWith(" ".repeat(36) + "^"), caret.getText());
        assertEquals(2, robot.from(builder).lookup(".rule-row").queryAll().size(), "the builder is kept");
        waitUntil(() -> count.getText().startsWith("Fix the rule"));
    }

    @Test
    void builderRowsWriteTheTextAndASavedRuleIsListed(FxRobot robot) throws Exception {
        robot.clickOn("#ruleTextArea").write("recency_days <= 30");
        TextArea text = robot.lookup("#ruleTextArea").queryAs(TextArea.class);
        waitUntil(() -> robot.lookup(".rule-value").tryQuery().isPresent());
        robot.clickOn("#addConditionButton");
        waitUntil(() -> robot.lookup(".rule-row").queryAll().size() == 2);
        javafx.scene.control.ComboBox<?> secondField = (javafx.scene.control.ComboBox<?>) robot.lookup(".rule-field")
                .queryAll().stream().skip(1).findFirst().orElseThrow();
        robot.clickOn(secondField).clickOn("segment   · text");
        var secondValue = robot.lookup(".rule-value").queryAll().stream().skip(1).findFirst().orElseThrow();
        robot.clickOn(secondValue).write("Lost");
        waitUntil(() -> text.getText().equals("recency_days <= 30 and segment = \"Lost\""));
        Label count = robot.lookup("#ruleCount").queryAs(Label.class);
        waitUntil(() -> count.getText().startsWith("1 customer ("));

        robot.clickOn("#ruleNameField").write("Recent lost");
        robot.clickOn("#saveRuleButton");
        ListView<?> saved = robot.lookup("#savedRuleList").queryListView();
        waitUntil(() -> saved.getItems().size() == 1);
        assertEquals(new SavedRuleRow("Recent lost", "recency_days <= 30 and segment = \"Lost\"", 1),
                saved.getItems().getFirst());
        assertEquals(List.of(), dialogs.errors);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
