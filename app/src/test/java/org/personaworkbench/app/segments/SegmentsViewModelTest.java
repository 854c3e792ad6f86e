package org.personaworkbench.app.segments;

import org.personaworkbench.app.common.CheckedColumn;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.segmentation.Algorithm;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.FeatureTest;
import org.personaworkbench.engine.segmentation.Linkage;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SurrogateRule;
import org.personaworkbench.engine.segmentation.SweepPoint;
import org.personaworkbench.engine.segmentation.SweepResult;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Segments step's state and commands with an immediate task runner, a fake engine and fake dialogs. */
class SegmentsViewModelTest {

    private final FakeEngine engine = new FakeEngine();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeProject project = FakeProject.withRfm(Path.of("/tmp/p.mv.db"), "rfm_2026_11", 4_338);
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private SegmentsViewModel vm;

    @BeforeEach
    void openProject() {
        engine.segmentRows = 8;
        vm = new SegmentsViewModel(engine, tasks, dialogs, open);
        open.set(new OpenProject(project, List.of()));
    }

    /** Eight rows: three in segment 0, four in segment 1, one noise row. */
    private static SegmentationResult eightRows(Algorithm algorithm) {
        int[] labels = {0, 0, 1, 1, 1, 0, 1, -1};
        return new SegmentationResult(SegmentationOptions.defaults().withAlgorithm(algorithm).withK(2), labels, 2,
                new int[] {3, 4}, 1, 12.5, new double[][] {{0, 0}, {1, 1}}, Double.NaN, null,
                "eps = 0.4 was suggested from the k-distance curve.", 0.2);
    }

    private static SweepResult sweepRecommending(int recommended) {
        List<SweepPoint> points = List.of(
                new SweepPoint(2, 900, 0.41, 0.40, 0.42, 10_000, 1200, 0.9, 0.95, 0.1),
                new SweepPoint(3, 610, 0.47, 0.46, 0.48, 10_000, 1500, 0.8, 0.97, 0.1),
                new SweepPoint(4, 420, 0.52, 0.51, 0.53, 10_000, 1700, 0.7, 0.98, 0.1),
                new SweepPoint(5, 380, 0.45, 0.44, 0.46, 10_000, 1600, 0.8, 0.81, 0.1));
        return new SweepResult(50_000, 2.5, points, 4, recommended, "k = " + recommended + ": highest silhouette (0.52) and stable (ARI 0.98)",
                false);
    }

    @Test
    void openingAProjectOffersItsFeatureSetsAndTheRfmMeasuresWithoutScoresOrIds() {
        assertEquals(List.of("rfm_2026_11"), vm.featureSets().stream().map(f -> f.name()).toList());
        assertEquals("rfm_2026_11", vm.selectedFeatureSetProperty().get().name());
        assertEquals(List.of("recency_days", "frequency", "monetary", "average_order_value", "tenure_days",
                "r_score", "f_score", "m_score"), vm.columns().stream().map(CheckedColumn::name).toList());
        assertEquals(List.of("recency_days", "frequency", "monetary", "average_order_value", "tenure_days"),
                vm.selectedColumns());
        assertEquals(Scaling.STANDARD, vm.scalingProperty().get());
    }

    @Test
    void sweepSelectsTheRecommendedKForTheFitAndSaysWhy() {
        engine.sweepResult = sweepRecommending(4);
        vm.kFromProperty().set(2);
        vm.kToProperty().set(5);
        vm.seedProperty().set(7);

        vm.runSweep();

        assertSame(engine.sweepResult, vm.sweepProperty().get());
        assertEquals(4, vm.kProperty().get());
        assertEquals("Recommended k = 4: highest silhouette (0.52) and stable (ARI 0.98)", vm.recommendation());
        assertEquals(2, engine.sweeps.getFirst().kMin());
        assertEquals(5, engine.sweeps.getFirst().kMax());
        assertEquals(7L, engine.sweeps.getFirst().seed());
        assertEquals(SegmentsViewModel.SILHOUETTE_EXACT, engine.sweeps.getFirst().silhouetteExactLimit());
        assertEquals(List.of("recency_days", "frequency", "monetary", "average_order_value", "tenure_days"),
                engine.loadedColumns.getFirst());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void sweepRangeIsNotCappedBelowFifty() {
        vm.kToProperty().set(60);
        vm.runSweep();
        assertEquals(60, engine.sweeps.getFirst().kMax());
        assertEquals(59, vm.sweepProperty().get().points().size());
    }

    @Test
    void anInvertedRangeIsRefusedWithAMessageAndNothingRuns() {
        vm.kFromProperty().set(8);
        vm.kToProperty().set(3);
        vm.runSweep();
        assertTrue(engine.sweeps.isEmpty());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst().message().contains("8 to 3"), dialogs.errors.getFirst().message());
    }

    @Test
    void clickingAKOnAChartSetsTheFitKAndLeavesDbscanForKMeans() {
        engine.sweepResult = sweepRecommending(4);
        vm.runSweep();
        vm.algorithmProperty().set(Algorithm.DBSCAN);

        vm.chooseK(5);

        assertEquals(5, vm.kProperty().get());
        assertEquals(Algorithm.KMEANS, vm.algorithmProperty().get());
        vm.runFit();
        assertEquals(5, engine.fits.getFirst().k());
        assertEquals(Algorithm.KMEANS, engine.fits.getFirst().algorithm());
    }

    @Test
    void aSegmentsSurrogateRuleIsSavedAsARuleSegmentNamedAfterTheRunAndSegment() {
        var profile = new org.personaworkbench.engine.segmentation.SegmentProfile(2, 40, 0.4, List.of(), List.of(),
                new org.personaworkbench.engine.segmentation.SurrogateRule("frequency > 3", List.of(
                        new org.personaworkbench.engine.segmentation.RuleCondition("frequency", ">", 3)), 0.9, 0.8));
        vm.runNameProperty().set("October");

        vm.saveSegmentRule(profile);

        assertEquals("frequency > 3", engine.rules.get("October segment 2").ruleText());
        assertTrue(vm.messageProperty().get().contains("October segment 2"), vm.messageProperty().get());
        vm.saveSegmentRule(profile);
        assertEquals(1, dialogs.errors.size(), "the same name twice is refused");
        assertTrue(dialogs.errors.getFirst().message().contains("already exists"));
    }

    @Test
    void fitShowsSizesWithSharesAndNoiseLastAndTheEngineNote() {
        engine.fitResult = eightRows(Algorithm.DBSCAN);
        vm.algorithmProperty().set(Algorithm.DBSCAN);

        vm.runFit();

        assertEquals(List.of(new SizeRow(0, 3, 0.375), new SizeRow(1, 4, 0.5), new SizeRow(-1, 1, 0.125)),
                vm.sizes());
        FitOutcome fit = vm.fitProperty().get();
        assertNotNull(fit);
        assertEquals(8, fit.scatter().points());
        assertEquals(List.of(0, 1), fit.silhouette().segments());
        assertEquals(7, fit.silhouette().values().stream().mapToInt(v -> v.length).sum(), "noise has no silhouette");
        assertNull(fit.dendrogram());
        assertEquals("eps = 0.4 was suggested from the k-distance curve.", vm.messageProperty().get());
        assertSame(vm.projectionProperty().get(), fit.scatter());
    }

    @Test
    void fitProfilesComeFromTheRawValues() {
        engine.fitResult = eightRows(Algorithm.KMEANS);
        SegmentProfiles profiles = new SegmentProfiles(7,
                List.of(new FeatureTest("frequency", "Kruskal–Wallis", 9.1, 0.002, 0.004, true)),
                List.of(new SegmentProfile(0, 3, 3 / 7.0,
                        List.of(new FeatureComparison("frequency", 12, 11, 2, 2, 6, 2.4, 0.001, 0.003)),
                        List.of("6.0× more orders than average"),
                        new SurrogateRule("frequency > 5", List.of(), 0.9, 0.8))));
        engine.segmentProfiles = profiles;

        vm.runFit();

        assertSame(profiles, vm.fitProperty().get().profiles());
    }

    @Test
    void hierarchicalFitPassesLinkageAndCutHeightAndLaysOutTheTree() {
        engine.segmentRows = 300;
        vm.algorithmProperty().set(Algorithm.HIERARCHICAL);
        vm.linkageProperty().set(Linkage.AVERAGE);
        vm.cutByHeightProperty().set(true);
        vm.cutHeightProperty().set(2.5);

        vm.runFit();

        SegmentationOptions used = engine.fits.getFirst();
        assertEquals(Linkage.AVERAGE, used.linkage());
        assertEquals(2.5, used.cutHeight(), 1e-12);
        DendrogramLayout tree = vm.fitProperty().get().dendrogram();
        assertNotNull(tree);
        assertEquals(60, tree.leafCount(), "the fake's tree of 60 micro-clusters is drawn whole");
        assertEquals(300, java.util.Arrays.stream(tree.leafSizes()).sum(), "every row sits under one drawn leaf");
        assertEquals(2.5, tree.cutHeight(), 1e-12);
    }

    @Test
    void kDistancePlotSuggestsEpsAndAClickedEpsReachesTheFit() {
        engine.segmentRows = 200;
        vm.algorithmProperty().set(Algorithm.DBSCAN);
        vm.minPointsProperty().set(4);

        vm.runKDistance();

        var curve = vm.kDistanceProperty().get();
        assertEquals(4, curve.k());
        assertEquals(curve.suggestedEps(), vm.epsProperty().get(), 1e-12);
        vm.epsProperty().set(curve.distances()[150]);
        vm.runFit();
        assertEquals(curve.distances()[150], engine.fits.getFirst().eps(), 1e-12);
        assertEquals(4, engine.fits.getFirst().minPoints());
    }

    @Test
    void theMatrixIsLoadedOnceForTheSameDataAndAgainWhenColumnsChange() {
        vm.runSweep();
        vm.runFit();
        assertEquals(1, engine.loadedColumns.size());

        vm.columns().stream().filter(c -> c.name().equals("tenure_days")).findFirst().orElseThrow()
                .selectedProperty().set(false);
        vm.runFit();

        assertEquals(2, engine.loadedColumns.size());
        assertEquals(List.of("recency_days", "frequency", "monetary", "average_order_value"),
                engine.loadedColumns.get(1));
    }

    @Test
    void savedRunIsListedUnderItsName() {
        vm.runFit();
        vm.runNameProperty().set("October RFM k4");

        vm.saveRun();

        assertEquals(List.of("October RFM k4"), vm.runs().stream().map(r -> r.name()).toList());
        assertEquals("rfm_2026_11", vm.runs().getFirst().featureSet());
        assertEquals("Saved run October RFM k4.", vm.messageProperty().get());
    }

    @Test
    void aRunNameInUseIsReportedAndNothingIsAdded() {
        vm.runFit();
        vm.runNameProperty().set("monthly");
        vm.saveRun();
        vm.saveRun();

        assertEquals(1, vm.runs().size());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Could not save the run", dialogs.errors.getFirst().title());
        assertTrue(dialogs.errors.getFirst().message().contains("exists already"));
    }

    @Test
    void comparingTwoRunsShowsTheAdjustedRandIndexAndWhoMovedWhere() {
        engine.segmentRows = 400;
        vm.chooseK(4);
        vm.runFit();
        vm.runNameProperty().set("october");
        vm.saveRun();
        vm.chooseK(3);
        vm.runFit();
        vm.runNameProperty().set("november");
        vm.saveRun();

        vm.compareRuns("october", "november");

        RunComparison c = vm.comparisonProperty().get();
        assertNotNull(c);
        assertEquals(400, c.commonRows());
        assertEquals(4, c.firstLabels().length);
        assertEquals(3, c.secondLabels().length);
        long total = 0;
        for (long[] row : c.migration()) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(400, total);
        assertTrue(c.adjustedRand() > 0.2 && c.adjustedRand() < 1, "ARI " + c.adjustedRand());
        assertEquals("october → november", vm.comparedRunsProperty().get());
    }

    @Test
    void openingASavedRunShowsItsInfoAndAssignments() {
        vm.runFit();
        vm.runNameProperty().set("kept");
        vm.saveRun();

        vm.openRun("kept");

        assertEquals("kept", vm.openedRunProperty().get().info().name());
        assertEquals(8, vm.openedRunProperty().get().assignments().labels().length);
        int[] sizes = vm.fitProperty().get().result().sizes();
        assertTrue(vm.openedRunSummaryProperty().get().startsWith("Run kept: kmeans, " + sizes.length
                + " segments over 8 rows (sizes " + sizes[0] + ", "), vm.openedRunSummaryProperty().get());
    }

    @Test
    void openingASavedRunPutsItsSettingsAndColumnsBackSoRunFitRepeatsIt() {
        vm.kProperty().set(3);
        vm.seedProperty().set(9);
        List<String> clustered = vm.selectedColumns();
        vm.runFit();
        vm.runNameProperty().set("kept");
        vm.saveRun();
        vm.kProperty().set(6);
        vm.seedProperty().set(1);
        vm.algorithmProperty().set(Algorithm.GMM);
        vm.columns().forEach(c -> c.selectedProperty().set(!clustered.contains(c.name())));

        vm.openRun("kept");

        assertEquals(Algorithm.KMEANS, vm.algorithmProperty().get());
        assertEquals(3, vm.kProperty().get());
        assertEquals(9, vm.seedProperty().get());
        assertEquals(clustered, vm.selectedColumns());
    }

    @Test
    void cancelLeavesTheShownResultsAndTheProjectUnchanged() {
        engine.sweepResult = sweepRecommending(4);
        vm.runSweep();
        vm.runFit();
        FitOutcome before = vm.fitProperty().get();
        List<SizeRow> sizesBefore = List.copyOf(vm.sizes());

        engine.sweepResult = sweepRecommending(5);
        tasks.cancelNext();
        vm.runSweep();
        tasks.cancelNext();
        vm.chooseK(2);
        vm.runFit();

        assertEquals(4, vm.sweepProperty().get().recommendedK());
        assertSame(before, vm.fitProperty().get());
        assertEquals(sizesBefore, vm.sizes());
        assertTrue(vm.runs().isEmpty());
        assertTrue(dialogs.errors.isEmpty(), "a cancel is not an error");
        assertEquals("Cancelled; the project and the results shown are unchanged.", vm.messageProperty().get());
        assertTrue(!vm.busyProperty().get() && vm.currentTaskProperty().get() == null);
    }

    @Test
    void anEngineFailureIsShownAndTheLastResultStays() {
        vm.runFit();
        FitOutcome before = vm.fitProperty().get();
        engine.segmentFailure = new EngineException("The matrix has a constant column.");

        vm.runFit();

        assertEquals(1, dialogs.errors.size());
        assertEquals("Could not fit the segments", dialogs.errors.getFirst().title());
        assertEquals("The matrix has a constant column.", dialogs.errors.getFirst().message());
        assertSame(before, vm.fitProperty().get());
        assertTrue(!vm.busyProperty().get());
    }

    @Test
    void withoutColumnsNothingRunsAndTheAnalystIsTold() {
        vm.columns().forEach(c -> c.selectedProperty().set(false));
        vm.runSweep();
        assertTrue(engine.sweeps.isEmpty());
        assertEquals("Choose at least one column to cluster on.", dialogs.errors.getFirst().message());
    }

    @Test
    void closingTheProjectClearsEveryResult() {
        vm.runSweep();
        vm.runFit();
        open.set(null);
        assertNull(vm.sweepProperty().get());
        assertNull(vm.fitProperty().get());
        assertTrue(vm.sizes().isEmpty() && vm.featureSets().isEmpty() && vm.columns().isEmpty());
    }
}
