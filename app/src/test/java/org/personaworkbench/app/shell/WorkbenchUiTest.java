package org.personaworkbench.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.RealEngine;
import org.personaworkbench.app.data.HistogramSparkline;
import org.personaworkbench.engine.profile.ColumnProfile;
import org.personaworkbench.engine.project.DatasetInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.personaworkbench.app.shell.UiTestSupport.waitUntil;

/**
 * The real main window on the real engine (headless Monocle): create a project in a temp folder,
 * import a small CSV through the wizard, see the dataset with its row count and its profile.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    @TempDir
    static Path dir;

    private final UiTestSupport ui = new UiTestSupport();

    @Start
    void start(Stage stage) {
        ui.show(stage, new RealEngine());
    }

    @AfterEach
    void tearDown() throws Exception {
        ui.close();
    }

    @Test
    void welcomeScreenOffersNewOpenAndBothSampleProjectsWithLaterStepsDisabled(FxRobot robot) {
        assertTrue(robot.lookup("#welcomeRoot").tryQuery().isPresent());
        assertFalse(robot.lookup("#newProjectButton").queryButton().isDisabled());
        assertFalse(robot.lookup("#openProjectButton").queryButton().isDisabled());
        Button retail = robot.lookup("#openSample-online-retail").queryButton();
        Button shop = robot.lookup("#openSample-demo-shop").queryButton();
        assertEquals("Open sample: Online retail", retail.getText());
        assertEquals("Open sample: Demo shop", shop.getText());
        assertTrue(retail.isVisible() && !retail.isDisabled());
        assertTrue(shop.isVisible() && !shop.isDisabled());
        assertTrue(robot.lookup(".sample-row").queryAll().stream().allMatch(row -> ((javafx.scene.layout.HBox) row)
                .getChildren().stream().anyMatch(n -> n instanceof javafx.scene.layout.VBox)),
                "each sample shows its title and one-line description");
        for (Step step : Step.values()) {
            ToggleButton b = robot.lookup("#" + step.nodeId()).queryAs(ToggleButton.class);
            assertTrue(b.isDisabled(), step + " has no project to work on yet");
        }
    }

    @Test
    void createProjectImportCsvThroughTheWizardAndSeeItsProfile(FxRobot robot) throws Exception {
        Path csv = dir.resolve("Orders 2024.csv");
        Files.writeString(csv, """
                customer_id,amount,country
                c1,10.5,UK
                c2,20,France
                c3,30.25,UK
                c4,7.75,Germany
                c5,12,UK
                """);
        double mean = (10.5 + 20 + 30.25 + 7.75 + 12) / 5;
        ui.dialogs.newProjectFile = dir.resolve("ui-test");
        ui.dialogs.fileToImport = csv;

        robot.clickOn("#newProjectButton");
        waitUntil(() -> ui.shell.project() != null && ui.shell.tasks().running().isEmpty());
        assertTrue(Files.exists(dir.resolve("ui-test.mv.db")));
        assertTrue(robot.lookup("#dataView").tryQuery().isPresent(), "the Data step is shown");
        assertTrue(robot.lookup("#step-data").queryAs(ToggleButton.class).isSelected());
        assertFalse(robot.lookup("#" + Step.FEATURES.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.SEGMENTS.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.PERSONAS.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.RULES.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.EXPORT.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.RECOMMENDATIONS.nodeId()).queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#" + Step.EXPERIMENTS.nodeId()).queryAs(ToggleButton.class).isDisabled());

        robot.clickOn("#importDataButton");
        waitUntil(() -> robot.lookup("#previewTable").tryQuery()
                .map(n -> ((TableView<?>) n).getColumns().size() == 3).orElse(false));
        TableView<?> preview = robot.lookup("#previewTable").queryTableView();
        assertEquals(5, preview.getItems().size());
        TextField name = robot.lookup("#datasetNameField").queryAs(TextField.class);
        assertEquals("orders_2024", name.getText());
        robot.clickOn(name).eraseText(name.getText().length()).write("orders");
        waitUntil(() -> "orders".equals(name.getText()));
        Button start = robot.lookup("#startImportButton").queryButton();
        assertFalse(start.isDisabled());
        robot.clickOn(start);

        TableView<DatasetInfo> datasets = robot.lookup("#datasetTable").queryTableView();
        waitUntil(() -> datasets.getItems().size() == 1);
        assertEquals("orders", datasets.getItems().getFirst().name());
        assertEquals(5, datasets.getItems().getFirst().rows());
        assertEquals(3, datasets.getItems().getFirst().columns().size());
        assertTrue(robot.lookup("#datasetTable .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> "5".equals(c.getText())), "the row count is shown");

        TableView<ColumnProfile> profile = robot.lookup("#profileTable").queryTableView();
        waitUntil(() -> profile.getItems().size() == 3 && !ui.data.profilingProperty().get());
        ColumnProfile amount = profile.getItems().stream().filter(c -> c.name().equals("amount")).findFirst()
                .orElseThrow();
        assertEquals(mean, amount.mean(), 1e-9);
        String shownMean = Formats.number(mean);
        assertTrue(robot.lookup("#profileTable .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(c -> shownMean.equals(c.getText())), "the mean " + shownMean + " is shown");
        HistogramSparkline sparkline = robot.lookup(".histogram-sparkline").queryAs(HistogramSparkline.class);
        assertNotNull(sparkline);
        assertEquals(5, sparkline.counts().stream().mapToLong(Long::longValue).sum());
        String message = robot.lookup("#importMessage").queryLabeled().getText();
        assertTrue(message.contains("orders"), message);
        assertTrue(ui.dialogs.errors.isEmpty(), ui.dialogs.errors.toString());
    }

    @Test
    void keyboardShortcutsCreateAProjectAndOpenTheImportWizard(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("keys.csv"), "customer_id,amount\nc1,1\nc2,2\n");
        ui.dialogs.newProjectFile = dir.resolve("keys-test");
        ui.dialogs.fileToImport = csv;

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> ui.shell.project() != null && ui.shell.tasks().running().isEmpty());
        assertTrue(ui.shell.project().project().file().endsWith("keys-test.mv.db"));

        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#previewTable").tryQuery()
                .map(n -> ((TableView<?>) n).getColumns().size() == 2).orElse(false));
        robot.clickOn("#cancelWizardButton");
        waitUntil(() -> robot.lookup("#previewTable").tryQuery().isEmpty());
        assertTrue(ui.data.datasets().isEmpty(), "cancelling the wizard imports nothing");
    }

    @Test
    void badRowsAreAskedAboutOnTheFxThreadAndSkipped(FxRobot robot) throws Exception {
        Path csv = dir.resolve("ragged.csv");
        Files.writeString(csv, """
                customer_id,amount,country
                c1,10.5,UK
                c2,20,France
                c3,1.5
                c4,7.75,Germany
                """);
        ui.dialogs.newProjectFile = dir.resolve("ragged-test");
        ui.dialogs.fileToImport = csv;

        robot.clickOn("#newProjectButton");
        waitUntil(() -> ui.shell.project() != null && ui.shell.tasks().running().isEmpty());
        robot.clickOn("#importDataButton");
        waitUntil(() -> robot.lookup("#startImportButton").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        Path rejects = dir.resolve("ragged-rejected.csv");
        ui.dialogs.rejectsFile = rejects;
        robot.clickOn("#saveRejectsCheck");
        waitUntil(() -> robot.lookup("#rejectsPathLabel").queryLabeled().getText().equals(rejects.toString()));
        robot.clickOn("#startImportButton");

        TableView<DatasetInfo> datasets = robot.lookup("#datasetTable").queryTableView();
        waitUntil(() -> datasets.getItems().size() == 1);
        assertEquals(3, datasets.getItems().getFirst().rows());
        assertTrue(Files.readString(rejects).contains("c3"), "the rejected row was saved where asked");
        assertEquals(java.util.List.of(1L), ui.dialogs.badRowQuestions);
        assertNotNull(ui.dialogs.badRowThread);
        assertTrue(ui.dialogs.badRowThread.getName().contains("JavaFX Application Thread"),
                ui.dialogs.badRowThread.getName());
        Node message = robot.lookup("#importMessage").query();
        assertTrue(message.isVisible());
    }
}
