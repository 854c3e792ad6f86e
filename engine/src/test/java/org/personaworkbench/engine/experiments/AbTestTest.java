package org.personaworkbench.engine.experiments;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.SharedData;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks every figure against SciPy/statsmodels. Reference values come from
 * {@code /usr/bin/python3 /work/shared/bench/peer_abtest.py FILE --control C --reps 1} (scipy 1.x, statsmodels)
 * unless the comment names another command; they are asserted to a relative error of 1e-6.
 */
class AbTestTest {

    private static final double REL = 1e-6;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL + 1e-300, () -> "expected " + expected);
    }

    private static Path resource(String name) {
        try {
            return Path.of(AbTestTest.class.getResource("/experiments/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AbTestReport synthetic() {
        List<Arm> arms = ExperimentFiles.read(resource("synthetic_ab.csv"),
                new ExperimentFiles.Columns("variant", "converted", "revenue", "pre", "segment"),
                CancellationToken.create());
        return AbTest.analyse(arms, AbTestOptions.defaults("A"));
    }

    /*
     * synthetic_ab.csv (600 rows, written once by a seeded script, unequal split 343/257):
     * /usr/bin/python3 /work/shared/bench/peer_abtest.py engine/src/test/resources/experiments/synthetic_ab.csv \
     *     --control A --reps 1
     */
    @Test
    void syntheticConversionFiguresMatchScipyAndStatsmodels() {
        AbTestReport r = synthetic();
        VariantSummary a = r.variants().get(0);
        VariantSummary b = r.variants().get(1);
        assertEquals(343, a.users());
        assertEquals(34, a.conversions());
        assertEquals(257, b.users());
        assertEquals(44, b.conversions());
        close(0.07180438466405958, a.rateCi().lo());
        close(0.13532615579948357, a.rateCi().hi());
        close(0.13007936584936766, b.rateCi().lo());
        close(0.22201749496380221, b.rateCi().hi());
        close(13.123411078717204, a.mean());
        close(9.961417691477827, a.sd());
        close(15.164163424124512, b.mean());
        close(12.482278851738702, b.sd());
        close(12.326666666666666, r.srm().chi2());
        close(0.00044653306770562283, r.srm().p());
        assertTrue(r.srm().mismatch());

        Comparison c = r.comparisons().getFirst();
        close(0.07208086124944697, c.absLift());
        close(0.7271686884870681, c.relLift());
        close(2.597925310840207, c.z());
        close(0.009378889169282263, c.zP());
        close(6.749215920704188, c.chi2());
        close(0.00937888916928227, c.chi2P());
        close(6.126941511952892, c.chi2Yates());
        close(0.013313699430121267, c.chi2YatesP());
        assertNull(c.fisherP(), "all expected counts are at least 5");
        close(2.1564751059708023, c.welchT());
        close(0.031545412967632976, c.welchP());
        close(477.2661917165767, c.welchDf());
        close(2.0407523454073075, c.meanDiff());
        // python3 -c "import scipy.stats as st; print(st.norm.cdf(2.1564751059708023))" (Welch t of the peer)
        close(0.9844767072111905, c.metricProbBeatControl());
        close(0.9951094816967692, c.probBeatControl());
        assertEquals("exact", c.probMethod());
        // python3 -c "import scipy.stats as st; print(st.beta.ppf(0.025,35,310), st.beta.isf(0.025,35,310))"
        close(0.07189701652878738, a.credibleInterval().lo());
        close(0.13537245852812313, a.credibleInterval().hi());
    }

    @Test
    void syntheticMannWhitneyMatchesScipy() {
        // python3 -c "import pandas as pd, scipy.stats as st; d=pd.read_csv('synthetic_ab.csv');
        //   print(st.mannwhitneyu(d[d.variant=='B'].revenue, d[d.variant=='A'].revenue, use_continuity=True,
        //   alternative='two-sided', method='asymptotic'))"  -> U 45875.0, p 0.3918909310801091
        Comparison c = synthetic().comparisons().getFirst();
        close(45875.0, c.mannWhitneyU());
        close(0.3918909310801091, c.mannWhitneyP());
    }

    @Test
    void cupedRemovesThePrePeriodVarianceAndKeepsTheDifferenceUnbiased() {
        Comparison c = synthetic().comparisons().getFirst();
        assertNotNull(c.cuped());
        // python3 -c "import pandas as pd, numpy as np, scipy.stats as st; d=pd.read_csv('synthetic_ab.csv');
        //   y=d.revenue.to_numpy(); x=d.pre.to_numpy(); th=np.cov(y,x)[0,1]/np.var(x,ddof=1);
        //   adj=y-th*(x-x.mean()); print(th, 1-np.var(adj,ddof=1)/np.var(y,ddof=1));
        //   a=adj[d.variant=='A']; b=adj[d.variant=='B']; print(b.mean()-a.mean(),
        //   st.ttest_ind(b,a,equal_var=False).pvalue)"
        close(0.7096921309541144, c.cuped().theta());
        close(0.11149911270454593, c.cuped().varianceReduction());
        close(2.1648818473854003, c.cuped().meanDiff());
        close(0.015158846509282889, c.cuped().p());
        double width = c.meanDiffCi().hi() - c.meanDiffCi().lo();
        double cupedWidth = c.cuped().meanDiffCi().hi() - c.cuped().meanDiffCi().lo();
        assertTrue(cupedWidth < width, cupedWidth + " < " + width);
    }

    /*
     * Cookie Cats (version gate_30/gate_40, retention_7 as converted, sum_gamerounds as revenue), written by
     * python3 -c "import pandas as pd; d=pd.read_csv('cookie_cats.csv'); pd.DataFrame({'variant':d.version,
     *   'converted':d.retention_7.astype(int),'revenue':d.sum_gamerounds}).to_csv('cookie_retention_7.csv',index=False)"
     * then /usr/bin/python3 /work/shared/bench/peer_abtest.py cookie_retention_7.csv --control gate_30 --reps 1
     */
    @Test
    void cookieCatsRetention7MatchesThePeer() {
        Optional<Path> file = SharedData.file("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        List<Arm> arms = ExperimentFiles.read(file.get(),
                new ExperimentFiles.Columns("version", "retention_7", "sum_gamerounds", null, null),
                CancellationToken.create());
        AbTestReport r = AbTest.analyse(arms, AbTestOptions.defaults("gate_30"));
        VariantSummary g30 = r.variants().get(0);
        VariantSummary g40 = r.variants().get(1);
        assertEquals(44700, g30.users());
        assertEquals(8502, g30.conversions());
        assertEquals(45489, g40.users());
        assertEquals(8279, g40.conversions());
        close(0.18658979684366292, g30.rateCi().lo());
        close(0.19386613051747012, g30.rateCi().hi());
        close(0.17848120097823003, g40.rateCi().lo());
        close(0.18557259139286594, g40.rateCi().hi());
        close(52.45626398210291, g30.mean());
        close(256.7164231160407, g30.sd());
        close(6.9024049496058275, r.srm().chi2());
        close(0.008607987810836262, r.srm().p());
        assertFalse(r.srm().mismatch());
        Comparison c = r.comparisons().getFirst();
        close(-0.008201298315205913, c.absLift());
        close(-0.043119034896460184, c.relLift());
        close(-3.164358912748191, c.z());
        close(0.001554249975614329, c.zP());
        close(10.01316732868897, c.chi2());
        close(0.0015542499756142788, c.chi2P());
        close(9.959086799559167, c.chi2Yates());
        close(0.0016005742679058301, c.chi2YatesP());
        close(-0.8854374331270672, c.welchT());
        close(0.37592438409326223, c.welchP());
        close(58595.481422574, c.welchDf());
        close(-1.157488453953249, c.meanDiff());
        // python3 -c "import pandas as pd, scipy.stats as st; d=pd.read_csv('cookie_cats.csv');
        //   print(st.mannwhitneyu(d[d.version=='gate_40'].sum_gamerounds, d[d.version=='gate_30'].sum_gamerounds,
        //   use_continuity=True, alternative='two-sided', method='asymptotic'))"
        close(1009027049.5, c.mannWhitneyU());
        close(0.05020880772044255, c.mannWhitneyP());
        // python3 -c "import scipy.stats as st; print(st.norm.cdf(-0.8854374331270672))"
        close(0.18796037530347676, c.metricProbBeatControl());
        close(0.0007773386644863931, c.probBeatControl());
    }

    /* The same file with retention_1 as converted; same peer command. */
    @Test
    void cookieCatsRetention1MatchesThePeer() {
        Optional<Path> file = SharedData.file("data/cookie-cats-ab-test/cookie_cats.csv");
        assumeTrue(file.isPresent(), "../shared/data/cookie-cats-ab-test not present");
        List<Arm> arms = ExperimentFiles.read(file.get(),
                new ExperimentFiles.Columns("version", "retention_1", null, null, null), CancellationToken.create());
        AbTestReport r = AbTest.analyse(arms, AbTestOptions.defaults("gate_30"));
        close(0.44358236514774474, r.variants().get(0).rateCi().lo());
        close(0.44685149948007, r.variants().get(1).rateCi().hi());
        Comparison c = r.comparisons().getFirst();
        close(-0.005905169787341458, c.absLift());
        close(-0.01317565585974656, c.relLift());
        close(0.07440965529691913, c.zP());
        close(3.159100787878226, c.chi2Yates());
        close(0.07550476210309097, c.chi2YatesP());
        close(0.037206025179290225, c.probBeatControl());
        assertNull(c.welchP(), "no metric column");
    }

    /*
     * Udacity landing-page test (ab_data.csv.gz, group control/treatment, converted), written by
     * python3 -c "import pandas as pd; d=pd.read_csv('ab_data.csv.gz'); pd.DataFrame({'variant':d.group,
     *   'converted':d.converted,'revenue':d.converted}).to_csv('landing.csv',index=False)"
     * then /usr/bin/python3 /work/shared/bench/peer_abtest.py landing.csv --control control --reps 1
     */
    @Test
    void landingPageTestMatchesThePeer() {
        Optional<Path> file = SharedData.file("data/udacity-ab-test/ab_data.csv.gz");
        assumeTrue(file.isPresent(), "../shared/data/udacity-ab-test not present");
        List<Arm> arms = ExperimentFiles.read(file.get(),
                new ExperimentFiles.Columns("group", "converted", null, null, null), CancellationToken.create());
        AbTestReport r = AbTest.analyse(arms, AbTestOptions.defaults("control"));
        VariantSummary control = r.variants().stream().filter(v -> v.name().equals("control")).findFirst()
                .orElseThrow();
        VariantSummary treatment = r.variants().stream().filter(v -> v.name().equals("treatment")).findFirst()
                .orElseThrow();
        assertEquals(147202, control.users());
        assertEquals(17723, control.conversions());
        assertEquals(147276, treatment.users());
        assertEquals(17514, treatment.conversions());
        close(0.11874663817862524, control.rateCi().lo());
        close(0.12058269385729914, treatment.rateCi().hi());
        close(0.018595616650479832, r.srm().chi2());
        close(0.8915321515063552, r.srm().p());
        Comparison c = r.comparisons().getFirst();
        close(-0.0014795997940775518, c.absLift());
        close(-0.012289118596614745, c.relLift());
        close(0.21611613269757501, c.zP());
        close(0.21611613269757673, c.chi2P());
        close(0.2182316121631168, c.chi2YatesP());
        close(0.10806059825540007, c.probBeatControl());
    }

    @Test
    void fisherIsComputedWhenAnExpectedCountIsBelowFiveAndHandlesZeroConversions() {
        // python3 -c "import scipy.stats as st; print(st.fisher_exact([[0,12],[3,9]]).pvalue)" -> 0.21739130434782605
        AbTestReport r = AbTest.analyse(List.of(Arm.counts("A", 12, 3), Arm.counts("B", 12, 0)),
                AbTestOptions.defaults("A"));
        Comparison c = r.comparisons().getFirst();
        close(0.21739130434782605, c.fisherP());
        assertEquals(-0.25, c.absLift(), 1e-15);
        assertEquals(-1.0, c.relLift(), 1e-15);
        assertEquals(0.0, r.variants().get(1).rateCi().lo(), 1e-15);
        assertTrue(c.probBeatControl() > 0 && c.probBeatControl() < 0.05);
        assertTrue(Double.isFinite(c.expectedLoss()));
    }

    @Test
    void allConversionsAndOneUserGiveFiniteFiguresOrNulls() {
        AbTestReport all = AbTest.analyse(List.of(Arm.counts("A", 50, 50), Arm.counts("B", 50, 50)),
                AbTestOptions.defaults("A"));
        Comparison c = all.comparisons().getFirst();
        assertEquals(0, c.absLift());
        assertNull(c.chi2(), "a zero column makes the chi-square undefined");
        assertEquals(1.0, c.zP());
        close(0.5, c.probBeatControl());
        assertEquals(1.0, all.variants().getFirst().rateCi().hi(), 1e-12);

        AbTestReport one = AbTest.analyse(List.of(Arm.counts("A", 1, 0), Arm.counts("B", 1, 1)),
                AbTestOptions.defaults("A"));
        Comparison o = one.comparisons().getFirst();
        assertEquals(1.0, o.absLift());
        close(1.0, o.fisherP());
        // Beta(2,1) beats Beta(1,2) with probability 5/6
        close(5.0 / 6, o.probBeatControl());
    }

    @Test
    void hugeAggregatedCountsNeitherOverflowNorGiveNaN() {
        long n = 100_000_000L;
        List<Arm> arms = List.of(Arm.aggregated("A", n, 5_000_000L, 2.0e9, 9.0e10),
                Arm.aggregated("B", n, 5_010_000L, 2.001e9, 9.001e10));
        AbTestReport r = AbTest.analyse(arms, AbTestOptions.defaults("A"));
        Comparison c = r.comparisons().getFirst();
        assertEquals("integration", c.probMethod());
        assertTrue(Double.isFinite(c.zP()) && Double.isFinite(c.chi2P()) && Double.isFinite(c.welchP()));
        // the normal approximation is excellent at these counts: P(B > A) ≈ Φ(d / se)
        double se = Math.sqrt(0.05 * 0.95 / n + 0.0501 * 0.9499 / n);
        double normal = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .cumulativeProbability(0.0001 / se);
        assertEquals(normal, c.probBeatControl(), 1e-3);
        assertTrue(c.expectedLoss() >= 0 && c.expectedLoss() < 1e-4);
        assertNull(c.fisherP());
    }

    @Test
    void exactSumAndIntegrationAgree() {
        double exact = BetaComparison.probBeats(1 + 480, 1 + 9520, 1 + 530, 1 + 9470).p();
        double integrated = BetaComparison.integrate(1 + 480, 1 + 9520, 1 + 530, 1 + 9470);
        assertEquals(exact, integrated, 1e-10);
        // each of the four symmetric forms gives the same value
        assertEquals(BetaComparison.miller(481, 9521, 531, 9471),
                BetaComparison.miller(9471, 531, 9521, 481), 1e-12);
    }

    @Test
    void everySymmetricFormOfTheExactSumAgreesWithIntegration() {
        double[][] cases = {{50, 60, 7, 80}, {50, 3, 40, 12}, {2, 50, 40, 30}, {50, 40, 30, 4}};
        for (double[] c : cases) {
            BetaComparison.Probability p = BetaComparison.probBeats(c[0], c[1], c[2], c[3]);
            assertEquals("exact", p.method());
            assertEquals(BetaComparison.integrate(c[0], c[1], c[2], c[3]), p.p(), 1e-10, java.util.Arrays.toString(c));
        }
        // python3 -c "from scipy import stats, integrate; [print(integrate.quad(lambda x: stats.beta.pdf(x,aT,bT)
        //   * stats.beta.cdf(x,aC,bC), 0, 1, epsabs=1e-14, limit=500)[0]) for aC,bC,aT,bT in CASES]"
        double[] scipy = {4.635080870947185e-10, 0.0034378753078345417, 0.9999999999945138, 0.9998883384947747};
        for (int i = 0; i < cases.length; i++) {
            double[] c = cases[i];
            close(scipy[i], BetaComparison.probBeats(c[0], c[1], c[2], c[3]).p());
        }
    }

    @Test
    void holmAndBenjaminiHochbergMatchStatsmodels() {
        // python3 -c "from statsmodels.stats.multitest import multipletests as m; p=[0.01,0.04,0.03,0.2];
        //   print(m(p,method='holm')[1], m(p,method='fdr_bh')[1])"
        double[] p = {0.01, 0.04, 0.03, 0.2};
        double[] holm = Multiplicity.holm(p);
        double[] bh = Multiplicity.benjaminiHochberg(p);
        double[] holmRef = {0.04, 0.09, 0.09, 0.2};
        double[] bhRef = {0.04, 0.05333333333333334, 0.05333333333333334, 0.2};
        for (int i = 0; i < p.length; i++) {
            close(holmRef[i], holm[i]);
            close(bhRef[i], bh[i]);
        }
    }

    @Test
    void threeVariantsAreEachComparedWithControlAndAdjusted() {
        AbTestReport r = AbTest.analyse(List.of(Arm.counts("A", 1000, 100), Arm.counts("B", 1000, 130),
                Arm.counts("C", 1000, 105)), AbTestOptions.defaults("A"));
        assertEquals(2, r.comparisons().size());
        Comparison b = r.comparisons().get(0);
        Comparison c = r.comparisons().get(1);
        close(Math.min(1, 2 * Math.min(b.zP(), c.zP())), Math.min(b.holmP(), c.holmP()));
        assertTrue(b.bhP() <= b.holmP());
    }

    @Test
    void srmUsesThePlannedSplit() {
        // python3 -c "import scipy.stats as st; print(st.chisquare([343,257],[360,240]).pvalue)"
        List<Arm> arms = List.of(Arm.counts("A", 343, 34), Arm.counts("B", 257, 44));
        AbTestReport r = AbTest.analyse(arms, AbTestOptions.defaults("A").withExpectedSplit(new double[] {60, 40}));
        close(0.15658040708963078, r.srm().p());
        assertFalse(r.srm().mismatch());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AbTest.analyse(arms,
                AbTestOptions.defaults("A").withExpectedSplit(new double[] {100, 0})));
    }

    @Test
    void breakdownGivesEachSegmentWithBhAndHeterogeneity() {
        AbTestReport r = synthetic();
        assertEquals(3, r.breakdown().size());
        assertEquals(List.of("new", "returning", "vip"), r.breakdown().stream().map(s -> s.segment()).toList());
        long users = r.breakdown().stream().mapToLong(s -> s.variantUsers() + s.controlUsers()).sum();
        assertEquals(600, users);
        r.breakdown().forEach(s -> assertTrue(s.bhP() >= s.zP()));
        // ~100 users per arm and segment: most arms are below 100 users and are marked
        assertTrue(r.breakdown().stream().anyMatch(s -> s.tooSmall()));
    }

    private static Arm segmented(String name, int[][] segments) {
        int n = 0;
        for (int[] seg : segments) {
            n += seg[0];
        }
        boolean[] converted = new boolean[n];
        String[] labels = new String[n];
        int i = 0;
        long conversions = 0;
        for (int s = 0; s < segments.length; s++) {
            for (int u = 0; u < segments[s][0]; u++, i++) {
                converted[i] = u < segments[s][1];
                labels[i] = "s" + (s + 1);
            }
            conversions += segments[s][1];
        }
        return new Arm(name, n, conversions, Double.NaN, Double.NaN, null, null, converted, labels);
    }

    @Test
    void heterogeneityIsCochransQOnTheSegmentLifts() {
        // segments (users, conversions): A 1000/100, 1000/100, 500/50; B 1000/150, 1000/100, 500/40.
        // python3 -c "import numpy as np, scipy.stats as st; segs=[(1000,100,1000,150),(1000,100,1000,100),
        //   (500,50,500,40)]; d=[];w=[]
        //   for nC,xC,nT,xT in segs: pC=xC/nC; pT=xT/nT; d.append(pT-pC); w.append(1/(pT*(1-pT)/nT+pC*(1-pC)/nC))
        //   d=np.array(d); w=np.array(w); m=(w*d).sum()/w.sum(); Q=(w*(d-m)**2).sum(); print(Q, st.chi2.sf(Q,2))"
        Arm a = segmented("A", new int[][] {{1000, 100}, {1000, 100}, {500, 50}});
        Arm b = segmented("B", new int[][] {{1000, 150}, {1000, 100}, {500, 40}});
        AbTestReport r = AbTest.analyse(List.of(a, b), AbTestOptions.defaults("A"));
        assertEquals(1, r.heterogeneity().size());
        close(10.56071673403777, r.heterogeneity().getFirst().q());
        close(0.005090606160420676, r.heterogeneity().getFirst().p());
        assertEquals(2, r.heterogeneity().getFirst().df());
        close(0.05, r.breakdown().getFirst().absLift());
        assertFalse(r.breakdown().getFirst().tooSmall());
    }

    @Test
    void powerRoundTripsBetweenSampleSizeAndMde() {
        // n = (1.959964 + 0.841621)² (0.1·0.9 + 0.12·0.88) / 0.02² = 3838.6 -> 3839
        long n = Power.usersPerArm(0.10, 0.02, 0.05, 0.8);
        assertEquals(3839, n);
        assertEquals(0.02, Power.minimumDetectableEffect(0.10, n, 0.05, 0.8), 1e-5);
    }
}
