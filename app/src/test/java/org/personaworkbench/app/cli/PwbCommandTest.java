package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.personaworkbench.app.cli.CliRun.pwb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's public contract: commands, exit codes and JSON field names that users script against. */
class PwbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;


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
    void versionPrintsTheProductNameAndThePomVersion() {
        CliRun run = pwb("--version");
        assertEquals(0, run.code(), run.err());
        // filled in from the pom by resource filtering; a broken filter would print ${project.version}
        assertTrue(run.out().strip().matches("Persona Workbench \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), run.out());
    }

    @Test
    void helpListsEveryCommand() {
        CliRun run = pwb("--help");
        assertEquals(0, run.code());
        for (String command : new String[] {"new", "import", "datasets", "profile", "log", "features", "gui"}) {
            assertTrue(run.out().contains(command), "help lists " + command + ":\n" + run.out());
        }
    }

    @Test
    void guiAloneReportsAMissingProjectAndUsageMistakesLikeEveryCommand() {
        CliRun missing = pwb("gui", dir.resolve("nowhere").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("There is no project file") && missing.err().contains("pwb new"),
                missing.err());
        CliRun extra = pwb("gui", "a", "b");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("Run 'pwb gui --help' for the options."), extra.err());
        CliRun nested = pwb("features", "--bogus");
        assertEquals(2, nested.code());
        assertTrue(nested.err().contains("Run 'pwb features --help' for the options."), nested.err());
    }

    @Test
    void newImportDatasetsAndProfileWorkTogetherWithJson() throws IOException {
        Path project = dir.resolve("retail");
        CliRun created = pwb("new", project.toString(), "--json");
        assertEquals(0, created.code(), created.err());
        assertTrue(Files.exists(dir.resolve("retail.mv.db")), "'.mv.db' is added to the project path");

        CliRun imported = pwb("import", project.toString(), "--csv", customersCsv().toString(), "--name", "customers",
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

        CliRun listed = pwb("datasets", project.toString(), "--json");
        assertEquals(0, listed.code(), listed.err());
        JsonNode list = listed.json();
        assertEquals(1, list.size());
        assertEquals("customers", list.get(0).get("name").asText());
        assertEquals(4, list.get(0).get("rows").asLong());
        assertEquals(5, list.get(0).get("columns").asInt());

        CliRun profiled = pwb("profile", project.toString(), "--dataset", "customers", "--json");
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

        CliRun failed = pwb("import", project.toString(), "--csv", csv.toString(), "--name", "orders", "--type",
                "quantity=integer");
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("151"), "names the line of the bad row: " + failed.err());
        assertTrue(failed.out().isEmpty());
        assertEquals("[ ]", pwb("datasets", project.toString(), "--json").out().strip(),
                "a failed import leaves no dataset");

        Path rejects = dir.resolve("rejects.csv");
        CliRun skipped = pwb("import", project.toString(), "--csv", csv.toString(), "--name", "orders", "--type",
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
        CliRun run = pwb("import", project.toString(), "--csv", dir.resolve("nope.csv").toString(), "--name", "x",
                "--json");
        assertEquals(1, run.code());
        assertTrue(run.out().isEmpty(), "nothing on stdout: " + run.out());
        JsonNode error = JSON.readTree(run.err());
        assertTrue(error.get("error").asText().contains("nope.csv"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void openingAMissingProjectNamesThePath() {
        CliRun run = pwb("datasets", dir.resolve("absent").toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("absent.mv.db"), run.err());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCodeTwo() {
        CliRun run = pwb("datasets", "x", "--bogus");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    private Path ordersCsv() throws IOException {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, """
                invoice_no,customer_id,invoice_date,stock_code,quantity,unit_price
                1001,C1,2024-01-01 10:00:00,A,2,5.00
                1002,C1,2024-01-05 09:00:00,B,1,3.00
                C1003,C1,2024-01-06 09:00:00,A,-1,5.00
                1004,C2,2024-01-03 12:00:00,A,4,2.50
                1005,,2024-01-09 08:00:00,A,1,1.00
                """);
        return csv;
    }

    @Test
    void featuresRfmSavesAFeatureSetAndListsItWithJson() throws IOException {
        Path project = dir.resolve("shop");
        assertEquals(0, pwb("new", project.toString()).code());
        CliRun imported = pwb("import", project.toString(), "--csv", ordersCsv().toString(), "--name", "orders");
        assertEquals(0, imported.code(), imported.err());

        CliRun rfm = pwb("features", "rfm", project.toString(), "--dataset", "orders", "--name", "rfm", "--json");
        assertEquals(0, rfm.code(), rfm.err());
        JsonNode doc = rfm.json();
        assertEquals("rfm", doc.get("featureSet").asText());
        assertEquals("orders", doc.get("dataset").asText());
        assertEquals(2, doc.get("customers").asLong());
        assertEquals("2024-01-10", doc.get("referenceDate").asText());
        assertTrue(doc.get("seconds").asDouble() >= 0);
        JsonNode champions = doc.get("segments").get(0);
        assertEquals("Champions", champions.get("name").asText());
        assertEquals(1, champions.get("customers").asLong());
        assertEquals(0.5, champions.get("share").asDouble(), 1e-9);
        assertEquals("customer_id", doc.get("columns").get(0).asText());
        assertEquals("segment", doc.get("columns").get(doc.get("columns").size() - 1).asText());

        CliRun list = pwb("features", "list", project.toString(), "--json");
        assertEquals(0, list.code(), list.err());
        JsonNode set = list.json().get(0);
        assertEquals("rfm", set.get("name").asText());
        assertEquals("rfm", set.get("kind").asText());
        assertEquals("orders", set.get("dataset").asText());
        assertEquals(2, set.get("rows").asLong());
        assertEquals("2024-01-10", set.get("recipe").get("referenceDate").asText());

        CliRun text = pwb("features", "list", project.toString());
        assertTrue(text.out().contains("rfm"), text.out());
        CliRun profile = pwb("profile", project.toString(), "--dataset", "rfm", "--json");
        assertEquals(0, profile.code(), "the values are a dataset that can be profiled: " + profile.err());
    }

    @Test
    void featuresEventsRecomputeAndMatrixPrintJsonForScripts() throws IOException {
        Path project = dir.resolve("clicks");
        Path csv = dir.resolve("events.csv");
        Files.writeString(csv, """
                customer_id,event_time,event_type,category,device
                1,2024-03-01 08:00:00,view,shoes,mobile
                1,2024-03-01 08:10:00,add_to_cart,shoes,mobile
                2,2024-03-02 13:00:00,view,bags,desktop
                2,2024-03-02 13:05:00,purchase,bags,desktop
                2,2024-03-02 13:06:00,view,bags,desktop
                """);
        assertEquals(0, pwb("new", project.toString()).code());
        assertEquals(0, pwb("import", project.toString(), "--csv", csv.toString(), "--name", "events").code());

        CliRun events = pwb("features", "events", project.toString(), "--dataset", "events", "--name", "ev",
                "--window-days", "7", "--json");
        assertEquals(0, events.code(), events.err());
        assertEquals(2, events.json().get("customers").asLong());
        assertEquals("cart_abandonment_rate", events.json().get("columns").get(5).asText());

        CliRun recompute = pwb("features", "recompute", project.toString(), "--name", "ev", "--json");
        assertEquals(0, recompute.code(), recompute.err());
        assertEquals(2, recompute.json().get("rows").asLong());

        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"featureSet":"ev","features":[{"column":"views","scaling":"none"},{"column":"events"}]}
                """);
        CliRun matrix = pwb("features", "matrix", project.toString(), "--features", "ev", "--spec", spec.toString(),
                "--json");
        assertEquals(0, matrix.code(), matrix.err());
        assertEquals(2, matrix.json().get("rows").asLong());
        assertEquals("views", matrix.json().get("columns").get(0).asText());
        assertEquals(0, matrix.json().get("reports").get(0).get("filledCells").asLong());
        assertEquals("views", matrix.json().get("correlated").get(0).get("a").asText(), "2 rows: |r| = 1");
    }

    @Test
    void featuresRfmPrintsASummaryForPeopleAndHonoursTheReferenceDate() throws IOException {
        Path project = dir.resolve("shop");
        pwb("new", project.toString());
        pwb("import", project.toString(), "--csv", ordersCsv().toString(), "--name", "orders");

        CliRun rfm = pwb("features", "rfm", project.toString(), "--dataset", "orders", "--name", "Q1",
                "--reference-date", "2024-02-01");

        assertEquals(0, rfm.code(), rfm.err());
        assertTrue(rfm.out().contains("2 customers, reference date 2024-02-01"), rfm.out());
        assertTrue(rfm.out().contains("Champions"), rfm.out());
    }

    @Test
    void featuresRfmWithoutATimestampRoleFailsWithHowToFixIt() throws IOException {
        Path project = dir.resolve("crm");
        Path csv = dir.resolve("spend.csv");
        Files.writeString(csv, "customer_id,region,spend\nC001,North,120.50\nC002,South,80.00\n");
        pwb("new", project.toString());
        CliRun imported = pwb("import", project.toString(), "--csv", csv.toString(), "--name", "customers");
        assertEquals(0, imported.code(), imported.err());

        CliRun run = pwb("features", "rfm", project.toString(), "--dataset", "customers", "--name", "rfm");

        assertEquals(1, run.code());
        assertTrue(run.err().contains("'customers'") && run.err().contains("--role"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void featuresListOnAProjectWithoutFeatureSetsSaysHowToMakeOne() {
        Path project = dir.resolve("empty");
        pwb("new", project.toString());

        CliRun run = pwb("features", "list", project.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("pwb features rfm"), run.out());
    }
}
