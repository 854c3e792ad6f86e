package org.personaworkbench.engine.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.SharedData;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The verdict's words, the readout exports, the posterior curves and power for a metric's mean. */
class ReadoutWordsAndCurvesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A 3/12 against B 0/12 (yes/no), spend i and i + 1, tier t0/t1: the CLI test's file. */
    private Path small() throws IOException {
        StringBuilder csv = new StringBuilder("group,bought,spend,tier\n");
        for (int i = 0; i < 12; i++) {
            csv.append("A,").append(i < 3 ? "yes" : "no").append(',').append(i).append(",t").append(i % 2).append('\n');
            csv.append("B,no,").append(i + 1).append(",t").append(i % 2).append('\n');
        }
        Path f = dir.resolve("ab.csv");
        Files.writeString(f, csv);
        return f;
    }

    private ExperimentReadout smallReadout() throws IOException {
        return Experiments.analyseFile(small(), ExperimentDefinition.perUser("s", null, "group", "A", "bought")
                        .withMetric("spend", null).withBreakdown(new Breakdown(BreakdownKind.COLUMN, "tier")), null,
                Progress.NONE, CancellationToken.create());
    }

    @Test
    void cookieCatsVerdictReadsAsThePlainWordsSentence() {
        Optional<Path> file = SharedData.file("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        ExperimentReadout r = Experiments.analyseFile(file.get(), ExperimentDefinition.perUser("cc", null,
                "version", "gate_30", "retention_7"), null, Progress.NONE, CancellationToken.create());

        assertEquals(List.of("Variant gate_40 converts 0.82 points (4.3%) worse than gate_30; 95% CI -1.33 to -0.31 "
                + "points; p = 0.0016; 0.078% probability gate_40 is better; no sample-ratio mismatch (p = 0.0086)."),
                r.verdict());
        assertEquals(90189, r.rowsRead());
        assertEquals(0.19020134228187918, r.baseline().rate(), 1e-15, "8502 / 44700");
    }

    @Test
    void aSampleRatioMismatchIsWarnedAboutFirst() {
        AbTestReport r = AbTest.analyse(List.of(Arm.counts("A", 10_000, 1_000), Arm.counts("B", 11_000, 1_200)),
                AbTestOptions.defaults("A"));

        List<String> lines = Verdict.lines(r, true);

        assertEquals(2, lines.size());
        assertEquals("WARNING: SAMPLE-RATIO MISMATCH (p < 0.0001): the assignment looks broken; do not trust the "
                + "figures below before finding out why.", lines.get(0));
        assertTrue(lines.get(1).startsWith("Variant B converts 0.91 points (9.1%) better than A; "), lines.get(1));
    }

    @Test
    void aLiftWhoseIntervalIncludesZeroIsNotReadAsAWin() {
        AbTestReport r = AbTest.analyse(List.of(Arm.counts("A", 500, 340), Arm.counts("B", 500, 357)),
                AbTestOptions.defaults("A"));

        String line = Verdict.lines(r, true).getFirst();

        assertTrue(line.startsWith("Variant B converts 3.40 points (5.0%) better than A, but that is not a clear "
                + "difference (the interval includes zero); 95% CI -2.29 to 9.09 points; p = 0.24"), line);
        AbTestReport clear = AbTest.analyse(List.of(Arm.counts("A", 5_000, 3_400), Arm.counts("B", 5_000, 3_570)),
                AbTestOptions.defaults("A"));
        assertFalse(Verdict.lines(clear, true).getFirst().contains("not a clear difference"),
                "an interval above zero is a clear lift");
    }

    @Test
    void pValuesAndPointsAreFormattedForPeople() {
        assertEquals("= 0.02", Verdict.p(0.0212));
        assertEquals("= 0.0016", Verdict.p(0.001554249975614329));
        assertEquals("< 0.0001", Verdict.p(0.00009));
        assertEquals("-0.82", Verdict.points(-0.008201298315205913));
        assertEquals("4.3", Verdict.percent(0.043119034896460184));
    }

    @Test
    void csvRowOfTheAbsoluteLiftHoldsTheReportsFigureAndInterval() throws IOException {
        ExperimentReadout r = smallReadout();
        AbTestReport.Comparison c = r.report().comparisons().getFirst();

        List<String> lines = ReadoutExport.csv(r).lines().toList();

        assertEquals(ReadoutExport.CSV_HEADER, lines.getFirst());
        String absLift = lines.stream().filter(l -> l.startsWith("comparison,B,A,,abs_lift,")).findFirst()
                .orElseThrow();
        String[] cells = absLift.split(",", -1);
        assertEquals(8, cells.length);
        assertEquals(-0.25, Double.parseDouble(cells[5]));
        assertEquals(c.absLiftCi().lo(), Double.parseDouble(cells[6]));
        assertEquals(c.absLiftCi().hi(), Double.parseDouble(cells[7]));
        assertTrue(lines.contains("variant,A,,,users,12,,"), "users as whole numbers");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("breakdown,B,A,t0,abs_lift,")), "breakdown rows");
        assertTrue(lines.stream().noneMatch(l -> l.contains(",cuped_")), "no covariate, no CUPED rows");
        assertTrue(lines.contains("srm,,,,mismatch,false,,"));
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() throws IOException {
        Path f = dir.resolve("formula.csv");
        Files.writeString(f, "arm,c\n=A,1\n=A,0\n+B,0\n+B,1\n");
        ExperimentReadout r = Experiments.analyseFile(f, ExperimentDefinition.perUser("f", null, "arm", "=A", "c"),
                null, Progress.NONE, CancellationToken.create());

        String csv = ReadoutExport.csv(r);

        assertTrue(csv.contains("\ncomparison,'+B,'=A,,abs_lift,0.0,"), csv);
        assertFalse(csv.contains("\n=") || csv.contains(",=") || csv.contains(",+"), csv);
    }

    @Test
    void jsonHasTheContractFieldsAndTheAddedOnes() throws IOException {
        ExperimentReadout r = smallReadout();

        JsonNode doc = JSON.readTree(ReadoutExport.json(r));

        for (String f : List.of("control", "variants", "comparisons", "srm", "breakdown", "heterogeneity", "power",
                "metric_power", "verdict", "rows_read", "rows_skipped", "breakdown_label", "unmatched_users")) {
            assertTrue(doc.has(f), f);
        }
        JsonNode c = doc.get("comparisons").get(0);
        for (String f : List.of("variant", "control", "abs_lift", "abs_lift_ci", "rel_lift", "rel_lift_ci", "z_p",
                "chi2_p", "chi2_yates_p", "fisher_p", "welch_p", "mann_whitney_p", "prob_beat_control",
                "expected_loss")) {
            assertTrue(c.has(f), f);
        }
        assertEquals(-0.25, c.get("abs_lift").asDouble(), 1e-15);
        assertEquals(24, doc.get("rows_read").asLong());
        assertEquals("column tier", doc.get("breakdown_label").asText());
        assertEquals(r.verdict().getFirst(), doc.get("verdict").get(0).asText());
        assertEquals("[0.5,0.5]", doc.get("srm").get("expected_split").toString(), "equal split when none given");
    }

    @Test
    void writeChoosesJsonOrCsvByTheExtension() throws IOException {
        ExperimentReadout r = smallReadout();
        Path json = dir.resolve("out.JSON");
        Path csv = dir.resolve("out.csv");

        ReadoutExport.write(r, json);
        ReadoutExport.write(r, csv);

        assertEquals("A", JSON.readTree(Files.readString(json)).get("control").asText());
        assertEquals(ReadoutExport.csv(r), Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file left beside ab.csv and the two exports");
        }
    }

    /** Trapezoid rule over the curve. */
    private static double area(Posterior.Curve c) {
        double a = 0;
        for (int i = 1; i < c.x().length; i++) {
            a += (c.x()[i] - c.x()[i - 1]) * (c.density()[i] + c.density()[i - 1]) / 2;
        }
        return a;
    }

    @Test
    void betaPosteriorCurveCoversTheCentralMassAndIntegratesToOne() {
        Posterior.Curve c = Posterior.beta(1 + 8502, 1 + 44700 - 8502, 400);

        assertEquals(400, c.x().length);
        assertEquals(0.999, area(c), 1e-3);
        // /usr/bin/python3 -c "from scipy.stats import beta; print(beta(8503, 36199).ppf([0.0005, 0.9995]))"
        assertEquals(0.18415276, c.x()[0], 1e-8);
        assertEquals(0.19636845, c.x()[399], 1e-8);
        Posterior.Curve skewed = Posterior.beta(0.5, 0.5, 2000);
        assertTrue(Double.isFinite(skewed.density()[0]), "the grid stops short of the infinite density at 0");
    }

    @Test
    void normalPosteriorCurveSpansThreePointThreeSdAndIntegratesToOne() {
        Posterior.Curve c = Posterior.normal(52.4, 1.2, 301);

        assertEquals(52.4 - 3.3 * 1.2, c.x()[0], 1e-12);
        assertEquals(52.4 + 3.3 * 1.2, c.x()[300], 1e-12);
        assertEquals(0.999033, area(c), 1e-3);
        assertEquals(1 / (1.2 * Math.sqrt(2 * Math.PI)), c.density()[150], 1e-12, "the peak at the mean");
    }

    /*
     * statsmodels, NormalIndPower with alternative='larger' at α/2 (the formula n = 2 (z_{1-α/2} + z_power)² sd² /
     * δ² drops the far tail, which 'two-sided' keeps):
     * /usr/bin/python3 -c "from statsmodels.stats.power import NormalIndPower as P; p=P();
     *   print(p.solve_power(effect_size=0.1, alpha=0.025, power=0.8, ratio=1.0, alternative='larger'));
     *   print(p.power(effect_size=0.1, nobs1=1570, alpha=0.025, ratio=1.0, alternative='larger'));
     *   print(p.power(effect_size=0.1, nobs1=1569, alpha=0.025, ratio=1.0, alternative='larger'));
     *   print(p.power(effect_size=0.12529069984918345, nobs1=1000, alpha=0.025, ratio=1.0, alternative='larger'));
     *   print(p.power(effect_size=1.2198109349095265, nobs1=20, alpha=0.005, ratio=1.0, alternative='larger'))"
     * -> 1569.7759469069024 (so 1570 users), 0.8000559672689399, 0.7998060689586357, 0.8, 0.8999999999999999.
     * The MDEs are the effect sizes statsmodels gives exactly the power for (its solve_power for the effect size
     * stops early, at power 0.799997, i.e. 0.12529023413348478).
     */
    @Test
    void powerForMeansMatchesStatsmodels() {
        assertEquals(1570, Power.usersPerArmForMean(25, 2.5, 0.05, 0.8), "ceil(1569.776)");
        assertEquals(1570, Power.usersPerArmForMean(1, 0.1, 0.05, 0.8));
        assertEquals(0.12529069984918345 * 256.7, Power.minimumDetectableMeanDifference(256.7, 1000, 0.05, 0.8),
                0.12529069984918345 * 256.7 * 1e-6);
        assertEquals(1.2198109349095265, Power.minimumDetectableMeanDifference(1, 20, 0.01, 0.9),
                1.2198109349095265 * 1e-6);
        long users = Power.usersPerArmForMean(10, 0.5, 0.05, 0.8);
        assertTrue(Power.minimumDetectableMeanDifference(10, users, 0.05, 0.8) <= 0.5);
        assertTrue(Power.minimumDetectableMeanDifference(10, users - 1, 0.05, 0.8) > 0.5);
    }
}
