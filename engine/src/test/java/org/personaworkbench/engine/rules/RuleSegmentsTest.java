package org.personaworkbench.engine.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.TestData;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules on a small project with hand-computed members: an rfm feature set (customers 1-5), a customers table
 * (1, 2, 3, 6, 7) and the events fixture (customers 1 and 2, last event 2024-03-21 18:10).
 */
class RuleSegmentsTest {

    /** Rule -> expected sorted members, each checked by SQL and in memory. */
    static final Map<String, List<String>> CORPUS = Map.ofEntries(
            Map.entry("recency_days <= 30 and rfm.frequency >= 3", List.of("1", "3")),
            Map.entry("country in (\"France\", \"Germany\") and not (age > 40)", List.of("1", "3")),
            Map.entry("age is missing or country is missing", List.of("3", "7")),
            Map.entry("recency_days is missing and customers.age > 30", List.of("7")),
            Map.entry("country != \"France\"", List.of("2", "6")),
            Map.entry("country not in (\"France\", \"Spain\")", List.of("2")),
            Map.entry("vip = 1", List.of("1", "6")),
            Map.entry("segment = \"gold\" or monetary >= 300", List.of("1", "3")),
            Map.entry("not (segment = \"gold\")", List.of("2", "4", "5")),
            Map.entry("monetary > 20.25 and monetary < 200", List.of("1", "4")),
            Map.entry("views(last 7 days) > 2", List.of("2")),
            Map.entry("views() = 3", List.of("1", "2")),
            Map.entry("views(category = \"hats\") >= 1", List.of("2")),
            Map.entry("add_to_cart(last 7 days) = 0", List.of("1")),
            Map.entry("purchases(last 30 days) >= 1", List.of("1", "2")),
            Map.entry("events(type = \"scroll\") = 1", List.of("2")),
            Map.entry("events(device = \"mobile\", last 14 days) = 1", List.of("1")),
            Map.entry("views(last 7 days) = 0 and rfm.frequency >= 1", List.of("3", "4", "5")),
            Map.entry("views(last 7 days) is missing", List.of()));

    @TempDir
    Path folder;

    private Project project;
    private final CancellationToken cancel = CancellationToken.create();

    @BeforeEach
    void setUp() throws Exception {
        project = new ProjectService().create(folder.resolve("p"), ProjectOptions.plain());
        buildProject(project);
    }

    static void buildProject(Project project) throws Exception {
        double nan = Double.NaN;
        FeatureTable rfm = new FeatureTable(List.of("1", "2", "3", "4", "5"), List.of(
                FeatureColumn.numeric("recency_days", false, new double[] {10, 40, 25, nan, 90}),
                FeatureColumn.numeric("frequency", true, new double[] {5, 1, 3, 7, 2}),
                FeatureColumn.numeric("monetary", false, new double[] {100.5, 20, 300, 50, 0}),
                FeatureColumn.text("segment", new String[] {"gold", "silver", "gold", null, "bronze"})));
        FeatureTables.save(project, "rfm", new FeatureSetRecipe("orders", "rfm", "{}"), rfm, false,
                CancellationToken.create());
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("id", ColumnType.INTEGER, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("age", ColumnType.INTEGER, ColumnRole.NONE),
                new DatasetColumn("country", ColumnType.TEXT, ColumnRole.CATEGORY),
                new DatasetColumn("vip", ColumnType.BOOLEAN, ColumnRole.NONE),
                new DatasetColumn("frequency", ColumnType.INTEGER, ColumnRole.NONE));
        try (DatasetWriter writer = project.newDataset("customers", columns)) {
            writer.append(new Object[] {1L, 34L, "France", true, 9L});
            writer.append(new Object[] {2L, 51L, "Germany", false, 1L});
            writer.append(new Object[] {3L, null, "France", null, 2L});
            writer.append(new Object[] {6L, 28L, "Spain", true, 4L});
            writer.append(new Object[] {7L, 45L, null, false, 0L});
            writer.commit(TestData.logEntry("customers", 5));
        }
        Path csv = Path.of(RuleSegmentsTest.class.getResource("/features/events_small.csv").toURI());
        var preview = new CsvInspector().inspect(csv, FormatOverrides.none());
        new CsvImporter().importFile(project, csv, ImportOptions.fromPreview(preview, "events", BadRowPolicy.FAIL),
                Progress.NONE, CancellationToken.create());
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void sqlAndInMemoryEvaluationAgreeWithHandComputedMembers() {
        CORPUS.forEach((rule, expected) -> {
            assertEquals(expected, RuleSegments.members(project, rule, cancel), "SQL: " + rule);
            assertEquals(expected, RuleSegments.membersInMemory(project, rule, cancel), "memory: " + rule);
            assertEquals(expected.size(), RuleSegments.count(project, rule, cancel).members(), "count: " + rule);
        });
    }

    @Test
    void rulesOverTablesHeldInMemoryGiveTheSameMembersAsSql() {
        Map<String, FeatureTable> tables = Map.of(
                "rfm", FeatureTables.load(project, "rfm", cancel),
                "customers", FeatureTables.load(project, "customers", cancel));
        int checked = 0;
        for (Map.Entry<String, List<String>> e : CORPUS.entrySet()) {
            Rule rule = RuleSegments.parse(e.getKey());
            if (rule.operands().stream().anyMatch(o -> o instanceof Rule.EventCount)) {
                continue;
            }
            assertEquals(e.getValue(), RuleSegments.members(rule, tables), e.getKey());
            checked++;
        }
        assertEquals(10, checked);
        assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.members(RuleSegments.parse("views() > 1"), tables));
    }

    @Test
    void countReportsUniverseShareNormalisedRuleAndFields() {
        RuleCount count = RuleSegments.count(project, "RECENCY_DAYS <= 30 AND rfm.frequency>=3", cancel);
        assertEquals(2, count.members());
        assertEquals(5, count.universe(), "the rfm customers");
        assertEquals(0.4, count.share(), 1e-12);
        assertEquals("RECENCY_DAYS <= 30 and rfm.frequency >= 3", count.normalisedRule());
        assertEquals(List.of("rfm.recency_days", "rfm.frequency"), count.fieldsUsed());

        RuleCount mixed = RuleSegments.count(project, "views(last 7 days) = 0 and age > 0", cancel);
        assertEquals(5, mixed.universe(), "customers 1-3, 6, 7 and the event customers 1, 2");
        assertEquals(List.of("customers.age", "views(last 7 days)"), mixed.fieldsUsed().stream().sorted().toList());
        assertEquals(2, mixed.members(), "6 and 7 have an age and no recent views (3 has no age)");
    }

    @Test
    void unknownAndAmbiguousFieldsAndTypeMismatchesAreExplained() {
        RuleSyntaxException unknown = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "recncy_days < 3", cancel));
        assertEquals("Unknown field 'recncy_days' at column 1: did you mean recency_days?", unknown.getMessage());
        RuleSyntaxException ambiguous = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "age > 3 or frequency > 2", cancel));
        assertEquals("Field 'frequency' at column 12 is in several tables; write one of: rfm.frequency, "
                + "customers.frequency", ambiguous.getMessage());
        RuleSyntaxException text = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "country > \"F\"", cancel));
        assertEquals(11, text.column());
        assertTrue(text.getMessage().contains("country is text"), text.getMessage());
        RuleSyntaxException number = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "age = \"old\"", cancel));
        assertEquals("Column 7: age is a number, so it cannot be compared with the string \"old\"; expected a "
                + "number", number.getMessage());
        RuleSyntaxException qualifier = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "rmf.frequency > 1", cancel));
        assertEquals("Unknown feature set or dataset 'rmf' at column 1: did you mean rfm?", qualifier.getMessage());
        RuleSyntaxException category = assertThrows(RuleSyntaxException.class,
                () -> RuleSegments.count(project, "age > 1 and views(colour = \"x\") > 1", cancel));
        assertEquals(19, category.column());
    }

    @Test
    void aDatasetWhoseCustomerIdsRepeatIsNotAFieldSource() {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("customer", ColumnType.INTEGER, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("amount", ColumnType.DECIMAL, ColumnRole.AMOUNT));
        try (DatasetWriter writer = project.newDataset("payments", columns)) {
            writer.append(new Object[] {1L, 10.0});
            writer.append(new Object[] {2L, 5.0});
            writer.append(new Object[] {1L, 7.5});
            writer.commit(TestData.logEntry("payments", 3));
        }

        EngineException e = assertThrows(EngineException.class,
                () -> RuleSegments.count(project, "amount > 1", CancellationToken.create()));

        assertTrue(e.getMessage().startsWith("Unknown field 'amount'"), e.getMessage());
    }

    @Test
    void injectionAttemptsInValuesAreInertAndTablesStayIntact() {
        List<String> rules = List.of(
                "country = \"x' OR '1'='1\"",
                "country = \"\\\"); DROP TABLE RULE_SEGMENTS; --\"",
                "country in (\"France') OR 1=1 --\", \"'; DELETE FROM DATASETS; --\")",
                "views(category = \"hats' OR '1'='1\") > 0",
                "events(type = \"view') OR ('a'='a\") >= 1");
        for (String rule : rules) {
            assertEquals(List.of(), RuleSegments.members(project, rule, cancel), rule);
            assertEquals(List.of(), RuleSegments.membersInMemory(project, rule, cancel), rule);
        }
        for (String rule : List.of("\"age\" > 3", "age\" OR 1=1 --", "age; DROP TABLE DATASETS > 1",
                "`age` > 1", "[age] > 1", "age > 1 -- comment")) {
            assertThrows(RuleSyntaxException.class, () -> RuleSegments.members(project, rule, cancel), rule);
        }
        RuleSegments.save(project, "x'); DROP TABLE RULE_SEGMENTS; --", "age > 30");
        assertEquals(List.of("x'); DROP TABLE RULE_SEGMENTS; --"),
                RuleSegments.saved(project).stream().map(SavedRule::name).toList());
        assertEquals(3, project.datasets().size(), "rfm, customers, events: nothing dropped");
        assertEquals(List.of("1", "3"), RuleSegments.members(project, "recency_days <= 30 and rfm.frequency >= 3",
                cancel));
    }

    @Test
    void overlapCountsRuleMembersInEverySegmentOfARun() {
        // run over rfm customers 1-5: segment 0 = {1, 2}, segment 1 = {3, 4}, noise = {5}
        project.saveSegmentationRun(new org.personaworkbench.engine.project.SegmentationRunInfo("March", "rfm", "v",
                "hash", "kmeans", "{}", 7, 2, 5, "{}", "{}", java.time.Instant.now()),
                new org.personaworkbench.engine.project.RunAssignments(List.of("1", "2", "3", "4", "5"),
                        new int[] {0, 0, 1, 1, -1}));
        // members: 1, 3 (rfm) and 6 (customers only, so not in the run)
        RuleSegments.save(project, "picked", "vip = 1 or (recency_days <= 30 and rfm.frequency >= 3)");

        RuleOverlap overlap = RuleSegments.overlap(project, "PICKED", "march", cancel);

        assertEquals("March", overlap.run());
        assertEquals(3, overlap.ruleMembers());
        assertEquals(5, overlap.runRows());
        assertEquals(1, overlap.notInRun(), "customer 6 has no rfm row");
        assertEquals(List.of(-1, 0, 1), overlap.segments().stream().map(SegmentOverlap::segment).toList());
        SegmentOverlap noise = overlap.segments().get(0);
        assertEquals(1, noise.size());
        assertEquals(0, noise.both());
        SegmentOverlap first = overlap.segments().get(1);
        assertEquals(2, first.size());
        assertEquals(1, first.both(), "customer 1");
        assertEquals(1.0 / 3, first.shareOfRule(), 1e-12);
        assertEquals(0.5, first.shareOfSegment(), 1e-12);
        SegmentOverlap second = overlap.segments().get(2);
        assertEquals(1, second.both(), "customer 3");
        assertEquals(0.5, second.shareOfSegment(), 1e-12);
        EngineException noRun = assertThrows(EngineException.class,
                () -> RuleSegments.overlap(project, "picked", "April", cancel));
        assertTrue(noRun.getMessage().contains("April"), noRun.getMessage());
    }

    @Test
    void aSavedRuleExportsItsMembersLabelledWithItsNameAndItsFeatureSet() {
        RuleSegments.save(project, "Young", "age < 40 and country is not missing");
        var source = org.personaworkbench.engine.export.ExportSource.fromRule(project, "young", null, cancel);
        assertEquals("rule", source.kind());
        assertEquals(List.of("1", "6"), source.customerIds());
        assertEquals(List.of("Young", "Young"), source.segmentLabels());
        assertEquals("rfm", source.featureSet(), "the rule uses no feature set: the project's first");
        assertThrows(EngineException.class,
                () -> org.personaworkbench.engine.export.ExportSource.fromRule(project, "old", null, cancel));
    }

    @Test
    void fieldsListEveryRuleFieldWithItsTypeAndQualifyAmbiguousNames() {
        RuleFields fields = RuleSegments.fields(project);

        assertEquals(List.of("recency_days", "rfm.frequency", "monetary", "segment", "age", "country", "vip",
                "customers.frequency"), fields.fields().stream().map(RuleField::ruleName).toList());
        assertEquals(List.of(true, true, true, false, true, false, true, true),
                fields.fields().stream().map(RuleField::numeric).toList());
        assertTrue(fields.events(), "the events fixture");
        assertTrue(fields.eventCategory());
        for (RuleField f : fields.fields()) {
            String rule = f.ruleName() + (f.numeric() ? " > 0" : " = \"x\"");
            RuleSegments.count(project, rule, cancel); // every offered field resolves
        }
    }

    @Test
    void rulesAreSavedListedUsedByNameAndDeleted() {
        SavedRule saved = RuleSegments.save(project, "  Young  ", "AGE < 40 AND country IS NOT MISSING");
        assertEquals("Young", saved.name());
        assertEquals("AGE < 40 and country is not missing", saved.ruleText());
        assertEquals(List.of("1", "6"), RuleSegments.members(project, "young", cancel), "by name, ignoring case");
        assertEquals(2, RuleSegments.count(project, "Young", cancel).members());
        EngineException duplicate = assertThrows(EngineException.class,
                () -> RuleSegments.save(project, "YOUNG", "age < 20"));
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
        assertThrows(RuleSyntaxException.class, () -> RuleSegments.save(project, "bad", "agee < 20"));
        assertThrows(RuleSyntaxException.class, () -> RuleSegments.save(project, "bad", "age <"));
        RuleSegments.save(project, "buyers", "purchases(last 30 days) >= 1");
        assertEquals(List.of("buyers", "Young"), RuleSegments.saved(project).stream().map(SavedRule::name).toList());
        assertEquals("AGE < 40 and country is not missing",
                RuleSegments.savedRule(project, "YOUNG").orElseThrow().ruleText());
        RuleSegments.delete(project, "young");
        assertEquals(List.of("buyers"), RuleSegments.saved(project).stream().map(SavedRule::name).toList());
        assertThrows(EngineException.class, () -> RuleSegments.delete(project, "young"));
    }
}
