package org.personaworkbench.engine.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationExportTest {

    private static final EvaluationProtocol PROTOCOL = new EvaluationProtocol(SplitKind.TEMPORAL, 2, 9_007_199_254_740_993L,
            4, 10, EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, 3);

    @TempDir
    Path dir;

    private static Metrics metrics(int users, double base) {
        return new Metrics(users, base, base * 1.5, base * 1.2, base * 0.7, base * 3, 0.123456789, 9.87654321, 0.5);
    }

    private static List<EvaluationReport> reports() {
        EvaluationReport als = new EvaluationReport(Algorithm.ALS, PROTOCOL, metrics(900, 0.1),
                Map.of("=cmd", metrics(12, 0.2), "Big, \"loyal\"", metrics(30, 0.05)),
                Map.of("1-2", metrics(5, 0.01), "3-9", metrics(50, 0.03), "10+", metrics(845, 0.11)),
                1.234, 0.456, 2.5);
        EvaluationReport pop = new EvaluationReport(Algorithm.POPULARITY, PROTOCOL,
                new Metrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0.01, Double.NaN, Double.NaN),
                Map.of(), Map.of("10+", metrics(0, 0.0)), 0.001, 0.01, 0.02);
        return List.of(als, pop);
    }

    private static List<List<String>> read(Path file) throws Exception {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
            return StreamSupport.stream(reader.spliterator(), false).map(CsvRecord::getFields).toList();
        }
    }

    private static double number(List<String> row, String column) {
        String cell = row.get(EvaluationExport.HEADER.indexOf(column));
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    @Test
    void csvReadsBackAsTheReportedFiguresOneRowPerStrategyAndScope() throws Exception {
        Path file = dir.resolve("eval.csv");
        EvaluationExport.write(reports(), file);

        List<List<String>> rows = read(file);
        assertEquals(EvaluationExport.HEADER, rows.getFirst());
        List<String> scopes = rows.stream().skip(1).map(r -> r.get(0) + " " + r.get(1)).toList();
        assertEquals(List.of("als all", "als persona:=cmd", "als persona:Big, \"loyal\"", "als bucket:1-2",
                "als bucket:3-9", "als bucket:10+", "popularity all", "popularity bucket:10+"), scopes);

        EvaluationReport als = reports().getFirst();
        List<String> loyal = rows.get(3);
        Metrics expected = als.perPersona().get("Big, \"loyal\"");
        assertEquals(expected.users(), (int) number(loyal, "users"));
        assertEquals(expected.precision(), number(loyal, "precision"), 1e-12);
        assertEquals(expected.recall(), number(loyal, "recall"), 1e-12);
        assertEquals(expected.ndcg(), number(loyal, "ndcg"), 1e-12);
        assertEquals(expected.map(), number(loyal, "map"), 1e-12);
        assertEquals(expected.hitRate(), number(loyal, "hit_rate"), 1e-12);
        assertEquals(expected.coverage(), number(loyal, "coverage"), 1e-12);
        assertEquals(expected.novelty(), number(loyal, "novelty"), 1e-10);
        assertEquals(expected.diversity(), number(loyal, "diversity"), 1e-12);
        assertEquals(1.234, number(loyal, "train_seconds"), 1e-12);
        assertEquals(0.456, number(loyal, "recommend_ms_p50"), 1e-12);
        assertEquals(2.5, number(loyal, "recommend_ms_p99"), 1e-12);

        List<String> empty = rows.get(7);
        assertEquals("0", empty.get(EvaluationExport.HEADER.indexOf("users")));
        assertEquals("", empty.get(EvaluationExport.HEADER.indexOf("ndcg")), "undefined figures are empty cells");
        assertEquals(0.01, number(empty, "coverage"), 1e-12);
    }

    @Test
    void everyRowCarriesTheWholeProtocol() throws Exception {
        Path file = dir.resolve("eval.csv");
        EvaluationExport.write(reports(), file);

        List<List<String>> rows = read(file);
        assertEquals(9, rows.size());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(EvaluationExport.HEADER.size(), row.size());
            assertEquals("temporal", row.get(EvaluationExport.HEADER.indexOf("split")));
            assertEquals(2, number(row, "split_parameter"), 0);
            assertEquals("9007199254740993", row.get(EvaluationExport.HEADER.indexOf("seed")), "seed exact");
            assertEquals(4, number(row, "relevance_threshold"), 0);
            assertEquals("10", row.get(EvaluationExport.HEADER.indexOf("k")));
            assertEquals(EvaluationProtocol.ALL_UNSEEN, row.get(EvaluationExport.HEADER.indexOf("candidates")));
            assertEquals(EvaluationProtocol.BINARY_NDCG, row.get(EvaluationExport.HEADER.indexOf("ndcg_definition")));
            assertEquals("3", row.get(EvaluationExport.HEADER.indexOf("min_train_interactions")));
        }
    }

    @Test
    void noCellStartsLikeASpreadsheetFormulaEvenForAPersonaNamedLikeOne() throws Exception {
        EvaluationProtocol hostile = new EvaluationProtocol(SplitKind.RANDOM, 0.2, 1, 0, 5, "=HYPERLINK(\"x\")",
                "+1", 0);
        EvaluationReport report = new EvaluationReport(Algorithm.ITEM_KNN, hostile, metrics(3, 0.1),
                Map.of("=cmd", metrics(3, 0.1)), Map.of(), 0.1, 0.1, 0.1);
        Path file = dir.resolve("hostile.csv");
        EvaluationExport.write(List.of(report), file);

        List<List<String>> rows = read(file);
        assertEquals("persona:=cmd", rows.get(2).get(1));
        assertEquals("'=HYPERLINK(\"x\")", rows.get(1).get(EvaluationExport.HEADER.indexOf("candidates")));
        assertEquals("'+1", rows.get(1).get(EvaluationExport.HEADER.indexOf("ndcg_definition")));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
            }
        }
    }

    @Test
    void jsonIsAnArrayOfReportsNestedAsTheCliPrintsThem() throws Exception {
        Path file = dir.resolve("eval.JSON");
        EvaluationExport.write(reports(), file);

        JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(doc.isArray());
        assertEquals(2, doc.size());
        JsonNode als = doc.get(0);
        assertEquals("als", als.get("algorithm").asText());
        assertEquals("temporal", als.at("/protocol/split").asText());
        assertEquals(9_007_199_254_740_993L, als.at("/protocol/seed").asLong());
        assertEquals(EvaluationProtocol.BINARY_NDCG, als.at("/protocol/ndcg_definition").asText());
        assertEquals(0.12, als.at("/metrics/ndcg").asDouble(), 1e-12);
        assertEquals(12, als.at("/per_persona/=cmd/users").asInt());
        assertEquals(List.of("1-2", "3-9", "10+"), iterable(als.get("per_bucket")));
        assertTrue(doc.get(1).at("/metrics/ndcg").isNull(), "NaN is null");
        assertFalse(doc.get(1).has("per_persona"));
    }

    @Test
    void refusesOtherExtensionsAndLeavesNoFile() {
        Path file = dir.resolve("eval.xlsx");
        assertThrows(IllegalArgumentException.class, () -> EvaluationExport.write(reports(), file));
        assertFalse(Files.exists(file));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
