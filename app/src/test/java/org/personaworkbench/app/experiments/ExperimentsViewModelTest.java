package org.personaworkbench.app.experiments;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeExperiments;
import org.personaworkbench.app.common.FakePersonas;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.BanditReplay;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.ExperimentReadout;
import org.personaworkbench.engine.experiments.Power;
import org.personaworkbench.engine.project.Project;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Experiments step's view model over the fake engine (seeded rows read out by the real AbTest). */
class ExperimentsViewModelTest {

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private ExperimentsViewModel vm;
    private FakeProject project;

    @BeforeEach
    void setUp() {
        FakePersonas.install(engine);
        vm = new ExperimentsViewModel(engine, tasks, dialogs, open);
        project = FakeExperiments.project(dir.resolve("shop.mv.db"));
        open.set(new OpenProject(project, project.datasets()));
        vm.refresh();
    }

    @Test
    void columnsArePreselectedFromTheirImportRoles() {
        assertEquals(FakeExperiments.DATASET, vm.datasetProperty().get(), "the dataset with a variant column");
        assertEquals("variant", vm.variantColumnProperty().get());
        assertEquals("converted", vm.conversionColumnProperty().get());
        assertEquals("user_id", vm.customerColumnProperty().get());
        assertEquals("", vm.metricColumnProperty().get());
        assertEquals(List.of("A", "B"), vm.controls());
        assertEquals("A", vm.controlProperty().get());
        assertTrue(vm.breakdowns().contains(new BreakdownChoice(ExperimentDefinition.BreakdownKind.PERSONAS,
                FakePersonas.RUN)), vm.breakdowns().toString());
    }

    @Test
    void analysingShowsTheReportsFiguresAndSavesTheExperiment() {
        vm.metricColumnProperty().set("revenue");
        vm.covariateColumnProperty().set("revenue_before");
        vm.analyse();

        ExperimentReadout readout = vm.readoutProperty().get();
        AbTestReport report = readout.report();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(String.join("\n", readout.verdict()), vm.verdictProperty().get());
        assertTrue(vm.verdictProperty().get().startsWith("Variant B converts"), vm.verdictProperty().get());
        assertEquals("", vm.srmWarningProperty().get());
        assertEquals(2, vm.variantRows().size());
        for (int i = 0; i < 2; i++) {
            AbTestReport.VariantSummary expected = report.variants().get(i);
            AbTestReport.VariantSummary shown = vm.variantRows().get(i).summary();
            assertEquals(expected.users(), shown.users());
            assertEquals(expected.rate(), shown.rate(), 0);
            assertEquals(expected.rateCi(), shown.rateCi());
            assertEquals(expected.mean(), shown.mean());
        }
        assertTrue(vm.variantRows().get(0).control());
        AbTestReport.Comparison c = vm.comparisonRows().getFirst().comparison();
        assertEquals(report.comparisons().getFirst().zP(), c.zP(), 0);
        assertEquals(report.comparisons().getFirst().absLiftCi(), c.absLiftCi());
        assertTrue(c.cuped() != null && c.cuped().varianceReduction() > 0.1, "CUPED removes the pre-period variance");
        assertEquals(report.comparisons().getFirst().sequential(), c.sequential());
        assertTrue(c.sequential().arrivalOrder(), "the fake's users have arrival positions");
        assertTrue(c.sequential().alwaysValidP() >= c.zP(), c.sequential() + " vs z p " + c.zP());
        BanditReplay.Report b = readout.bandit();
        BanditReplay.Strategy thompson = b.strategy(BanditReplay.THOMPSON);
        BanditReplay.Strategy fixed = b.strategy(BanditReplay.FIXED_SPLIT);
        int best = b.arms().indexOf(b.bestArm());
        assertEquals("Bandit replay (5 seeded runs): Thompson sampling would have sent "
                + ExperimentFormats.probability(thompson.share()[best]) + " of users to " + b.bestArm()
                + " and lost " + ExperimentFormats.decimals(thompson.regret(), 1)
                + " expected conversions against always playing it, versus "
                + ExperimentFormats.decimals(fixed.regret(), 1) + " for the fixed equal split ("
                + ExperimentFormats.decimals(thompson.conversions() - fixed.conversions(), 1)
                + " conversions gained).", vm.banditProperty().get());
        ForestRow overall = vm.forestRows().getFirst();
        assertEquals(c.absLift() * 100, overall.lift(), 1e-12);
        assertEquals(c.absLiftCi().lo() * 100, overall.lo(), 1e-12);
        assertEquals(2, vm.posteriors().size());
        PosteriorSeries control = vm.posteriors().getFirst();
        int peak = argmax(control.density());
        assertEquals(report.variants().getFirst().rate() * 100, control.x()[peak], 0.2, "the posterior peaks at the rate");
        assertEquals(List.of(FakeExperiments.DATASET), vm.saved());
        assertEquals(FakeExperiments.DATASET, vm.savedChoiceProperty().get());
        assertEquals("revenue_before", engine.experimentStore.get(FakeExperiments.DATASET).covariateColumn());
    }

    @Test
    void aSixtyFortySplitAgainstAFiftyFiftyPlanShowsTheSampleRatioWarningFirst() {
        engine.experimentUsers = new long[] {6000, 4000};
        vm.splitProperty().set("50,50");
        vm.analyse();

        AbTestReport report = vm.readoutProperty().get().report();
        assertTrue(report.srm().mismatch());
        String warning = vm.srmWarningProperty().get();
        assertTrue(warning.contains("60.0 / 40.0") && warning.contains("50.0 / 50.0"), warning);
        assertFalse(vm.verdictProperty().get().contains("Sample-ratio"), "the banner says it, not the verdict again");
    }

    @Test
    void thePowerCalculatorStartsFromTheControlsRateAndMatchesTheEngine() {
        vm.analyse();
        PowerCalculator power = vm.power();
        double rate = vm.readoutProperty().get().baseline().rate();
        assertEquals(vm.readoutProperty().get().report().variants().getFirst().rate(), rate, 0);
        power.effectProperty().set("1.5");
        assertEquals(Power.usersPerArm(rate, 0.015, 0.05, 0.8), power.usersNeeded());
        power.usersProperty().set("20000");
        assertEquals(Power.minimumDetectableEffect(rate, 20000, 0.05, 0.8), power.mde(), 1e-12);
        power.alphaProperty().set("0.01");
        power.powerProperty().set("0.9");
        assertEquals(Power.usersPerArm(rate, 0.015, 0.01, 0.9), power.usersNeeded());
        assertTrue(power.usersResultProperty().get().contains(
                org.personaworkbench.app.common.Formats.count(power.usersNeeded())));
        assertEquals("", power.messageProperty().get());
    }

    @Test
    void anInvalidAlphaGivesAMessageAndNoFigures() {
        vm.analyse();
        PowerCalculator power = vm.power();
        power.alphaProperty().set("1.5");
        assertEquals("\u03b1 must be a number between 0 and 1, e.g. 0.05.", power.messageProperty().get());
        assertEquals(-1, power.usersNeeded());
        assertEquals("", power.usersResultProperty().get());
        power.alphaProperty().set("abc");
        assertTrue(power.messageProperty().get().startsWith("\u03b1 must be"));
        power.alphaProperty().set("0.05");
        assertEquals("", power.messageProperty().get());
        assertTrue(power.usersNeeded() > 0);
    }

    @Test
    void aMetricOnlyTestUsesTheMetricsSdAsBaseline() {
        vm.conversionColumnProperty().set("");
        vm.metricColumnProperty().set("revenue");
        vm.analyse();
        ExperimentReadout readout = vm.readoutProperty().get();
        assertFalse(vm.conversionReadout());
        double sd = readout.report().variants().getFirst().sd();
        assertEquals(sd, readout.baseline().metricSd(), 0);
        PowerCalculator power = vm.power();
        power.effectProperty().set("2");
        assertEquals(FakeExperiments.usersPerArmForMean(sd, 2, 0.05, 0.8), power.usersNeeded());
        assertEquals(readout.report().comparisons().getFirst().meanDiff(), vm.forestRows().getFirst().lift(), 1e-12);
        assertEquals("", vm.banditProperty().get(), "no conversions, no bandit replay");
    }

    @Test
    void aCancelAfterTheReadoutLeavesNoSavedExperiment() {
        FakeEngine cancelling = new FakeEngine() {
            @Override
            public ExperimentReadout analyseExperiment(Project p, ExperimentDefinition d, Progress progress,
                                                       CancellationToken cancel) {
                ExperimentReadout r = super.analyseExperiment(p, d, progress, cancel);
                cancel.cancel(); // the analyst pressed Cancel as the readout came back
                return r;
            }
        };
        ExperimentsViewModel model = new ExperimentsViewModel(cancelling, tasks, dialogs, open);
        model.analyse();
        assertTrue(cancelling.experimentStore.isEmpty());
        assertNull(model.readoutProperty().get());
        assertEquals("Cancelled; nothing was saved.", model.messageProperty().get());
        assertTrue(dialogs.errors.isEmpty(), "a cancel is not an error");
    }

    @Test
    void exportWritesTheReadoutAndTheChartsThroughTheEngine() throws Exception {
        vm.analyse();
        dialogs.exportFile = dir.resolve("readout.csv");
        vm.exportReadout("csv");
        assertEquals(List.of(dir.resolve("readout.csv")), engine.readoutExports);
        assertTrue(Files.readString(dir.resolve("readout.csv")).contains("comparison,B,z_p,"));
        assertEquals("readout-checkout_test.csv", dialogs.exportQuestions.getFirst());

        dialogs.exportFile = dir.resolve("charts.png");
        vm.exportCharts(new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB));
        BufferedImage back = javax.imageio.ImageIO.read(dir.resolve("charts.png").toFile());
        assertEquals(40, back.getWidth());
        assertTrue(vm.messageProperty().get().contains("charts.png"));
    }

    @Test
    void choosingASavedExperimentRestoresItsSettingsAndReadsItOut() {
        vm.metricColumnProperty().set("revenue");
        vm.nameProperty().set("checkout button");
        vm.breakdownProperty().set(new BreakdownChoice(ExperimentDefinition.BreakdownKind.COLUMN, "country"));
        vm.analyse();
        vm.newExperiment();
        vm.metricColumnProperty().set("");
        vm.breakdownProperty().set(BreakdownChoice.NONE);
        engine.analysed.clear();

        vm.savedChoiceProperty().set("checkout button");

        assertEquals("revenue", vm.metricColumnProperty().get());
        assertEquals("country", vm.breakdownProperty().get().source());
        assertEquals(1, engine.analysed.size());
        assertFalse(vm.segmentRows().isEmpty());
        assertTrue(vm.segmentRows().stream().anyMatch(r -> r.lift().tooSmall()), "the Netherlands are too small");
        assertTrue(vm.heterogeneityProperty().get().contains("Cochran"));
        assertEquals(vm.comparisonRows().size() + vm.segmentRows().size(), vm.forestRows().size());
    }

    @Test
    void invalidSettingsSayWhatIsWrongInsteadOfAnalysing() {
        vm.conversionColumnProperty().set("");
        vm.analyse();
        assertEquals("Choose a conversion column, a metric column or both.", vm.messageProperty().get());
        vm.conversionColumnProperty().set("converted");
        vm.splitProperty().set("50,30,20");
        vm.analyse();
        assertTrue(vm.messageProperty().get().startsWith("The planned split needs one positive share per variant (2"),
                vm.messageProperty().get());
        assertTrue(engine.analysed.isEmpty());
        assertNull(vm.readoutProperty().get());
    }

    @Test
    void importingAResultsCsvAddsItToTheProjectAndChoosesIt() {
        dialogs.fileToImport = dir.resolve("ab_results.csv");
        vm.importResults();
        assertEquals(1, engine.imports.size());
        String name = engine.imports.getFirst().datasetName();
        assertTrue(project.hasDataset(name));
        assertEquals(name, vm.datasetProperty().get());
        assertTrue(vm.datasets().contains(name));
        assertEquals(List.of("customer", "amount", "day"), vm.columns());
        assertEquals("customer", vm.customerColumnProperty().get(), "its role says so");
        assertTrue(vm.messageProperty().get().contains(name), vm.messageProperty().get());
    }

    @Test
    void deletingASavedExperimentAsksFirstAndForgetsIt() {
        vm.analyse();
        assertEquals(1, vm.saved().size());
        dialogs.confirmAnswer = false;
        vm.deleteExperiment();
        assertEquals(1, engine.experimentStore.size(), "kept when the analyst says no");
        dialogs.confirmAnswer = true;
        vm.deleteExperiment();
        assertTrue(engine.experimentStore.isEmpty());
        assertTrue(vm.saved().isEmpty());
        assertNull(vm.savedChoiceProperty().get());
        assertNull(vm.readoutProperty().get());
        assertEquals(2, dialogs.confirmations.size());
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
