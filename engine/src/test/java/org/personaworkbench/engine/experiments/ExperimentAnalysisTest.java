package org.personaworkbench.engine.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.experiments.AbTestReport.SegmentLift;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.personas.PlantedShop;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.TestData;
import org.personaworkbench.engine.rules.RuleSegments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading experiments out of a project: a planted shop (4 groups of 30 customers C00000…C00119 with a saved run
 * "March" whose personas are drafted) and an experiment dataset "test" of 100 of those customers plus 10 unknown
 * ids, two variants alternating, a boolean conversion and a revenue; the same rows as a CSV file.
 */
class ExperimentAnalysisTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    Project project;
    PlantedShop shop;
    final List<Object[]> rows = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        project = new ProjectService().create(folder.resolve("p"), ProjectOptions.plain());
        shop = new PlantedShop(30, false, 7);
        shop.saveTo(project, "March");
        Personas.open(project, "March");
        Random r = new Random(3);
        for (int i = 0; i < 110; i++) {
            String id = i < 100 ? shop.ids.get(i) : "X" + i;
            String variant = i % 2 == 0 ? "control" : "treatment";
            boolean converted = r.nextDouble() < (variant.equals("control") ? 0.3 : 0.5);
            rows.add(new Object[] {id, variant, converted, Math.round(r.nextDouble() * 10000) / 100.0});
        }
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("customer", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("arm", ColumnType.TEXT, ColumnRole.NONE),
                new DatasetColumn("converted", ColumnType.BOOLEAN, ColumnRole.NONE),
                new DatasetColumn("revenue", ColumnType.DECIMAL, ColumnRole.NONE));
        try (DatasetWriter writer = project.newDataset("test", columns)) {
            rows.forEach(writer::append);
            writer.commit(TestData.logEntry("test", rows.size()));
        }
        StringBuilder csv = new StringBuilder("customer,arm,converted,revenue\n");
        for (Object[] row : rows) {
            csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3])
                    .append('\n');
        }
        Files.writeString(folder.resolve("test.csv"), csv);
    }

    @AfterEach
    void close() {
        project.close();
    }

    private ExperimentDefinition definition() {
        return ExperimentDefinition.perUser("t", "test", "arm", "control", "converted").withMetric("revenue", null)
                .withCustomerColumn("customer");
    }

    private ExperimentReadout dataset(ExperimentDefinition d) {
        return Experiments.analyse(project, d, Progress.NONE, CancellationToken.create());
    }

    private ExperimentReadout file(ExperimentDefinition d) {
        return Experiments.analyseFile(folder.resolve("test.csv"), d, project, Progress.NONE,
                CancellationToken.create());
    }

    @Test
    void datasetAndCsvOfTheSameRowsGiveTheIdenticalJson() {
        ExperimentDefinition d = definition().withBreakdown(new Breakdown(BreakdownKind.PERSONAS, null));

        String fromDataset = ReadoutExport.json(dataset(d));
        String fromFile = ReadoutExport.json(file(d));

        assertEquals(fromDataset, fromFile);
        assertTrue(fromDataset.contains("\"breakdown_label\" : \"persona (run March)\""), fromDataset);
    }

    @Test
    void personaBreakdownLabelsEachCustomerByThePersonaOfTheRunAndCountsTheUnmatched() {
        ExperimentReadout readout = dataset(definition().withBreakdown(new Breakdown(BreakdownKind.PERSONAS,
                "march")));

        Map<Integer, String> names = Personas.names(project, "March");
        assertEquals(4, names.size());
        Map<String, long[]> expected = new TreeMap<>(); // label -> {control users, treatment users}
        for (int i = 0; i < rows.size(); i++) {
            String label = i < 100 ? names.get(shop.labels[i]) : "not in run";
            expected.computeIfAbsent(label, k -> new long[2])[i % 2]++;
        }
        Map<String, long[]> actual = new TreeMap<>();
        for (SegmentLift s : readout.report().breakdown()) {
            actual.put(s.segment(), new long[] {s.controlUsers(), s.variantUsers()});
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((label, users) -> assertEquals(List.of(users[0], users[1]),
                List.of(actual.get(label)[0], actual.get(label)[1]), label));
        assertEquals(5, expected.get("not in run")[0]);
        assertEquals(10, readout.unmatchedUsers());
        assertEquals(110, readout.rowsRead());
        assertEquals(0, readout.rowsSkipped());
        assertEquals("persona (run March)", readout.breakdownLabel());
    }

    @Test
    void ruleBreakdownSplitsUsersIntoInAndNotInTheRule() {
        RuleSegments.save(project, "frequent", "frequency >= 10");
        ExperimentReadout readout = dataset(definition().withBreakdown(new Breakdown(BreakdownKind.RULE,
                "frequent")));

        // groups 0 (10-16 orders) and 3 (12-20 orders) are frequent; 1 and 2 buy 1-3 times
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            boolean in = i < 100 && (shop.labels[i] == 0 || shop.labels[i] == 3);
            expected.merge((in ? "in " : "not in ") + "frequent", 1L, Long::sum);
        }
        Map<String, Long> actual = new HashMap<>();
        for (SegmentLift s : readout.report().breakdown()) {
            actual.put(s.segment(), s.controlUsers() + s.variantUsers());
        }
        assertEquals(expected, actual);
        assertEquals(40, (long) actual.get("in frequent"), "group 0 is customers 0-29, group 3 is 90-119");
    }

    @Test
    void rowsWithAnEmptyVariantOrAMissingValueAreSkippedAndCounted() {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("arm", ColumnType.TEXT, ColumnRole.NONE),
                new DatasetColumn("bought", ColumnType.INTEGER, ColumnRole.NONE),
                new DatasetColumn("tier", ColumnType.TEXT, ColumnRole.NONE));
        try (DatasetWriter writer = project.newDataset("gaps", columns)) {
            writer.append(new Object[] {"A", 1L, "x"});
            writer.append(new Object[] {"A", 0L, null});
            writer.append(new Object[] {"A", null, "x"});
            writer.append(new Object[] {null, 1L, "x"});
            writer.append(new Object[] {"B", 0L, "x"});
            writer.append(new Object[] {"B", 1L, null});
            writer.append(new Object[] {"", 1L, "y"});
            writer.commit(TestData.logEntry("gaps", 7));
        }
        ExperimentReadout readout = dataset(ExperimentDefinition.perUser("g", "gaps", "arm", "A", "bought")
                .withBreakdown(new Breakdown(BreakdownKind.COLUMN, "tier")));

        assertEquals(4, readout.rowsRead());
        assertEquals(3, readout.rowsSkipped());
        assertEquals(List.of(2L, 2L), readout.report().variants().stream().map(v -> v.users()).toList());
        assertEquals(List.of("(blank)", "x"), readout.report().breakdown().stream().map(SegmentLift::segment)
                .sorted().toList());
        assertEquals(0.5, readout.baseline().rate(), 1e-15);
        assertEquals(2, readout.baseline().controlUsers());
    }

    @Test
    void aConversionThatIsNotYesOrNoNamesTheRowAndColumn() {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("arm", ColumnType.TEXT, ColumnRole.NONE),
                new DatasetColumn("bought", ColumnType.TEXT, ColumnRole.NONE));
        try (DatasetWriter writer = project.newDataset("bad", columns)) {
            writer.append(new Object[] {"A", "yes"});
            writer.append(new Object[] {"B", "maybe"});
            writer.commit(TestData.logEntry("bad", 2));
        }
        EngineException e = assertThrows(EngineException.class,
                () -> dataset(ExperimentDefinition.perUser("b", "bad", "arm", "A", "bought")));
        assertEquals("The dataset 'bad', row 2, column 'bought': 'maybe' is not a conversion (use 0/1, true/false "
                + "or yes/no).", e.getMessage());
    }

    @Test
    void readoutCarriesTheVerdictAndTheControlsBaseline() throws IOException {
        ExperimentReadout readout = dataset(definition());
        AbTestReport.VariantSummary control = readout.report().variants().getFirst();

        assertEquals("control", control.name());
        assertEquals(Verdict.lines(readout.report(), true), readout.verdict());
        assertTrue(readout.verdict().getFirst().startsWith("Variant treatment converts "), readout.verdict().getFirst());
        assertEquals(control.rate(), readout.baseline().rate());
        assertEquals(control.sd(), readout.baseline().metricSd());
        assertEquals(55, readout.baseline().controlUsers());
        JsonNode doc = JSON.readTree(ReadoutExport.json(readout));
        assertEquals(readout.baseline().metricSd(), doc.get("metric_power").get("sd").asDouble());
        assertEquals(Power.minimumDetectableMeanDifference(control.sd(), 55, 0.05, 0.8),
                doc.get("metric_power").get("mde").asDouble());
    }

    @Test
    void cancellingStopsTheRead() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        assertThrows(CancelledException.class,
                () -> Experiments.analyse(project, definition().withBreakdown(new Breakdown(BreakdownKind.RULE,
                        "frequency >= 10")), Progress.NONE, cancel));
    }

    @Test
    void progressEndsAtTheDatasetsRowCount() {
        AtomicLong last = new AtomicLong(-1);
        Experiments.analyse(project, definition(), (done, total, message) -> {
            assertEquals(110, total);
            last.set(done);
        }, CancellationToken.create());
        assertEquals(110, last.get());
    }
}
