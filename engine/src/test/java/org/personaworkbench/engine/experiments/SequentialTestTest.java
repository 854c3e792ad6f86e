package org.personaworkbench.engine.experiments;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.SharedData;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The mSPRT figures against an independent numpy computation ({@code bench/peer_msprt.py}, values recorded with
 * the command that printed them, relative error 1e-6), and the property that matters: peeking does not inflate the
 * false-positive rate of the always-valid p-value, while it does for the fixed-n z-test.
 */
class SequentialTestTest {

    private static final double REL = 1e-6;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL + 1e-300, () -> "expected " + expected);
    }

    private static List<Arm> cookieCats(String conversion) {
        Optional<Path> file = SharedData.file("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        return ExperimentFiles.read(file.get(), new ExperimentFiles.Columns("version", conversion, null, null, null),
                CancellationToken.create());
    }

    /*
     * /usr/bin/python3 bench/peer_msprt.py ../shared/data/cookie-cats-ab-test/cookie_cats.csv version retention_7 \
     *     gate_30 gate_40
     */
    @Test
    void cookieCatsRetention7ReplayedInArrivalOrderMatchesNumpy() {
        AbTestReport r = AbTest.analyse(cookieCats("retention_7"), AbTestOptions.defaults("gate_30"));
        Comparison c = r.comparisons().getFirst();
        SequentialTest.Result s = c.sequential();
        assertNotNull(s);
        assertTrue(s.arrivalOrder());
        assertEquals(89983, s.looks());
        close(0.0003617655060582857, s.tauSquared());
        close(0.042346407585871354, s.alwaysValidP());
        close(-0.015875192511452405, s.alwaysValidCi().lo());
        close(-0.00014093943118807274, s.alwaysValidCi().hi());
        // wider than the fixed-n interval, which is only valid at one planned look
        assertTrue(s.alwaysValidCi().lo() < c.absLiftCi().lo() - 0.002);
        assertTrue(s.alwaysValidCi().hi() > c.absLiftCi().hi() + 0.002);
        assertTrue(s.alwaysValidP() > c.zP() * 20, "0.042 against the z-test's 0.0016");
    }

    /* Same command with retention_1 (the running minimum stays well above 0.05). */
    @Test
    void cookieCatsRetention1MatchesNumpy() {
        SequentialTest.Result s = AbTest.analyse(cookieCats("retention_1"), AbTestOptions.defaults("gate_30"))
                .comparisons().getFirst().sequential();
        close(0.0020087241115265084, s.tauSquared());
        close(0.8428092949883158, s.alwaysValidP());
        close(-0.015339856194383307, s.alwaysValidCi().lo());
        close(0.004817660091118864, s.alwaysValidCi().hi());
    }

    /* Aggregated counts (Cookie Cats retention_7): one look at the end; peer's final_look_p / final_look_ci. */
    @Test
    void aggregatedCountsLookOnceAtTheFinalSample() {
        AbTestReport r = AbTest.analyse(List.of(Arm.counts("gate_30", 44700, 8502), Arm.counts("gate_40", 45489, 8279)),
                AbTestOptions.defaults("gate_30"));
        SequentialTest.Result s = r.comparisons().getFirst().sequential();
        assertFalse(s.arrivalOrder());
        assertEquals(1, s.looks());
        close(0.054360389535633845, s.alwaysValidP());
        close(-0.01647207034691186, s.alwaysValidCi().lo());
        close(6.94737165000351e-05, s.alwaysValidCi().hi());
        ExperimentReadout readout = new ExperimentReadout(
                ExperimentDefinition.perUser("t", "d", "version", "gate_30", "retention_7"), r, List.of(), 2, 0, null,
                0, new ExperimentReadout.Baseline(8502.0 / 44700, Double.NaN, 44700));
        String json = ReadoutExport.json(readout);
        assertTrue(json.contains("\"always_valid_p\" : 0.0543603895356338"), json);
        assertTrue(json.contains("\"always_valid_ci\" : [ -0.0164720703469118"), json);
        String csv = ReadoutExport.csv(readout);
        assertTrue(csv.contains("comparison,gate_40,gate_30,,always_valid_p,0.0543603895356338"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("comparison,gate_40,gate_30,,always_valid_p,")
                && l.contains(",-0.0164720703469118")), csv);
    }

    /**
     * 400 seeded A/A tests (10% conversion in both arms, 10,000 users split by a fair coin), each looked at after
     * every 100 users: the always-valid p-value falls below 0.05 in at most ~5% of them, the fixed-n z-test peeked
     * the same way in far more.
     */
    @Test
    void peekingAtAnATestRarelyFoolsTheAlwaysValidPButOftenFoolsTheZTest() {
        NormalDistribution z = NormalDistribution.of(0, 1);
        int simulations = 400;
        int users = 10_000;
        double tau2 = SequentialTest.mixingVariance(0.1, SequentialTest.RELATIVE_EFFECT);
        int alwaysValidFooled = 0;
        int everyUserFooled = 0;
        int zFooled = 0;
        for (int s = 0; s < simulations; s++) {
            UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(1000L + s);
            boolean[] arm = new boolean[users];
            boolean[] conv = new boolean[users];
            int nT = 0;
            for (int u = 0; u < users; u++) {
                arm[u] = rng.nextBoolean();
                conv[u] = rng.nextDouble() < 0.1;
                nT += arm[u] ? 1 : 0;
            }
            boolean[] t = new boolean[nT];
            long[] tAt = new long[nT];
            boolean[] c = new boolean[users - nT];
            long[] cAt = new long[users - nT];
            int i = 0;
            int j = 0;
            long xT = 0;
            long xC = 0;
            boolean zRejected = false;
            for (int u = 0; u < users; u++) {
                if (arm[u]) {
                    t[i] = conv[u];
                    tAt[i++] = u;
                    xT += conv[u] ? 1 : 0;
                } else {
                    c[j] = conv[u];
                    cAt[j++] = u;
                    xC += conv[u] ? 1 : 0;
                }
                if ((u + 1) % 100 == 0 && i > 0 && j > 0) {
                    double pooled = (double) (xT + xC) / (i + j);
                    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / i + 1.0 / j));
                    if (se > 0 && 2 * z.survivalProbability(Math.abs(((double) xT / i - (double) xC / j) / se)) < 0.05) {
                        zRejected = true;
                    }
                }
            }
            zFooled += zRejected ? 1 : 0;
            if (SequentialTest.replay(t, tAt, c, cAt, tau2, 0.05, SequentialTest.MIN_USERS_PER_ARM, 100)
                    .alwaysValidP() < 0.05) {
                alwaysValidFooled++;
            }
            if (SequentialTest.replay(t, tAt, c, cAt, tau2, 0.05, SequentialTest.MIN_USERS_PER_ARM, 1)
                    .alwaysValidP() < 0.05) {
                everyUserFooled++;
            }
        }
        System.out.printf("A/A, 400 runs (measured 2, 2, 145): always-valid (every 100) %d, always-valid (every user) %d, z-test %d%n",
                alwaysValidFooled, everyUserFooled, zFooled);
        assertTrue(alwaysValidFooled <= 24, "always-valid p < 0.05 in " + alwaysValidFooled + " of 400");
        assertTrue(everyUserFooled <= 24, "always-valid p (every user) < 0.05 in " + everyUserFooled + " of 400");
        assertTrue(zFooled >= 80, "peeked z-test p < 0.05 in " + zFooled + " of 400");
    }
}
