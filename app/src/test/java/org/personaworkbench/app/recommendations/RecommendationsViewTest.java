package org.personaworkbench.app.recommendations;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FakeRecommendations;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.ui.UiResources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Recommendations view with the fake engine's 300 UCI-like customers and real background work (Monocle). */
@ExtendWith(ApplicationExtension.class)
class RecommendationsViewTest {

    @TempDir
    static Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private RecommendationsViewModel vm;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        FakeRecommendations.install(engine, 300);
        vm = new RecommendationsViewModel(engine, tasks, dialogs, open);
        Scene scene = new Scene(new RecommendationsView(vm).root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
        open.set(new OpenProject(FakeProject.withRfm(dir.resolve("recs-view.mv.db"), "rfm", 300), List.of()));
        vm.refresh();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void typingACustomerIdShowsTheirPersonaAndTwoListsWithExplanations(FxRobot robot) throws Exception {
        waitUntil(() -> vm.trainedStrategies().size() == 2 && !vm.busyProperty().get());
        robot.clickOn("#customerField").eraseText(10).write("12353");
        waitUntil(() -> vm.suggestions().contains("12353"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> "12353".equals(vm.customerProperty().get())
                && robot.lookup("#list-itemknn").tryQuery().isPresent());

        String persona = engine.recommendationData.personaOfUser().get("12353");
        assertEquals(persona, robot.lookup("#customerPersona").queryAs(Label.class).getText());
        ListView<RankedItem> popularity = list(robot, "#list-popularity");
        ListView<RankedItem> itemKnn = list(robot, "#list-itemknn");
        assertEquals(10, popularity.getItems().size());
        assertTrue(popularity.getItems().getFirst().explanation().matches("Bought by \\d+ customers"),
                popularity.getItems().getFirst().explanation());
        assertTrue(itemKnn.getItems().getFirst().explanation().startsWith("Because you bought "),
                itemKnn.getItems().getFirst().explanation());
        List<String> history = vm.history().stream().map(HistoryRow::item).toList();
        assertTrue(itemKnn.getItems().stream().noneMatch(r -> history.contains(r.item())), "no bought item listed");
        assertTrue(robot.lookup("#diversity-itemknn").queryAs(Label.class).getText().startsWith("diversity 0."));
    }

    @Test
    void movingTheDiversitySliderReordersTheListAndChangesItsFigure(FxRobot robot) throws Exception {
        waitUntil(() -> vm.trainedStrategies().size() == 2 && !vm.busyProperty().get());
        robot.interact(() -> vm.findCustomer("12346"));
        waitUntil(() -> robot.lookup("#list-itemknn").tryQuery().isPresent());
        List<String> before = list(robot, "#list-itemknn").getItems().stream().map(RankedItem::item).toList();
        String figureBefore = robot.lookup("#diversity-itemknn").queryAs(Label.class).getText();

        robot.interact(() -> robot.lookup("#diversitySlider").queryAs(Slider.class).setValue(0.9));
        waitUntil(() -> !list(robot, "#list-itemknn").getItems().stream().map(RankedItem::item).toList()
                .equals(before));

        assertEquals(0.9, vm.diversityProperty().get(), 1e-9);
        List<String> after = list(robot, "#list-itemknn").getItems().stream().map(RankedItem::item).toList();
        assertNotEquals(before, after);
        assertNotEquals(figureBefore, robot.lookup("#diversity-itemknn").queryAs(Label.class).getText());
    }

    @Test
    void evaluationFillsTheTableAndCancelStopsARunningOne(FxRobot robot) throws Exception {
        waitUntil(() -> vm.trainedStrategies().size() == 2 && !vm.busyProperty().get());
        robot.clickOn("Evaluation");
        robot.clickOn("#evaluateButton");
        javafx.scene.control.TableView<?> table = robot.lookup("#evaluationTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 2);
        assertTrue(robot.lookup("#protocolLine").queryAs(Label.class).getText()
                .startsWith("Seeded random 80/20 split per customer (seed 42) · relevant: every held-out purchase"));

        engine.evaluationGate = new java.util.concurrent.CountDownLatch(1);
        robot.clickOn("#evaluateButton");
        waitUntil(() -> robot.lookup("#recommendationsCancelButton").query().isVisible());
        robot.clickOn("#recommendationsCancelButton");
        Label message = robot.lookup("#recommendationsMessage").queryAs(Label.class);
        waitUntil(() -> message.getText().startsWith("Cancelled"));
        assertEquals(2, table.getItems().size(), "the earlier figures stay");
        assertTrue(!robot.lookup("#evaluateButton").query().isDisabled());
    }

    @SuppressWarnings("unchecked")
    private static ListView<RankedItem> list(FxRobot robot, String id) {
        return (ListView<RankedItem>) robot.lookup(id).queryAs(ListView.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
