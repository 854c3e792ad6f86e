package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.FeatureTables;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.RunAssignments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.personaworkbench.app.cli.CliRun.pwb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pwb export} on a project built through the CLI: new, import, features rfm, segment fit --name. */
class ExportCommandTest {

    private static final String EVIL = "=HYPERLINK(\"http://evil.example\",\"win\")";

    @TempDir
    Path dir;

    private Path project;


    /** 60 customers in 3 groups; customer 0's id is a HYPERLINK formula and customer 1's starts with @. */
    @BeforeEach
    void projectWithASavedRun() throws IOException {
        project = ShopProject.create(dir, c -> c == 0 ? "\"" + EVIL.replace("\"", "\"\"") + "\""
                : c == 1 ? "@SUM(A1:A2)" : "C" + (5000 + c));
        CliRun fit = pwb("segment", "fit", project.toString(), "--features", "rfm", "--columns",
                "recency_days,frequency,monetary", "--k", "3", "--name", "first", "--json");
        assertEquals(0, fit.code(), fit.err());
    }

    private Project open() {
        return new ProjectService().open(ProjectService.normalize(project), ProjectOptions.plain());
    }

    @Test
    void exportRoundTripsTheRunsIdsSegmentsAndFeatureValuesAndNeutralisesFormulaIds() throws Exception {
        Path out = dir.resolve("campaign.csv");
        CliRun export = pwb("export", project.toString(), "--segmentation", "FIRST", "--out", out.toString(),
                "--columns", "recency_days,frequency,monetary", "--json");
        assertEquals(0, export.code(), export.err());
        JsonNode doc = export.json();
        assertEquals(out.toAbsolutePath().toString(), doc.get("file").asText());
        assertEquals(60, doc.get("rows").asInt());
        assertEquals(0, doc.get("holdout_rows").asInt());
        assertEquals("[\"customer_id\",\"segment\",\"persona\",\"recency_days\",\"frequency\",\"monetary\"]",
                doc.get("columns").toString());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out))),
                doc.get("sha256").asText());
        assertTrue(doc.get("seconds").asDouble() >= 0);

        List<List<String>> rows = readCsv(out);
        assertEquals(61, rows.size());
        RunAssignments assignments;
        FeatureTable features;
        try (Project p = open()) {
            assignments = p.runAssignments("first");
            features = FeatureTables.load(p, "rfm", CancellationToken.create());
        }
        int[] labels = assignments.labels();
        int formulaRows = 0;
        for (int i = 0; i < 60; i++) {
            List<String> row = rows.get(i + 1);
            String id = assignments.rowIds().get(i);
            String cell = row.get(0);
            if (id.startsWith("=") || id.startsWith("@")) {
                assertEquals("'" + id, cell);
                formulaRows++;
            } else {
                assertEquals(id, cell);
            }
            assertEquals(Integer.toString(labels[i]), row.get(1));
            assertEquals("", row.get(2));
            int at = features.rowIds().indexOf(id);
            for (int k = 0; k < 3; k++) {
                FeatureColumn column = features.column(rows.get(0).get(3 + k)).orElseThrow();
                assertEquals(column.numbers()[at], Double.parseDouble(row.get(3 + k)), 1e-9, column.name());
            }
        }
        assertEquals(2, formulaRows);
        assertTrue(assignments.rowIds().contains(EVIL));
        String text = Files.readString(out);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"win\"\")\""), text);
        assertTrue(text.contains("\r\n'@SUM(A1:A2),"), text);
    }

    @Test
    void hashedIdsHoldoutCountAndBomAreAsDocumented() throws Exception {
        Path out = dir.resolve("hashed.csv");
        CliRun export = pwb("export", project.toString(), "--segmentation", "first", "--out", out.toString(),
                "--hash-ids", "s3cret", "--holdout", "0.1", "--seed", "7", "--bom", "--no-persona", "--json");
        assertEquals(0, export.code(), export.err());
        assertEquals(6, export.json().get("holdout_rows").asInt());
        assertEquals("[\"customer_id_hash\",\"segment\",\"holdout\"]", export.json().get("columns").toString());
        byte[] bytes = Files.readAllBytes(out);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<List<String>> rows = readCsv(out);
        List<String> ids;
        try (Project p = open()) {
            ids = p.runAssignments("first").rowIds();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long flagged = 0;
        for (int i = 0; i < 60; i++) {
            assertEquals(HexFormat.of().formatHex(sha.digest(("s3cret" + ids.get(i)).getBytes(StandardCharsets.UTF_8))),
                    rows.get(i + 1).get(0));
            flagged += rows.get(i + 1).get(2).equals("true") ? 1 : 0;
        }
        assertEquals(6, flagged);

        Path again = dir.resolve("again.csv");
        assertEquals(0, pwb("export", project.toString(), "--segmentation", "first", "--out", again.toString(),
                "--hash-ids", "s3cret", "--holdout", "0.1", "--seed", "7", "--bom", "--no-persona").code());
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void aSavedRuleSegmentIsExportedWithItsMembersAndTheirFeatures() throws IOException {
        CliRun saved = pwb("rule", "save", project.toString(), "--name", "regulars", "--rule", "frequency >= 3");
        assertEquals(0, saved.code(), saved.err());
        CliRun count = pwb("rule", "count", project.toString(), "--rule", "regulars", "--json");
        assertEquals(0, count.code(), count.err());
        long members = count.json().get("members").asLong();
        assertTrue(members > 0 && members < 60, count.out());
        Path out = dir.resolve("regulars.csv");

        CliRun export = pwb("export", project.toString(), "--rule", "regulars", "--out", out.toString(), "--columns",
                "frequency", "--json");

        assertEquals(0, export.code(), export.err());
        assertEquals(members, export.json().get("rows").asLong());
        List<List<String>> rows = readCsv(out);
        assertEquals(List.of("customer_id", "segment", "persona", "frequency"), rows.get(0));
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals("regulars", row.get(1));
            assertTrue(Double.parseDouble(row.get(3)) >= 3, row.toString());
        }
    }

    @Test
    void mistakesNameTheRunOrColumnAndLeaveNoFile() throws IOException {
        Path out = dir.resolve("campaign.csv");
        CliRun rule = pwb("export", project.toString(), "--rule", "big spenders", "--out", out.toString());
        assertEquals(1, rule.code());
        assertTrue(rule.err().contains("There is no saved rule segment named 'big spenders'"), rule.err());

        CliRun run = pwb("export", project.toString(), "--segmentation", "second", "--out", out.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("no segmentation run named 'second'") && run.err().contains("Saved runs: first"),
                run.err());

        CliRun column = pwb("export", project.toString(), "--segmentation", "first", "--out", out.toString(),
                "--columns", "monetary,lifetime_value", "--json");
        assertEquals(1, column.code());
        assertTrue(column.err().contains("no column 'lifetime_value'"), column.err());

        CliRun salt = pwb("export", project.toString(), "--segmentation", "first", "--out", out.toString(),
                "--hash-ids", "");
        assertEquals(2, salt.code());
        assertTrue(salt.err().contains("salt"), salt.err());

        CliRun neither = pwb("export", project.toString(), "--out", out.toString());
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--segmentation RUN"), neither.err());

        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("campaign")).toList());
        }
    }

    /** RFC 4180 with CRLF, as the export writes it; a leading BOM is skipped. */
    static List<List<String>> readCsv(Path file) throws IOException {
        String text = Files.readString(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
