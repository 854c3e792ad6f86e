package org.personaworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.personaworkbench.app.cli.CliRun.pwb;

/**
 * {@code pwb abtest} on a small file whose counts are known by hand (A 3/12, B 0/12, yes/no conversions), and on
 * the CLI-made shop (customers C5000…C5059 in three planted groups of 20, a saved k = 3 run "first" with personas)
 * with an experiment of all 60 customers plus 6 unknown ids.
 */
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
        assertTrue(run.out().startsWith("Variant B converts 25.00 points (100.0%) worse than A"), run.out());
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

    @Test
    void cookieCatsTextVerdictStaysTheSame() {
        Optional<Path> file = shared("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        CliRun run = pwb("abtest", "--csv", file.get().toString(), "--variant-col", "version", "--control",
                "gate_30", "--conversion-col", "retention_7");
        assertEquals(0, run.code(), run.err());
        assertEquals("Variant gate_40 converts 0.82 points (4.3%) worse than gate_30; 95% CI -1.33 to -0.31 points; "
                + "p = 0.0016; 0.078% probability gate_40 is better; no sample-ratio mismatch (p = 0.0086).",
                run.out().lines().findFirst().orElseThrow());
    }

    /* always_valid_*: /usr/bin/python3 bench/peer_msprt.py cookie_cats.csv version retention_7 gate_30 gate_40 */
    @Test
    void cookieCatsJsonHasTheAlwaysValidFiguresAndTheBanditOnlyWhenAsked() throws IOException {
        Optional<Path> file = shared("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        List<String> args = List.of("abtest", "--csv", file.get().toString(), "--variant-col", "version", "--control",
                "gate_30", "--conversion-col", "retention_7", "--json");
        CliRun plain = pwb(args.toArray(String[]::new));
        assertEquals(0, plain.code(), plain.err());
        JsonNode c = plain.json().get("comparisons").get(0);
        assertEquals(0.042346407585871354, c.get("always_valid_p").asDouble(), 0.042346407585871354 * 1e-6);
        assertEquals(-0.015875192511452405, c.get("always_valid_ci").get(0).asDouble(), 0.0158 * 1e-6);
        assertEquals(-0.00014093943118807274, c.get("always_valid_ci").get(1).asDouble(), 0.00014 * 1e-6);
        assertFalse(plain.json().has("bandit"));

        List<String> withBandit = new java.util.ArrayList<>(args);
        withBandit.addAll(List.of("--bandit", "--bandit-seed", "3"));
        CliRun first = pwb(withBandit.toArray(String[]::new));
        CliRun again = pwb(withBandit.toArray(String[]::new));
        assertEquals(0, first.code(), first.err());
        JsonNode b = first.json().get("bandit");
        assertEquals(b, again.json().get("bandit"), "same seed, same replay");
        assertEquals(3, b.get("seed").asLong());
        assertEquals(5, b.get("runs").asInt());
        assertEquals("gate_30", b.get("best_arm").asText());
        assertEquals(8502.0 / 44700, b.get("arms").get(0).get("observed_rate").asDouble(), 1e-15);
        JsonNode fixed = b.get("strategies").get(0);
        JsonNode thompson = b.get("strategies").get(1);
        assertEquals("fixed_split", fixed.get("name").asText());
        assertEquals("thompson", thompson.get("name").asText());
        assertEquals(90189, thompson.get("users").asLong());
        assertEquals(1.0, thompson.get("share").get("gate_30").asDouble() + thompson.get("share").get("gate_40")
                .asDouble(), 1e-12);
        // the fixed split loses (0.19020 - 0.18200) conversions on each of the 45,094.5 users sent to gate_40
        assertEquals((8502.0 / 44700 - 8279.0 / 45489) * 90189 / 2, fixed.get("regret").asDouble(), 1.0);
        assertTrue(thompson.get("regret").asDouble() < fixed.get("regret").asDouble(),
                thompson + " vs " + fixed);
    }

    @Test
    void banditTextNamesBothStrategies() throws IOException {
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "A",
                "--conversion-col", "bought", "--bandit");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Bandit replay (bootstrap replay"), run.out());
        assertTrue(run.out().contains("fixed split"), run.out());
        assertTrue(run.out().contains("Thompson"), run.out());
        assertTrue(run.out().contains("always-valid (mSPRT, final counts)"), run.out());
    }

    private static Optional<Path> shared(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolveSibling("shared").resolve(relative);
            if (Files.isReadable(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The shop with run "first" and its personas, and the experiment imported as dataset "exp". */
    private Path shop() throws IOException {
        Path project = ShopProject.create(dir, c -> "C" + (5000 + c));
        CliRun fit = pwb("segment", "fit", project.toString(), "--features", "rfm", "--columns",
                "recency_days,frequency,monetary", "--k", "3", "--name", "first", "--json");
        assertEquals(0, fit.code(), fit.err());
        assertEquals(0, pwb("personas", project.toString(), "--segmentation", "first", "--json").code());
        CliRun imported = pwb("import", project.toString(), "--csv", experiment().toString(), "--name", "exp");
        assertEquals(0, imported.code(), imported.err());
        return project;
    }

    /** Customer c is in arm A when c is even; converts when c % 5 == 0 (A) or c % 4 == 0 (B); spend c / 4. */
    private Path experiment() throws IOException {
        StringBuilder csv = new StringBuilder("customer,arm,bought,spend\n");
        for (int c = 0; c < 66; c++) {
            String id = c < 60 ? "C" + (5000 + c) : "Z" + c;
            boolean a = c % 2 == 0;
            csv.append(id).append(',').append(a ? "A" : "B").append(',')
                    .append((a ? c % 5 == 0 : c % 4 == 0) ? "yes" : "no").append(',').append(c / 4.0).append('\n');
        }
        Path f = dir.resolve("exp.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void personaBreakdownOfADatasetGroupsUsersByPersonaAndCountsTheUnmatched() throws IOException {
        Path project = shop();
        JsonNode personas = pwb("personas", project.toString(), "--segmentation", "first", "--json").json()
                .get("personas");

        CliRun run = pwb("abtest", "--project", project.toString(), "--dataset", "exp", "--variant-col", "arm",
                "--control", "A", "--conversion-col", "bought", "--customer-col", "customer", "--persona-run",
                "FIRST", "--json");

        assertEquals(0, run.code(), run.err());
        JsonNode doc = run.json();
        Map<String, Long> users = new HashMap<>();
        for (JsonNode s : doc.get("breakdown")) {
            users.put(s.get("segment").asText(), s.get("variant_users").asLong() + s.get("control_users").asLong());
        }
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode p : personas) {
            expected.put(p.get("name").asText(), 20L);
        }
        expected.put("not in run", 6L);
        assertEquals(expected, users, "three planted groups of 20 and the 6 unknown ids");
        assertEquals(6, doc.get("unmatched_users").asLong());
        assertEquals(66, doc.get("rows_read").asLong());
        assertEquals("persona (run first)", doc.get("breakdown_label").asText());
    }

    @Test
    void csvAndDatasetOfTheSameRowsPrintTheIdenticalJson() throws IOException {
        Path project = shop();
        String[] common = {"--variant-col", "arm", "--control", "A", "--conversion-col", "bought", "--metric-col",
                "spend", "--customer-col", "customer", "--personas", "--json"};

        CliRun fromFile = pwb(concat(new String[] {"abtest", "--csv", dir.resolve("exp.csv").toString(), "--project",
                project.toString()}, common));
        CliRun fromDataset = pwb(concat(new String[] {"abtest", "--project", project.toString(), "--dataset", "exp"},
                common));

        assertEquals(0, fromFile.code(), fromFile.err());
        assertEquals(0, fromDataset.code(), fromDataset.err());
        assertEquals(fromFile.out(), fromDataset.out());
        assertEquals(4, fromDataset.json().get("breakdown").size(), "three personas and 'not in run'");
    }

    @Test
    void aSavedExperimentReadsBackTheSameReadout() throws IOException {
        Path project = shop();
        CliRun saved = pwb("abtest", "--project", project.toString(), "--dataset", "exp", "--variant-col", "arm",
                "--control", "A", "--conversion-col", "bought", "--customer-col", "customer", "--rule",
                "frequency >= 12", "--save", "Spring test", "--json");
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.err().contains("Saved experiment 'Spring test'"), saved.err());

        CliRun again = pwb("abtest", "--project", project.toString(), "--experiment", "spring TEST", "--json");

        assertEquals(0, again.code(), again.err());
        assertEquals(saved.out(), again.out());
        Set<String> segments = new HashSet<>();
        Map<String, Long> users = new HashMap<>();
        for (JsonNode s : again.json().get("breakdown")) {
            segments.add(s.get("segment").asText());
            users.put(s.get("segment").asText(), s.get("variant_users").asLong() + s.get("control_users").asLong());
        }
        assertEquals(Set.of("in frequency >= 12", "not in frequency >= 12"), segments);
        assertEquals(20, users.get("in frequency >= 12"), "the 20 customers with 12 orders");
        assertEquals(46, users.get("not in frequency >= 12"));
    }

    @Test
    void aMissingColumnOrExperimentIsOneClearLine() throws IOException {
        Path project = shop();

        CliRun column = pwb("abtest", "--project", project.toString(), "--dataset", "exp", "--variant-col", "arm",
                "--control", "A", "--conversion-col", "convrted");
        CliRun experiment = pwb("abtest", "--project", project.toString(), "--experiment", "nope");
        CliRun dataset = pwb("abtest", "--project", project.toString(), "--dataset", "expt", "--variant-col", "arm",
                "--control", "A", "--conversion-col", "bought");

        assertEquals(1, column.code());
        assertEquals("error: The dataset 'exp' has no column 'convrted' (the conversion column). Its columns: "
                + "customer, arm, bought, spend.", column.err().strip());
        assertEquals(1, experiment.code());
        assertEquals("error: The project has no saved experiment named 'nope'; it has none. Save one with --save "
                + "NAME.", experiment.err().strip());
        assertEquals(1, dataset.code());
        assertTrue(dataset.err().startsWith("error: The project has no dataset named 'expt'. Its datasets: "),
                dataset.err());
        assertFalse(column.err().contains("Exception") || dataset.err().contains("\tat "), dataset.err());
    }

    @Test
    void aJoinWithoutAProjectIsAUsageMistake() throws IOException {
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "A",
                "--conversion-col", "bought", "--customer-col", "group", "--personas");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("needs --project and --customer-col"), run.err());
    }

    @Test
    void exportWritesTheCsvTableBesideTheOutput() throws IOException {
        Path out = dir.resolve("readout.csv");
        CliRun run = pwb("abtest", "--csv", file().toString(), "--variant-col", "group", "--control", "A",
                "--conversion-col", "bought", "--export", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("section,variant,control,segment,figure,value,ci_lo,ci_hi", lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("comparison,B,A,,abs_lift,-0.25,")), lines.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
