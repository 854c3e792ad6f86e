package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's public contract: commands, exit codes and JSON field names that users script against. */
class PwbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run pwb(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PwbCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path customersCsv() throws IOException {
        Path csv = dir.resolve("customers.csv");
        Files.writeString(csv, """
                customer_id,age,region,signup_date,spend
                C001,34,North,2024-01-05,120.50
                C002,45,South,2024-02-11,80.00
                C003,29,"North, East",2024-03-20,310.25
                C004,52,West,2024-04-02,
                """);
        return csv;
    }

    @Test
    void helpListsEveryCommand() {
        Run run = pwb("--help");
        assertEquals(0, run.code());
        for (String command : new String[] {"new", "import", "datasets", "profile", "log", "gui"}) {
            assertTrue(run.out().contains(command), "help lists " + command + ":\n" + run.out());
        }
    }

    @Test
    void newImportDatasetsAndProfileWorkTogetherWithJson() throws IOException {
        Path project = dir.resolve("retail");
        Run created = pwb("new", project.toString(), "--json");
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.exists(dir.resolve("retail.mv.db")), "'.mv.db' is added to the project path");

        Run imported = pwb("import", project.toString(), "--csv", customersCsv().toString(), "--name", "customers",
                "--json");
        assertEquals(0, imported.code(), imported.err());
        JsonNode doc = imported.json();
        assertEquals("customers", doc.get("dataset").asText());
        assertEquals(4, doc.get("rows").asLong());
        assertEquals(0, doc.get("rejected").asLong());
        assertTrue(doc.get("seconds").asDouble() > 0);
        assertEquals(5, doc.get("columns").size());
        JsonNode first = doc.get("columns").get(0);
        assertEquals("customer_id", first.get("name").asText());
        assertEquals("text", first.get("type").asText());
        assertEquals("customer_id", first.get("role").asText());
        assertEquals("integer", doc.get("columns").get(1).get("type").asText());
        assertEquals("date", doc.get("columns").get(3).get("type").asText());
        assertEquals("decimal", doc.get("columns").get(4).get("type").asText());

        Run listed = pwb("datasets", project.toString(), "--json");
        assertEquals(0, listed.code(), listed.err());
        JsonNode list = listed.json();
        assertEquals(1, list.size());
        assertEquals("customers", list.get(0).get("name").asText());
        assertEquals(4, list.get(0).get("rows").asLong());
        assertEquals(5, list.get(0).get("columns").asInt());

        Run profiled = pwb("profile", project.toString(), "--dataset", "customers", "--json");
        assertEquals(0, profiled.code(), profiled.err());
        JsonNode spend = profiled.json().get("columns").get(4);
        assertEquals("spend", spend.get("name").asText());
        assertEquals(1, spend.get("missing").asLong());
        assertEquals(170.25, spend.get("mean").asDouble(), 1e-9);
    }

    @Test
    void badRowsFailTheImportUnlessSkippedAndTheRejectsFileListsThem() throws IOException {
        Path project = dir.resolve("p.mv.db");
        assertEquals(0, pwb("new", project.toString()).code());
        Path csv = dir.resolve("orders.csv");
        StringBuilder text = new StringBuilder("order_id,quantity\n");
        for (int i = 1; i <= 300; i++) {
            text.append(i).append(',').append(i == 150 ? "lots" : String.valueOf(i % 7)).append('\n');
        }
        Files.writeString(csv, text.toString());

        Run failed = pwb("import", project.toString(), "--csv", csv.toString(), "--name", "orders", "--type",
                "quantity=integer");
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("151"), "names the line of the bad row: " + failed.err());
        assertTrue(failed.out().isEmpty());
        assertEquals("[ ]", pwb("datasets", project.toString(), "--json").out().strip(),
                "a failed import leaves no dataset");

        Path rejects = dir.resolve("rejects.csv");
        Run skipped = pwb("import", project.toString(), "--csv", csv.toString(), "--name", "orders", "--type",
                "quantity=integer", "--skip-bad-rows", "--rejects", rejects.toString(), "--json");
        assertEquals(0, skipped.code(), skipped.err());
        assertEquals(299, skipped.json().get("rows").asLong());
        JsonNode log = pwb("log", project.toString(), "--json").json();
        assertEquals(1, log.size(), "the failed attempt left no log entry");
        assertEquals("orders", log.get(0).get("dataset").asText());
        assertEquals(300, log.get(0).get("rowsRead").asLong());
        assertEquals(1, log.get(0).get("rowsRejected").asLong());
        assertEquals(csv.toAbsolutePath().toString(), log.get(0).get("source").asText());
        assertEquals(skipped.json().get("sha256").asText(), log.get(0).get("sha256").asText());
        assertEquals(1, skipped.json().get("rejected").asLong());
        assertEquals(151, skipped.json().get("rejectedSample").get(0).get("line").asLong());
        assertTrue(Files.readString(rejects).contains("lots"));
    }

    @Test
    void missingFileGivesAClearErrorOnStderrAndExitCodeOne() throws IOException {
        Path project = dir.resolve("p");
        assertEquals(0, pwb("new", project.toString()).code());
        Run run = pwb("import", project.toString(), "--csv", dir.resolve("nope.csv").toString(), "--name", "x",
                "--json");
        assertEquals(1, run.code());
        assertTrue(run.out().isEmpty(), "nothing on stdout: " + run.out());
        JsonNode error = JSON.readTree(run.err());
        assertTrue(error.get("error").asText().contains("nope.csv"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void openingAMissingProjectNamesThePath() {
        Run run = pwb("datasets", dir.resolve("absent").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("absent.mv.db"), run.err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        Run run = pwb("datasets", "x", "--bogus");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--bogus"), run.err());
    }
}
