package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.personaworkbench.app.cli.CliRun.pwb;

/** {@code pwb recommend eval|user} and {@code pwb bench-recommend}. */
class RecommendCommandTest {

    @TempDir
    Path dir;

    /** 40 users in two taste groups over 16 movies, MovieLens u.data layout; ratings 5 in the group's block. */
    private Path ratings() throws IOException {
        StringBuilder data = new StringBuilder();
        for (int u = 0; u < 40; u++) {
            int base = u < 20 ? 0 : 8;
            for (int i = 0; i < 8; i++) {
                if ((u + i) % 5 != 0) {
                    data.append(u).append('\t').append(100 + base + i).append('\t').append(4 + (u + i) % 2)
                            .append('\t').append(880000000L + u * 100 + i).append('\n');
                }
            }
            data.append(u).append('\t').append(100 + (8 - base) + u % 8).append("\t2\t870000000\n");
        }
        Path file = dir.resolve("u.data");
        Files.writeString(file, data);
        return file;
    }

    @Test
    void evalPrintsTheContractFieldsWithTheProtocol() throws IOException {
        CliRun run = pwb("recommend", "eval", "--ratings", ratings().toString(), "--format", "movielens",
                "--algorithm", "als", "--feedback", "implicit", "--factors", "4", "--split", "loo", "--k", "3",
                "--seed", "9", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals("als", doc.get("algorithm").asText());
        JsonNode protocol = doc.get("protocol");
        assertEquals("leave_one_out", protocol.get("split").asText());
        assertEquals(9, protocol.get("seed").asLong());
        assertEquals(4.0, protocol.get("relevance_threshold").asDouble());
        assertEquals(3, protocol.get("k").asInt());
        assertTrue(protocol.get("ndcg_definition").asText().startsWith("binary gains"));
        assertTrue(protocol.get("candidates").asText().contains("not interacted with in training"));
        JsonNode m = doc.get("metrics");
        for (String field : List.of("precision", "recall", "ndcg", "map", "hit_rate", "coverage", "novelty",
                "diversity", "users")) {
            assertTrue(m.has(field), field);
        }
        // leave-one-out: every user holds out one cell; those rated ≥ 4 are the users scored
        assertTrue(m.get("users").asInt() >= 20 && m.get("users").asInt() <= 40, m.toString());
        assertEquals(m.get("hit_rate").asDouble(), m.get("recall").asDouble(), 1e-12);
        assertTrue(m.get("ndcg").asDouble() > 0.5, "the group's block is easy to learn: " + m);
        assertEquals(List.of("1-2", "3-9", "10+"), List.copyOf(iterable(doc.get("per_bucket"))));
        for (String field : List.of("train_seconds", "recommend_ms_p50", "recommend_ms_p99")) {
            assertTrue(doc.get(field).asDouble() >= 0, field);
        }
        assertFalse(doc.has("per_persona"));
    }

    @Test
    void evalComparesSeveralStrategiesUnderOneProtocolAndWritesTheCsv() throws IOException {
        Path out = dir.resolve("compare.csv");
        CliRun run = pwb("recommend", "eval", "--ratings", ratings().toString(), "--algorithm", "als,itemknn,popularity",
                "--factors", "4", "--split", "loo", "--k", "3", "--seed", "9", "--out", out.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals(3, doc.get("protocol").get("k").asInt());
        JsonNode reports = doc.get("reports");
        assertEquals(List.of("als", "itemknn", "popularity"),
                List.of(reports.get(0).get("algorithm").asText(), reports.get(1).get("algorithm").asText(),
                        reports.get(2).get("algorithm").asText()));
        for (JsonNode r : reports) {
            assertEquals(doc.get("protocol"), r.get("protocol"), "each report is the single-strategy shape");
            assertTrue(r.get("metrics").has("ndcg"));
        }

        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.getFirst().startsWith("algorithm,scope,users,precision,recall,ndcg,"), lines.getFirst());
        assertEquals(1 + 3 * 4, lines.size(), "all + three buckets per strategy: " + lines);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.contains(",leave_one_out,1,9,4,3,"), line);
        }
        String alsAll = lines.get(1);
        assertTrue(alsAll.startsWith("als,all," + reports.get(0).at("/metrics/users").asInt() + ","), alsAll);
        double ndcg = Double.parseDouble(alsAll.split(",")[5]);
        assertEquals(reports.get(0).at("/metrics/ndcg").asDouble(), ndcg, 1e-11);
    }

    @Test
    void evalWritesJsonByExtensionAndRefusesOtherExtensions() throws IOException {
        Path out = dir.resolve("one.json");
        CliRun run = pwb("recommend", "eval", "--ratings", ratings().toString(), "--algorithm", "popularity",
                "--split", "loo", "--k", "3", "--out", out.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        assertEquals("popularity", run.json().get("algorithm").asText(), "one strategy keeps the single shape");
        JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(out));
        assertEquals(1, file.size());
        assertEquals("popularity", file.get(0).get("algorithm").asText());
        assertEquals(3, file.get(0).at("/protocol/k").asInt());

        CliRun bad = pwb("recommend", "eval", "--ratings", ratings().toString(), "--out",
                dir.resolve("x.txt").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains(".csv or .json"), bad.err());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void evalMistakesAreUsageErrorsAndBadLinesAreNamed() throws IOException {
        CliRun unknown = pwb("recommend", "eval", "--ratings", ratings().toString(), "--algorithm", "magic");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown algorithm 'magic'"), unknown.err());
        CliRun split = pwb("recommend", "eval", "--ratings", ratings().toString(), "--split", "random:2");
        assertEquals(2, split.code(), split.err());
        Path bad = dir.resolve("bad.data");
        Files.writeString(bad, "1\t2\t5\t0\n1\t3\tfive\t0\n");
        CliRun run = pwb("recommend", "eval", "--ratings", bad.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("line 2, rating (column 3): 'five' is not a number"), run.err());
    }

    @Test
    void userListsHistoryAndRecommendationsWithPersonaAndReasons() throws IOException {
        Path project = ShopProject.create(dir, c -> "C" + (5000 + c));
        CliRun fit = pwb("segment", "fit", project.toString(), "--features", "rfm", "--columns",
                "recency_days,frequency,monetary", "--k", "3", "--name", "first", "--json");
        assertEquals(0, fit.code(), fit.err());
        CliRun personas = pwb("personas", project.toString(), "--segmentation", "first", "--json");
        assertEquals(0, personas.code(), personas.err());

        CliRun run = pwb("recommend", "user", project.toString(), "--user", "C5000", "--algorithm", "als",
                "--n", "4", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals("C5000", doc.get("user").asText());
        assertEquals("als", doc.get("algorithm").asText());
        assertFalse(doc.get("persona").isNull(), "the customer's persona from run 'first'");
        JsonNode history = doc.get("history");
        assertEquals(1, history.size());
        assertEquals("SKU0", history.get(0).get("item").asText());
        assertEquals(12.0, history.get(0).get("value").asDouble(), 1e-12, "12 orders of one each");
        JsonNode recs = doc.get("recommendations");
        assertEquals(4, recs.size());
        for (int r = 0; r < recs.size(); r++) {
            JsonNode rec = recs.get(r);
            assertEquals(r + 1, rec.get("rank").asInt());
            assertFalse(rec.get("item").asText().equals("SKU0"), "bought items are left out");
            assertTrue(rec.get("explanation").asText().startsWith("matches your taste profile"), rec.toString());
            for (String field : List.of("title", "score")) {
                assertTrue(rec.has(field), field);
            }
        }
        CliRun nobody = pwb("recommend", "user", project.toString(), "--user", "C1", "--json");
        assertEquals(1, nobody.code());
    }

    /** Wine: 5 buyers in the evening on the web; coffee: 3 in the morning on mobile, 1 in the evening; bread: one. */
    private Path cafe() throws IOException {
        StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Quantity,InvoiceDate,Platform,CustomerID\n");
        for (int u = 0; u < 5; u++) {
            csv.append(100 + u).append(",WINE,1,2024-03-01 20:30,Web,W").append(u).append('\n');
        }
        for (int u = 0; u < 3; u++) {
            csv.append(200 + u).append(",COFFEE,1,2024-03-01 08:15,Mobile,C").append(u).append('\n');
        }
        csv.append("203,COFFEE,1,2024-03-01 20:45,Web,C3\n");
        csv.append("300,BREAD,1,2024-03-01 14:00,Web,N1\n");
        Path orders = dir.resolve("cafe.csv");
        Files.writeString(orders, csv);
        Path project = dir.resolve("cafe");
        assertEquals(0, pwb("new", project.toString()).code());
        CliRun imported = pwb("import", project.toString(), "--csv", orders.toString(), "--name", "orders",
                "--role", "CustomerID=customer_id", "--role", "StockCode=item_id", "--role", "InvoiceDate=timestamp");
        assertEquals(0, imported.code(), imported.err());
        return project;
    }

    private static List<String> items(JsonNode doc) {
        List<String> out = new java.util.ArrayList<>();
        doc.get("recommendations").forEach(r -> out.add(r.get("item").asText()));
        return out;
    }

    @Test
    void userContextReranksByTimeOfDayOrDeviceAndUnknownContextsListTheAvailableOnes() throws IOException {
        Path project = cafe();
        CliRun plain = pwb("recommend", "user", project.toString(), "--user", "N1", "--algorithm", "popularity",
                "--n", "2", "--json");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.json().get("context").isNull());
        assertEquals("[\"morning\",\"afternoon\",\"evening\",\"device:mobile\",\"device:web\"]",
                plain.json().get("contexts").toString());
        assertEquals(List.of("WINE", "COFFEE"), items(plain.json()));

        CliRun morning = pwb("recommend", "user", project.toString(), "--user", "N1", "--algorithm", "popularity",
                "--n", "2", "--context", "morning", "--json");
        assertEquals(0, morning.code(), morning.err());
        assertEquals("morning", morning.json().get("context").asText());
        assertEquals(List.of("COFFEE", "WINE"), items(morning.json()));

        CliRun mobile = pwb("recommend", "user", project.toString(), "--user", "N1", "--algorithm", "popularity",
                "--n", "2", "--context", "device:Mobile", "--json");
        assertEquals(0, mobile.code(), mobile.err());
        assertEquals("device:mobile", mobile.json().get("context").asText());
        assertEquals(List.of("COFFEE", "WINE"), items(mobile.json()));

        CliRun night = pwb("recommend", "user", project.toString(), "--user", "N1", "--context", "night");
        assertEquals(2, night.code(), night.err());
        assertTrue(night.err().contains("has no purchases in the context 'night'. Its contexts: morning, afternoon, "
                + "evening, device:mobile, device:web."), night.err());
    }

    @Test
    void benchRecommendReportsTrainingAndLatency() throws IOException {
        CliRun run = pwb("bench-recommend", "--ratings", ratings().toString(), "--repeat", "2", "--factors", "4",
                "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals(2, doc.get("train_seconds").size());
        assertEquals(40, doc.get("users").asInt());
        assertTrue(doc.get("recommend_ms_p99").asDouble() >= doc.get("recommend_ms_p50").asDouble());
    }
}
