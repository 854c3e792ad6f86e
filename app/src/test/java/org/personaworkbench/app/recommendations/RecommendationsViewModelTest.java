package org.personaworkbench.app.recommendations;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.app.common.FakeDialogService;
import org.personaworkbench.app.common.FakeEngine;
import org.personaworkbench.app.common.FakeProject;
import org.personaworkbench.app.common.FakeRecommendations;
import org.personaworkbench.app.common.ImmediateTaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.ContextShares;
import org.personaworkbench.engine.recommendations.EvaluationExport;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interaction;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.ItemCatalog;
import org.personaworkbench.engine.recommendations.ProjectInteractions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Recommendations step's view model over the fake engine: six items, five customers (c1 and c3 "Champions",
 * c2 and c4 "Lapsed", c5 without persona), runs at once on the test thread.
 */
class RecommendationsViewModelTest {

    private static final long JAN = Instant.parse("2011-01-01T00:00:00Z").getEpochSecond();
    private static final long DAY = 86_400;

    @TempDir
    Path dir;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final ImmediateTaskRunner tasks = new ImmediateTaskRunner();
    private final SimpleObjectProperty<OpenProject> open = new SimpleObjectProperty<>();
    private RecommendationsViewModel vm;

    @BeforeEach
    void setUp() {
        engine.recommendationData = small();
        engine.featureSetList.add(new FeatureSetInfo("rfm", "orders", "rfm", "{}", Instant.now(), 3));
        vm = new RecommendationsViewModel(engine, tasks, dialogs, open);
        open.set(new OpenProject(FakeProject.withRfm(dir.resolve("shop.mv.db"), "rfm", 3), List.of()));
    }

    private static ProjectInteractions.Loaded small() {
        List<Interaction> events = List.of(
                new Interaction("c1", "A", 2, JAN + 4 * DAY), new Interaction("c1", "B", 1, JAN + 9 * DAY),
                new Interaction("c2", "A", 1, JAN), new Interaction("c2", "C", 3, JAN + DAY),
                new Interaction("c3", "B", 1, JAN), new Interaction("c3", "C", 1, JAN), new Interaction("c3", "D", 1, JAN),
                new Interaction("c4", "A", 1, JAN), new Interaction("c4", "B", 1, JAN), new Interaction("c4", "E", 1, JAN),
                new Interaction("c5", "F", 1, JAN), new Interaction("c5", "A", 1, JAN));
        ItemCatalog catalog = new ItemCatalog(Map.of(
                "A", new ItemCatalog.Item("A", "WHITE HANGING HEART T-LIGHT HOLDER", "", "Lights"),
                "B", new ItemCatalog.Item("B", "JUMBO BAG RED RETROSPOT", "", "Bags"),
                "C", new ItemCatalog.Item("C", "REGENCY CAKESTAND 3 TIER", "", "Kitchen"),
                "D", new ItemCatalog.Item("D", "=HYPERLINK(\"x\")", "", "Kitchen"),
                "E", new ItemCatalog.Item("E", "PARTY BUNTING", "", "Party"),
                "F", new ItemCatalog.Item("F", "@LUNCH BAG SUKI", "", "Bags")));
        return new ProjectInteractions.Loaded(Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 30), catalog,
                Map.of("c1", "Champions", "c2", "Lapsed", "c3", "Champions", "c4", "Lapsed"), "orders", "rfm-k2");
    }

    @Test
    void showingTheStepLoadsTrainsTheTickedStrategiesAndShowsTheFirstCustomer() {
        vm.refresh();

        assertEquals(List.of("transactions"), vm.datasets());
        assertEquals(1, engine.interactionLoads.size());
        assertEquals(FeedbackKind.IMPLICIT_COUNT, engine.interactionLoads.getFirst().kind());
        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN), engine.trained);
        assertEquals("5 customers · 6 items · 12 customer–item pairs from orders; personas of rfm-k2",
                vm.dataSummaryProperty().get());
        assertEquals("c1", vm.customerProperty().get());
        assertEquals(List.of("", "Champions", "Lapsed"), vm.personaFilters());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void findingACustomerShowsTheirPersonaHistoryNewestFirstAndFeatures() {
        vm.refresh();
        vm.customerQueryProperty().set("c");
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5"), vm.suggestions());
        vm.customerQueryProperty().set("2");
        assertEquals(List.of("c2"), vm.suggestions(), "ids containing the text when none starts with it");

        assertTrue(vm.findCustomer(" c2 "));

        assertEquals("c2", vm.customerProperty().get());
        assertEquals("Lapsed", vm.personaProperty().get());
        assertEquals(List.of(new HistoryRow("C", "REGENCY CAKESTAND 3 TIER", 3, "2011-01-02"),
                new HistoryRow("A", "WHITE HANGING HEART T-LIGHT HOLDER", 1, "2011-01-01")), vm.history());
        assertEquals("rfm", vm.featureSetProperty().get());
        assertEquals(new RecommendationsViewModel.FeatureValue("frequency", "1"), vm.features().get(1));
        assertEquals(new RecommendationsViewModel.FeatureValue("segment", "Lost"), vm.features().get(3));
    }

    @Test
    void anUnknownCustomerIsReportedAndTheShownOneStays() {
        vm.refresh();
        assertFalse(vm.findCustomer("99999"));
        assertEquals("c1", vm.customerProperty().get());
        assertTrue(vm.messageProperty().get().contains("99999"), vm.messageProperty().get());
    }

    @Test
    void eachTickedStrategyGetsAListWithExplanationsAndNoItemTheCustomerHas() {
        vm.refresh();
        vm.findCustomer("c1");

        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN),
                vm.lists().stream().map(StrategyList::algorithm).toList());
        for (StrategyList list : vm.lists()) {
            Set<String> items = list.items().stream().map(RankedItem::item).collect(Collectors.toSet());
            assertEquals(Set.of("C", "D", "E", "F"), items, list.algorithm() + ": every unseen item, none seen");
            assertEquals(List.of(1, 2, 3, 4), list.items().stream().map(RankedItem::rank).toList());
        }
        StrategyList popularity = vm.lists().getFirst();
        assertEquals("C", popularity.items().getFirst().item(), "C is the most bought item c1 has not got");
        assertEquals("Bought by 2 customers", popularity.items().getFirst().explanation());
        assertEquals("REGENCY CAKESTAND 3 TIER", popularity.items().getFirst().title());
        assertTrue(vm.lists().get(1).items().getFirst().explanation().startsWith("Because you bought "),
                vm.lists().get(1).items().getFirst().explanation());
        assertTrue(popularity.diversity() > 0 && popularity.diversity() <= 1, "" + popularity.diversity());
    }

    @Test
    void tickingAStrategyTrainsOnlyItAndRetrainTrainsEveryTickedOneAgain() {
        vm.refresh();
        vm.strategies().get(Algorithm.ALS.ordinal()).selectedProperty().set(true);
        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN, Algorithm.ALS), engine.trained);
        assertEquals(3, vm.lists().size());
        assertTrue(vm.lists().get(2).items().getFirst().explanation().startsWith("Matches your taste profile"));

        vm.strategies().get(Algorithm.POPULARITY.ordinal()).selectedProperty().set(false);
        assertEquals(List.of(Algorithm.ITEM_KNN, Algorithm.ALS), vm.lists().stream().map(StrategyList::algorithm)
                .toList());
        assertEquals(3, engine.trained.size(), "no training to hide a list");

        vm.retrain();
        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN, Algorithm.ALS, Algorithm.ITEM_KNN,
                Algorithm.ALS), engine.trained);
    }

    @Test
    void movingTheDiversitySliderReRanksTheListsAndRaisesTheirDiversity() {
        engine.recommendationData = FakeRecommendations.data(300, 7);
        vm.refresh();
        vm.findCustomer("12346");
        List<String> before = vm.lists().get(1).items().stream().map(RankedItem::item).toList();
        double diversityBefore = vm.lists().get(1).diversity();

        vm.diversityProperty().set(0.9);

        List<String> after = vm.lists().get(1).items().stream().map(RankedItem::item).toList();
        assertNotEquals(before, after);
        assertEquals(before.getFirst(), after.getFirst(), "the most relevant item still leads");
        assertTrue(vm.lists().get(1).diversity() > diversityBefore + 0.01,
                diversityBefore + " -> " + vm.lists().get(1).diversity());
        assertEquals(10, after.size());
    }

    @Test
    void choosingAContextReRanksTheListsAndNoneRestoresTheOrder() {
        ProjectInteractions.Loaded plain = small();
        // E: its one purchase in the morning, where a quarter of all purchases were made (lift 4, boost 1.5)
        engine.recommendationData = new ProjectInteractions.Loaded(plain.interactions(), plain.catalog(),
                plain.personaOfUser(), plain.dataset(), plain.run(),
                Map.of("morning", Map.of("E", 1.0, "A", 0.25, ContextShares.OVERALL, 0.25)));
        vm.refresh();
        vm.findCustomer("c1");
        assertEquals(List.of("", "morning"), vm.contexts());
        List<String> before = itemsOf(vm.lists().getFirst());
        assertEquals(List.of("C", "D", "E", "F"), before, "popularity: C by 2 customers, then ties by index");

        vm.contextProperty().set("morning");
        assertEquals(List.of("C", "E", "D", "F"), itemsOf(vm.lists().getFirst()), "E × 1.5 passes D and F");

        vm.contextProperty().set("");
        assertEquals(before, itemsOf(vm.lists().getFirst()));
    }

    @Test
    void dataWithoutContextsOffersOnlyNoneAndKeepsTheOrder() {
        vm.refresh();
        vm.findCustomer("c1");
        assertEquals(List.of(""), vm.contexts());
        List<String> before = itemsOf(vm.lists().getFirst());
        vm.contextProperty().set("morning");
        assertEquals(before, itemsOf(vm.lists().getFirst()));
    }

    private static List<String> itemsOf(StrategyList list) {
        return list.items().stream().map(RankedItem::item).toList();
    }

    @Test
    void evaluationListsEveryTickedStrategyUnderOnePrintedProtocolOverallAndPerPersona() {
        vm.refresh();
        vm.evaluate();

        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN), engine.evaluated);
        assertEquals(List.of(Algorithm.POPULARITY, Algorithm.ITEM_KNN),
                vm.evaluation().stream().map(EvaluationRow::algorithm).toList());
        assertEquals("Seeded random 80/20 split per customer (seed 42) · relevant: every held-out purchase · "
                + "candidates: all unseen items · k = 10 · NDCG: binary gains, discount 1/log2(rank + 1), ideal DCG "
                + "over min(k, relevant held-out items)", vm.protocolLineProperty().get());
        EvaluationReport expected = FakeRecommendations.report(Algorithm.ITEM_KNN, vm.protocol(),
                small().personaOfUser());
        assertEquals(expected.metrics(), vm.evaluation().get(1).metrics());
        assertEquals(expected.trainSeconds(), vm.evaluation().get(1).trainSeconds(), 1e-12);

        vm.personaFilterProperty().set("Lapsed");
        assertEquals(expected.perPersona().get("Lapsed"), vm.evaluation().get(1).metrics());
        assertNotEquals(expected.metrics(), vm.evaluation().get(1).metrics());
        vm.personaFilterProperty().set("");
        assertEquals(expected.metrics(), vm.evaluation().get(1).metrics());
    }

    @Test
    void aCancelledEvaluationChangesNothing() {
        vm.refresh();
        tasks.cancelNext();
        vm.evaluate();
        assertEquals(List.of(), vm.evaluation());
        assertEquals("", vm.protocolLineProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Cancelled"), vm.messageProperty().get());
    }

    @Test
    void exportWritesEveryCustomerOfThePersonaWithNeutralisedCells() throws Exception {
        vm.refresh();
        vm.exportStrategyProperty().set(Algorithm.POPULARITY);
        vm.exportPersonaProperty().set("Champions");
        vm.nProperty().set(2);
        dialogs.exportFile = dir.resolve("recs.csv");

        vm.export();

        List<String> lines = Files.readAllLines(dir.resolve("recs.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of("customer_id,persona,rank,item,title,score,explanation",
                "c1,Champions,1,C,REGENCY CAKESTAND 3 TIER,0.5,Bought by 2 customers",
                "c1,Champions,2,D,\"'=HYPERLINK(\"\"x\"\")\",0.25,Bought by 1 customers",
                "c3,Champions,1,A,WHITE HANGING HEART T-LIGHT HOLDER,1,Bought by 4 customers",
                "c3,Champions,2,E,PARTY BUNTING,0.25,Bought by 1 customers"), lines);
        assertTrue(vm.messageProperty().get().startsWith("Wrote 4 rows for 2 customers"), vm.messageProperty().get());
    }

    @Test
    void theEvaluationTableExportsOnlyOnceThereIsAnEvaluationWithTheProtocolInEveryRow() throws Exception {
        vm.refresh();
        dialogs.exportFile = dir.resolve("eval.csv");
        assertFalse(vm.evaluatedProperty().get());
        vm.exportEvaluation();
        assertEquals(List.of(), dialogs.exportQuestions, "nothing to export before an evaluation");

        vm.evaluate();
        assertTrue(vm.evaluatedProperty().get());
        vm.personaFilterProperty().set("Lapsed"); // the export has every scope whatever the table shows
        vm.exportEvaluation();

        assertEquals(List.of("evaluation-transactions.csv"), dialogs.exportQuestions);
        assertEquals(List.of(dir.resolve("eval.csv")), engine.evaluationExports);
        List<String> lines = Files.readAllLines(dir.resolve("eval.csv"), StandardCharsets.UTF_8);
        assertEquals(String.join(",", EvaluationExport.HEADER), lines.getFirst());
        EvaluationReport pop = FakeRecommendations.report(Algorithm.POPULARITY, vm.protocol(), small().personaOfUser());
        EvaluationReport knn = FakeRecommendations.report(Algorithm.ITEM_KNN, vm.protocol(), small().personaOfUser());
        int perStrategy = 1 + pop.perPersona().size() + pop.perBucket().size();
        assertEquals(1 + 2 * perStrategy, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("popularity,all," + pop.metrics().users() + ","), lines.get(1));
        assertTrue(lines.contains(lines.get(1 + perStrategy)) && lines.get(1 + perStrategy).startsWith("itemknn,all,"),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("itemknn,persona:Lapsed,"
                + knn.perPersona().get("Lapsed").users() + ",")), lines.toString());
        String protocol = ",random,0.2,42,0,10," + EvaluationProtocol.ALL_UNSEEN + ",\"" + EvaluationProtocol.BINARY_NDCG
                + "\",0";
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.endsWith(protocol), line);
        }
        assertTrue(vm.messageProperty().get().startsWith("Wrote the evaluation of 2 strategies"),
                vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aJsonFileNameExportsTheEvaluationAsJsonAndReadingOtherDataForgetsIt() throws Exception {
        vm.refresh();
        vm.evaluate();
        dialogs.exportFile = dir.resolve("eval.json");
        vm.exportEvaluation();

        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Files.readString(dir.resolve("eval.json")));
        assertEquals(2, doc.size());
        assertEquals("itemknn", doc.get(1).get("algorithm").asText());
        assertEquals(10, doc.get(1).at("/protocol/k").asInt());
        assertEquals(EvaluationProtocol.BINARY_NDCG, doc.get(1).at("/protocol/ndcg_definition").asText());

        open.set(null);
        assertFalse(vm.evaluatedProperty().get());
    }

    @Test
    void hashingWithoutASaltIsRefusedBeforeAskingForAFile() {
        vm.refresh();
        vm.hashIdsProperty().set(true);
        dialogs.exportFile = dir.resolve("x.csv");
        vm.export();
        assertFalse(Files.exists(dir.resolve("x.csv")));
        assertEquals(1, dialogs.errors.size());
    }

    @Test
    void aProjectWithoutItemIdsSaysWhichRolesToSet() {
        engine.recommendationData = null;
        vm.refresh();
        assertTrue(vm.messageProperty().get().contains("item-id"), vm.messageProperty().get());
        assertEquals(List.of(), engine.interactionLoads);
    }

    @Test
    void theChosenDatasetAndFeedbackKindAreReadAndReadingAgainForgetsTheModels() {
        engine.interactionDatasetNames = List.of("events", "transactions");
        vm.refresh();
        assertEquals("events", engine.interactionLoads.getFirst().dataset());

        vm.datasetProperty().set("transactions");
        vm.feedbackProperty().set(FeedbackKind.IMPLICIT_RECENCY);
        vm.load();

        ProjectInteractions.Options second = engine.interactionLoads.get(1);
        assertEquals("transactions", second.dataset());
        assertEquals(FeedbackKind.IMPLICIT_RECENCY, second.kind());
        assertEquals(4, engine.trained.size(), "both strategies trained again on the data read");
    }

    @Test
    void aCancelledLoadKeepsNothingAndSaysSo() {
        tasks.cancelNext();
        vm.load();
        assertEquals(null, vm.loadedProperty().get());
        assertEquals(List.of(), engine.trained);
        assertTrue(vm.messageProperty().get().startsWith("Cancelled"), vm.messageProperty().get());
    }
}
