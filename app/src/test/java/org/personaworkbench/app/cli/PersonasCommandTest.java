package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.personaworkbench.app.cli.CliRun.pwb;

/** {@code pwb personas} and {@code pwb export --persona} on the CLI-made shop (three planted groups of 20). */
class PersonasCommandTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void shopWithASavedRun() throws IOException {
        project = fitted(dir.resolve("a"), "first");
    }

    private static Path fitted(Path folder, String run) throws IOException {
        Files.createDirectories(folder);
        Path p = ShopProject.create(folder, c -> "C" + (5000 + c));
        CliRun fit = pwb("segment", "fit", p.toString(), "--features", "rfm", "--columns",
                "recency_days,frequency,monetary", "--k", "3", "--name", run, "--json");
        assertEquals(0, fit.code(), fit.err());
        return p;
    }

    @Test
    void jsonListsOnePersonaPerSegmentWithTheDocumentedFields() throws Exception {
        CliRun run = pwb("personas", project.toString(), "--segmentation", "FIRST", "--json");

        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals("first", doc.get("run").asText());
        JsonNode personas = doc.get("personas");
        assertEquals(3, personas.size());
        Set<String> names = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            JsonNode p = personas.get(s);
            assertEquals(s, p.get("segment").asInt());
            assertTrue(names.add(p.get("name").asText()), "distinct names");
            for (String field : List.of("run", "initials", "summary", "description", "goals", "pain_points",
                    "channels", "quote", "goal", "goal_label", "color", "traits", "notes", "updated_at")) {
                assertTrue(p.has(field), field + " in " + p);
            }
            assertEquals(20, p.get("figures").get("size").asInt());
            assertEquals(1 / 3.0, p.get("figures").get("customer_share").asDouble(), 1e-9);
            assertEquals(3, p.get("content_map").size());
            assertTrue(p.get("content_map").get(0).has("messaging_focus"));
            assertTrue(p.get("color").asText().matches("#[0-9a-f]{6}"));
            double orders = p.get("figures").get("orders_per_customer").asDouble();
            if (orders == 12) {
                assertEquals("Champions", p.get("name").asText());
                assertEquals("retain", p.get("goal").asText());
                assertEquals(480, p.get("figures").get("average_order_value").asDouble() * orders, 1e-6);
            } else if (orders == 1) {
                assertTrue(p.get("name").asText().startsWith("Lapsed"), p.get("name").asText());
                assertEquals("win_back", p.get("goal").asText());
                assertEquals("Win back", p.get("goal_label").asText());
            } else {
                assertEquals(4, orders, 1e-9);
            }
        }

        CliRun table = pwb("personas", project.toString(), "--segmentation", "first");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().startsWith("Personas of run first"), table.out());
        for (String name : names) {
            assertTrue(table.out().contains(name), table.out());
        }
    }

    @Test
    void deckCardAndJsonExportsAreWrittenAndJsonImportsIntoAnotherProjectsRun() throws Exception {
        Path deck = dir.resolve("deck.pdf");
        Path png = dir.resolve("card.png");
        Path pdf = dir.resolve("card.pdf");
        Path json = dir.resolve("personas.json");

        CliRun run = pwb("personas", project.toString(), "--segmentation", "first", "--deck", deck.toString(),
                "--card", "1", "--png", png.toString(), "--pdf", pdf.toString(), "--dpi", "72", "--export-json",
                json.toString(), "--json");

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("Wrote a deck of 4 pages"), run.err());
        try (PDDocument d = Loader.loadPDF(deck.toFile()); PDDocument c = Loader.loadPDF(pdf.toFile())) {
            assertEquals(4, d.getNumberOfPages());
            assertEquals(1, c.getNumberOfPages());
        }
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(841, image.getWidth());
        assertEquals(595, image.getHeight());
        String exported = Files.readString(json).replace(run.json().get("personas").get(0).get("name").asText(),
                "Renamed in the workshop");
        Files.writeString(json, exported);

        Path other = fitted(dir.resolve("b"), "second");
        CliRun imported = pwb("personas", other.toString(), "--segmentation", "second", "--import-json",
                json.toString(), "--json");

        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.err().contains("Imported 3 personas"), imported.err());
        assertEquals("Renamed in the workshop", imported.json().get("personas").get(0).get("name").asText());
        assertEquals("second", imported.json().get("personas").get(0).get("run").asText());
    }

    @Test
    void mistakesAreReportedWithWhatToDo() throws Exception {
        CliRun noTarget = pwb("personas", project.toString(), "--segmentation", "first", "--card", "1");
        assertEquals(2, noTarget.code());
        assertTrue(noTarget.err().contains("--card needs --pdf FILE or --png FILE"), noTarget.err());

        CliRun noRun = pwb("personas", project.toString(), "--segmentation", "nope");
        assertEquals(1, noRun.code());
        assertTrue(noRun.err().contains("no segmentation run named 'nope'"), noRun.err());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"personas\": []}");
        CliRun badJson = pwb("personas", project.toString(), "--segmentation", "first", "--import-json",
                bad.toString());
        assertEquals(1, badJson.code());
        assertTrue(badJson.err().contains("is not a personas export") && badJson.err().contains("(line 1, column 1)"),
                badJson.err());

        CliRun unknownCard = pwb("personas", project.toString(), "--segmentation", "first", "--card", "Nobody",
                "--pdf", dir.resolve("x.pdf").toString());
        assertEquals(1, unknownCard.code());
        assertTrue(unknownCard.err().contains("no persona 'Nobody'"), unknownCard.err());
    }

    @Test
    void exportOfOnePersonaWritesItsMembersWithItsName() throws Exception {
        assertEquals(0, pwb("personas", project.toString(), "--segmentation", "first").code());
        Path all = dir.resolve("all.csv");
        assertEquals(0, pwb("export", project.toString(), "--segmentation", "first", "--out", all.toString()).code());
        List<List<String>> rows = ExportCommandTest.readCsv(all);
        String name = rows.get(1).get(2);
        assertTrue(!name.isEmpty(), "persona names fill the persona column of a run export");

        Path one = dir.resolve("one.csv");
        CliRun export = pwb("export", project.toString(), "--segmentation", "first", "--persona", name.toUpperCase(),
                "--out", one.toString(), "--json");

        assertEquals(0, export.code(), export.err());
        assertEquals(20, export.json().get("rows").asInt());
        List<List<String>> members = ExportCommandTest.readCsv(one);
        assertEquals(21, members.size());
        for (List<String> row : members.subList(1, members.size())) {
            assertEquals(List.of(name, name), row.subList(1, 3));
            assertTrue(rows.contains(List.of(row.get(0), rows.stream().filter(r -> r.get(0).equals(row.get(0)))
                    .findFirst().orElseThrow().get(1), name)), "a member of that persona in the run export");
        }

        CliRun noRun = pwb("export", project.toString(), "--persona", "1", "--out", one.toString());
        assertEquals(2, noRun.code());
        assertTrue(noRun.err().contains("--persona needs the run"), noRun.err());
    }
}
