package org.personaworkbench.engine.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.Experiments;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.segmentation.SegmentationRuns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds both packaged samples into temp files and checks the planted answer and that builds repeat. */
class SampleProjectsTest {

    @TempDir
    static Path dir;

    private static Path shop;
    private static Path retail;

    @BeforeAll
    static void buildBoth() {
        shop = SampleProjects.build("demo-shop", dir.resolve("shop"), Progress.NONE, CancellationToken.create());
        retail = SampleProjects.build("online-retail", dir.resolve("retail"), Progress.NONE,
                CancellationToken.create());
    }

    private static Project open(Path file) {
        return new ProjectService().open(file, ProjectOptions.plain());
    }

    @Test
    void listOffersBothSamplesWithTitlesAndDescriptions() {
        List<SampleProjects.Sample> samples = SampleProjects.list();
        assertEquals(List.of("online-retail", "demo-shop"), samples.stream().map(SampleProjects.Sample::name).toList());
        assertEquals("Online retail", samples.get(0).title());
        assertEquals("Demo shop", samples.get(1).title());
        samples.forEach(s -> assertTrue(s.description().length() > 20, s.toString()));
    }

    @Test
    void onlineRetailCarriesItsCcByAttributionAndTheDemoShopNeedsNone() {
        String text = SampleProjects.attribution("online-retail").orElseThrow();
        assertTrue(text.contains("Daqing Chen") && text.contains("CC BY 4.0") && text.contains("10.24432/C5BW33"),
                text);
        assertTrue(SampleProjects.attribution("demo-shop").isEmpty());
    }

    @Test
    void demoShopRunRecoversThePlantedGroups() {
        Map<String, DemoShopGenerator.Group> truth = DemoShopGenerator.write(dir.resolve("truth"),
                DemoShopGenerator.SEED, CancellationToken.create()).plantedGroups();
        try (Project p = open(shop)) {
            RunAssignments run = p.runAssignments("planted-k4");
            List<String> ids = new ArrayList<>(truth.keySet());
            int[] planted = ids.stream().mapToInt(id -> truth.get(id).ordinal()).toArray();
            double ari = SegmentationRuns.compare(run, new RunAssignments(ids, planted)).adjustedRand();
            assertTrue(ari > 0.9, "ARI " + ari);
            int[] sizes = sizes(run.labels());
            Arrays.sort(sizes);
            assertEquals(2000, Arrays.stream(sizes).sum());
            assertEquals(800, sizes[3], 40);
            assertEquals(200, sizes[0], 20);
        }
    }

    @Test
    void demoShopHasDatasetsNamedPersonasRuleEvaluationAndExperiment() throws Exception {
        try (Project p = open(shop)) {
            Map<String, Long> rows = rows(p);
            assertEquals(2000L, rows.get("customers"));
            assertEquals(144L, rows.get("items"));
            assertEquals(2000L, rows.get("ab_test"));
            assertTrue(rows.get("transactions") > 15_000, rows.toString());
            assertTrue(rows.get("web_events") > 3 * rows.get("transactions"), rows.toString());

            List<Persona> personas = Personas.open(p, "planted-k4");
            assertEquals(4, personas.size());
            assertEquals(4, new HashSet<>(personas.stream().map(Persona::name).toList()).size());
            personas.forEach(x -> assertFalse(x.name().isBlank()));

            assertEquals(1, RuleSegments.saved(p).size());
            long members = RuleSegments.count(p, "Young small-basket buyers", CancellationToken.create()).members();
            assertEquals(800, members, 80, "the rule picks about the 800 planted bargain hunters");

            JsonNode evaluation = new ObjectMapper().readTree(p.document("evaluation", "popularity vs item-kNN")
                    .orElseThrow());
            assertEquals(2, evaluation.size());
            double popularity = evaluation.get(0).get("metrics").get("ndcg").asDouble();
            double knn = evaluation.get(1).get("metrics").get("ndcg").asDouble();
            // a random top-10 of 144 items would score about 0.07; taste follows the planted groups' categories
            assertTrue(popularity > 0.25 && knn > 0.25, popularity + " vs " + knn);

            ExperimentDefinition experiment = Experiments.saved(p, "Free-shipping banner").orElseThrow();
            assertEquals("ab_test", experiment.dataset());
            assertEquals(ExperimentDefinition.BreakdownKind.PERSONAS, experiment.breakdown().kind());
            assertEquals("planted-k4", experiment.breakdown().source());
        }
    }

    @Test
    void onlineRetailHasTheSubsetFourPersonasRuleEvaluationAndExperiment() throws Exception {
        try (Project p = open(retail)) {
            Map<String, Long> rows = rows(p);
            assertEquals(85_569L, rows.get("transactions"));
            assertEquals(1000L, rows.get("ab_test"));
            assertEquals(990L, rows.get("rfm"), "RFM leaves out the 10 customers whose every line is cancelled");
            assertEquals(4, Personas.open(p, "rfm-k4").size());
            assertTrue(RuleSegments.count(p, "Recent repeat buyers", CancellationToken.create()).members() > 50);
            JsonNode evaluation = new ObjectMapper().readTree(p.document("evaluation", "popularity vs item-kNN")
                    .orElseThrow());
            assertTrue(evaluation.get(1).get("metrics").get("ndcg").asDouble() > 0.01);
            assertTrue(Experiments.saved(p, "Autumn A/A test").isPresent());
        }
    }

    @Test
    void twoBuildsGiveTheSameRowCountsAndSegmentSizes() {
        Path again = SampleProjects.build("demo-shop", dir.resolve("shop-again"), Progress.NONE,
                CancellationToken.create());
        try (Project a = open(shop); Project b = open(again)) {
            assertEquals(rows(a), rows(b));
            assertEquals(Arrays.toString(sizes(a.runAssignments("planted-k4").labels())),
                    Arrays.toString(sizes(b.runAssignments("planted-k4").labels())));
            assertEquals(a.runAssignments("planted-k4").rowIds(), b.runAssignments("planted-k4").rowIds());
        }
    }

    @Test
    void buildRefusesAnExistingFileAndAnUnknownSample() throws Exception {
        Path existing = Files.writeString(dir.resolve("taken.mv.db"), "x");
        EngineException e = assertThrows(EngineException.class, () -> SampleProjects.build("demo-shop", existing,
                Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("x", Files.readString(existing));
        e = assertThrows(EngineException.class, () -> SampleProjects.build("nope", dir.resolve("n"), Progress.NONE,
                CancellationToken.create()));
        assertTrue(e.getMessage().contains("online-retail, demo-shop"), e.getMessage());
    }

    @Test
    void cancellingDuringTheBuildDeletesTheHalfBuiltFile() {
        CancellationToken cancel = CancellationToken.create();
        AtomicInteger reports = new AtomicInteger();
        Path out = dir.resolve("cancelled.mv.db");
        Progress progress = (done, total, message) -> {
            if (reports.incrementAndGet() == 40) {
                cancel.cancel();
            }
        };
        assertThrows(CancelledException.class, () -> SampleProjects.build("demo-shop", out, progress, cancel));
        assertFalse(Files.exists(out));
    }

    private static Map<String, Long> rows(Project p) {
        Map<String, Long> out = new TreeMap<>();
        for (DatasetInfo d : p.datasets()) {
            out.put(d.name(), d.rows());
        }
        return out;
    }

    private static int[] sizes(int[] labels) {
        int[] sizes = new int[Arrays.stream(labels).max().orElse(-1) + 1];
        for (int l : labels) {
            if (l >= 0) {
                sizes[l]++;
            }
        }
        return sizes;
    }
}
