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

/** {@code pwb abtest} on a small file whose counts are known by hand (A 3/12, B 0/12, yes/no conversions). */
class AbTestCommandTest {

    @TempDir
    Path dir;

    private Path file() throws IOException {
        StringBuilder csv = new StringBuilder("group,bought,spend,tier\n");
        for (int i = 0; i < 12; i++) {
            csv.append("A,").append(i < 3 ? "yes" : "no").append(',').append(i).append(",t").append(i % 2).append('\n');
            csv.append("B,no,").append(i + 1).append(",t").append(i % 2).append('\n');
        }
        Path f = dir.resolve("ab.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void jsonHasTheDocumentedFieldsWithNullsWhereAFigureDoesNotApply() throws IOException {
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "A",
                "--conversion-col", "bought", "--segment-col", "tier", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        JsonNode a = doc.get("variants").get(0);
        for (String f : List.of("name", "users", "conversions", "rate", "rate_ci", "mean", "mean_ci")) {
            assertTrue(a.has(f), f);
        }
        assertEquals(12, a.get("users").asInt());
        assertEquals(3, a.get("conversions").asInt());
        assertEquals(0.25, a.get("rate").asDouble(), 1e-15);
        assertTrue(a.get("mean").isNull());
        JsonNode c = doc.get("comparisons").get(0);
        for (String f : List.of("variant", "control", "abs_lift", "abs_lift_ci", "rel_lift", "rel_lift_ci", "z_p",
                "chi2_p", "chi2_yates_p", "fisher_p", "welch_p", "mann_whitney_p", "prob_beat_control",
                "expected_loss")) {
            assertTrue(c.has(f), f);
        }
        assertEquals("B", c.get("variant").asText());
        assertEquals(-0.25, c.get("abs_lift").asDouble(), 1e-15);
        // scipy.stats.fisher_exact([[0,12],[3,9]]).pvalue
        assertEquals(0.21739130434782605, c.get("fisher_p").asDouble(), 1e-12);
        assertTrue(c.get("welch_p").isNull());
        assertEquals(0.0, doc.get("srm").get("chi2").asDouble(), 1e-15);
        assertFalse(doc.get("srm").get("mismatch").asBoolean());
        assertEquals(2, doc.get("breakdown").size());
        assertTrue(doc.get("breakdown").get(0).get("too_small").asBoolean());
    }

    @Test
    void textStartsWithThePlainWordsVerdict() throws IOException {
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "A",
                "--conversion-col", "bought", "--metric-col", "spend");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Variant B converts 25.00 points (100.0%) worse than A; 95% CI"), run.out());
        assertTrue(run.out().contains("no sample-ratio mismatch"), run.out());
        assertTrue(run.out().contains("Welch p"), run.out());
    }

    @Test
    void aggregatedRowsWithHugeCountsGiveFiniteFigures() throws IOException {
        Path f = dir.resolve("agg.csv");
        Files.writeString(f, "arm,n,conv,s,ss\nA,100000000,5000000,2.0e9,9.0e10\nB,60000000,3005000,1.2e9,5.4e10\n"
                + "B,40000000,2005000,0.8e9,3.6e10\n");
        CliRun run = pwb("abtest", "--csv", f.toString(), "--variant-col", "arm", "--control", "A", "--users-col", "n",
                "--conversion-col", "conv", "--metric-sum-col", "s", "--metric-sumsq-col", "ss", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        assertEquals(100_000_000L, doc.get("variants").get(1).get("users").asLong());
        JsonNode c = doc.get("comparisons").get(0);
        assertEquals(0.0001, c.get("abs_lift").asDouble(), 1e-12);
        assertEquals("integration", c.get("prob_method").asText());
        assertTrue(c.get("prob_beat_control").asDouble() > 0.5 && c.get("prob_beat_control").asDouble() < 1);
        assertTrue(c.get("welch_p").isNumber());
        assertTrue(c.get("mann_whitney_p").isNull(), "needs per-user values");
    }

    @Test
    void anUnknownControlIsAUsageMistake() throws IOException {
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "C",
                "--conversion-col", "bought");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("The control 'C' is not a variant"), run.err());
    }
}
