package org.personaworkbench.app.experiments;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeExperiments;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.FxTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.ExperimentReadout;
import org.personaworkbench.ui.UiResources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Experiments view over the fake engine's seeded checkout test, with real background work (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ExperimentsViewTest {

    @TempDir
    static Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private ExperimentsViewModel vm;
    private FakeProject project;

    @Start
    void start(Stage stage) {
        Theme.apply(false);
        FakePersonas.install(engine);
        vm = new ExperimentsViewModel(engine, tasks, dialogs, open);
        Scene scene = new Scene(new ExperimentsView(vm).root(), 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.show();
        project = FakeExperiments.project(dir.resolve("experiments-view.mv.db"));
        open.set(new OpenProject(project, project.datasets()));
        vm.refresh();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void analysingShowsTheVerdictTheTablesAndTheForestPlot(FxRobot robot) throws Exception {
        waitUntil(() -> vm.controls().size() == 2 && !vm.busyProperty().get());
        choose(robot, "#experimentDatasetChoice", FakeExperiments.DATASET);
        choose(robot, "#metricColumnChoice", "revenue");
        assertEquals("variant", combo(robot, "#variantColumnChoice").getValue(), "preselected by its role");
        assertEquals("converted", combo(robot, "#conversionColumnChoice").getValue());
        assertEquals("A", combo(robot, "#controlChoice").getValue());

        robot.clickOn("#analyseButton");
        waitUntil(() -> vm.readoutProperty().get() != null && !vm.busyProperty().get());

        ExperimentReadout readout = vm.readoutProperty().get();
        AbTestReport report = readout.report();
        assertEquals(String.join("\n", readout.verdict()),
                robot.lookup("#verdictLabel").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#srmBanner").queryAs(Label.class).isVisible());
        TableView<?> variants = robot.lookup("#variantTable").queryAs(TableView.class);
        assertEquals(2, variants.getItems().size());
        assertEquals(ExperimentFormats.rate(report.variants().get(1).rate()), cell(variants, "Rate", 1));
        assertEquals(ExperimentFormats.rateInterval(report.variants().get(1).rateCi()),
                cell(variants, "95% CI\n(Wilson)", 1));
        assertEquals(ExperimentFormats.metric(report.variants().get(0).mean()), cell(variants, "Mean", 0));
        TableView<?> comparisons = robot.lookup("#comparisonTable").queryAs(TableView.class);
        AbTestReport.Comparison c = report.comparisons().getFirst();
        assertEquals(ExperimentFormats.points(c.absLift()), cell(comparisons, "Lift\n(points)", 0));
        assertEquals(ExperimentFormats.p(c.zP()), cell(comparisons, "z p", 0));
        TableView<?> sequential = robot.lookup("#sequentialTable").queryAs(TableView.class);
        assertEquals(ExperimentFormats.probability(c.probBeatControl()), cell(sequential, "P(beats\ncontrol)", 0));
        assertEquals(ExperimentFormats.p(c.sequential().alwaysValidP()), cell(sequential, "Always-valid\np", 0));
        assertEquals(ExperimentFormats.pointsInterval(c.sequential().alwaysValidCi()),
                cell(sequential, "Always-valid 95% CI\n(points)", 0));
        assertEquals(ExperimentFormats.pointsInterval(c.absLiftCi()), cell(sequential, "Fixed-size 95% CI\n(points)", 0));
        assertEquals(Formats.count(c.sequential().looks()) + " (every user, in file order)", cell(sequential, "Looks", 0));
        assertEveryStatisticalHeaderExplainsItself(sequential);
        Label bandit = robot.lookup("#banditLine").queryAs(Label.class);
        assertTrue(bandit.isVisible());
        assertEquals(vm.banditProperty().get(), bandit.getText());
        TableView<?> metric = robot.lookup("#metricComparisonTable").queryAs(TableView.class);
        assertEquals(ExperimentFormats.p(c.welchP()), cell(metric, "Welch p", 0));
        assertEveryStatisticalHeaderExplainsItself(comparisons);
        assertEveryStatisticalHeaderExplainsItself(variants);

        ForestPlot forest = robot.lookup("#forestPlot").queryAs(ForestPlot.class);
        assertEquals(1, forest.rows().size(), "one variant against control, no breakdown");
        assertTrue(forest.getHeight() > 100);

        robot.interact(() -> vm.breakdownProperty().set(vm.breakdowns().stream()
                .filter(b -> "country".equals(b.source())).findFirst().orElseThrow()));
        robot.clickOn("#analyseButton");
        waitUntil(() -> !vm.segmentRows().isEmpty() && !vm.busyProperty().get());
        assertEquals(1 + FakeExperiments.COUNTRIES.length, forest.rows().size(), "the comparison and four countries");
        assertTrue(forest.rows().stream().anyMatch(ForestRow::tooSmall));
        assertEquals(FakeExperiments.COUNTRIES.length,
                robot.lookup("#segmentTable").queryAs(TableView.class).getItems().size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theChartsAreExportedAsOnePng(FxRobot robot) throws Exception {
        waitUntil(() -> vm.controls().size() == 2 && !vm.busyProperty().get());
        robot.clickOn("#analyseButton");
        waitUntil(() -> vm.readoutProperty().get() != null && !vm.busyProperty().get());
        dialogs.exportFile = dir.resolve("charts.png");
        robot.interact(() -> robot.lookup("#exportChartsButton").queryButton().fire());
        waitUntil(() -> !engine.pngExports.isEmpty() && !vm.busyProperty().get());
        BufferedImage image = javax.imageio.ImageIO.read(dir.resolve("charts.png").toFile());
        assertNotNull(image);
        Node forest = robot.lookup("#forestPlot").query();
        assertTrue(image.getWidth() > forest.getLayoutBounds().getWidth() * 1.5, "both charts side by side");
        assertEquals((int) forest.getLayoutBounds().getHeight(), image.getHeight(), 1.0);
    }

    @Test
    void aSampleRatioMismatchShowsTheRedBanner(FxRobot robot) throws Exception {
        engine.experimentUsers = new long[] {6000, 4000};
        waitUntil(() -> vm.controls().size() == 2 && !vm.busyProperty().get());
        robot.clickOn("#splitField").write("50,50");
        robot.clickOn("#analyseButton");
        waitUntil(() -> vm.readoutProperty().get() != null && !vm.busyProperty().get());
        Label banner = robot.lookup("#srmBanner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("Sample-ratio mismatch"), banner.getText());
    }

    /** Every column but the names' carries a header label with a one-sentence tooltip. */
    private static void assertEveryStatisticalHeaderExplainsItself(TableView<?> table) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            Label header = (Label) column.getGraphic();
            if (!"Variant".equals(header.getText())) {
                assertNotNull(header.getTooltip(), header.getText());
                assertTrue(header.getTooltip().getText().endsWith("."), header.getTooltip().getText());
            }
        }
    }

    private static String cell(TableView<?> table, String title, int row) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (title.equals(column.getUserData())) {
                return String.valueOf(column.getCellData(row));
            }
        }
        throw new AssertionError("no column " + title + " in " + table.getId());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    /** Opens the combo box and clicks the item. */
    private static void choose(FxRobot robot, String id, String item) throws Exception {
        ComboBox<String> box = combo(robot, id);
        robot.clickOn(box);
        waitUntil(box::isShowing);
        robot.interact(() -> box.getSelectionModel().select(item));
        robot.interact(box::hide);
        waitUntil(() -> item.equals(box.getValue()));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
