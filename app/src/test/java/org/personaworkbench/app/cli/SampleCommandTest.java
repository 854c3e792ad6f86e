package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.personaworkbench.app.cli.CliRun.pwb;

/** {@code pwb sample list|build}: the packaged samples, one built end to end, and a refused existing file. */
class SampleCommandTest {

    @TempDir
    Path dir;

    @Test
    void listNamesBothSamples() throws IOException {
        CliRun run = pwb("sample", "list", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode list = run.json();
        assertEquals(2, list.size());
        assertEquals("online-retail", list.get(0).get("name").asText());
        assertEquals("Demo shop", list.get(1).get("title").asText());
    }

    @Test
    void buildMakesAProjectWithPersonasRuleEvaluationAndExperiment() throws IOException {
        CliRun run = pwb("sample", "build", "demo-shop", dir.resolve("shop").toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertTrue(Files.isRegularFile(dir.resolve("shop.mv.db")));
        assertEquals(2000, doc.get("datasets").get("customers").asInt());
        assertEquals("planted-k4", doc.get("run").asText());
        assertEquals(4, doc.get("personas").size());
        assertEquals("Young small-basket buyers", doc.get("rules").get(0).asText());
        assertEquals("popularity vs item-kNN", doc.get("evaluations").get(0).asText());
        assertEquals("Free-shipping banner", doc.get("experiments").get(0).asText());
    }

    @Test
    void buildRefusesAnExistingFileWithAClearMessage() throws IOException {
        Path taken = Files.writeString(dir.resolve("taken.mv.db"), "keep me");
        CliRun run = pwb("sample", "build", "online-retail", taken.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("already exists"), run.err());
        assertEquals("keep me", Files.readString(taken));
    }
}
