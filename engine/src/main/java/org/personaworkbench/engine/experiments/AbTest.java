package org.personaworkbench.engine.experiments;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;
import org.personaworkbench.engine.experiments.AbTestReport.Cuped;
import org.personaworkbench.engine.experiments.AbTestReport.Heterogeneity;
import org.personaworkbench.engine.experiments.AbTestReport.SampleRatio;
import org.personaworkbench.engine.experiments.AbTestReport.SegmentLift;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads out an A/B test: frequentist tests and intervals (Commons Statistics distributions and tests), the
 * exact Beta–Binomial comparison ({@link BetaComparison}), the sample-ratio check, Holm/BH adjustment across
 * variants, CUPED for a metric with a pre-period covariate, and a per-segment breakdown.
 */
public final class AbTest {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);
    private static final ChiSquaredDistribution CHI2_1 = ChiSquaredDistribution.of(1);

    private AbTest() {
    }

    /** Analyses two or more arms; the control is {@code options.control()}. */
    public static AbTestReport analyse(List<Arm> arms, AbTestOptions options) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("An A/B test needs at least two variants; found " + arms.size() + ".");
        }
        Arm control = arms.stream().filter(a -> a.name().equals(options.control())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The control '" + options.control()
                        + "' is not a variant; the variants are " + arms.stream().map(Arm::name).toList() + "."));
        double z = Z.inverseSurvivalProbability((1 - options.confidence()) / 2);

        List<VariantSummary> variants = arms.stream().map(a -> summary(a, options, z)).toList();

        List<Arm> others = arms.stream().filter(a -> a != control).toList();
        double[] zp = new double[others.size()];
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Comparison c = compare(others.get(i), control, options, z, 0, 0);
            raw.add(c);
            zp[i] = c.zP();
        }
        double[] holm = Multiplicity.holm(zp);
        double[] bh = Multiplicity.benjaminiHochberg(zp);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Comparison c = raw.get(i);
            comparisons.add(new Comparison(c.variant(), c.control(), c.absLift(), c.absLiftCi(), c.relLift(),
                    c.relLiftCi(), c.z(), c.zP(), c.chi2(), c.chi2P(), c.chi2Yates(), c.chi2YatesP(), c.fisherP(),
                    holm[i], bh[i], c.probBeatControl(), c.probMethod(), c.expectedLoss(), c.meanDiff(),
                    c.meanDiffCi(), c.welchT(), c.welchDf(), c.welchP(), c.mannWhitneyU(), c.mannWhitneyP(),
                    c.cuped(), c.metricProbBeatControl(), c.sequential()));
        }
        List<SegmentLift> breakdown = new ArrayList<>();
        List<Heterogeneity> heterogeneity = new ArrayList<>();
        breakdown(control, others, options, z, breakdown, heterogeneity);
        return new AbTestReport(control.name(), variants, comparisons, sampleRatio(arms, options), breakdown,
                heterogeneity);
    }

    /** Wilson score interval for {@code x} successes out of {@code n}. */
    public static Interval wilson(long x, long n, double z) {
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(centre - half, centre + half);
    }

    /** Chi-square of the users per variant against the planned split (equal when none is given). */
    public static SampleRatio sampleRatio(List<Arm> arms, AbTestOptions options) {
        double[] split = options.expectedSplit();
        if (split == null) {
            split = new double[arms.size()];
            Arrays.fill(split, 1.0 / arms.size());
        }
        if (split.length != arms.size()) {
            throw new IllegalArgumentException("The planned split has " + split.length + " parts but there are "
                    + arms.size() + " variants.");
        }
        if (Arrays.stream(split).anyMatch(w -> !(w > 0) || !Double.isFinite(w))) {
            throw new IllegalArgumentException("The planned split needs a positive weight per variant, e.g. 50,50.");
        }
        double total = Arrays.stream(split).sum();
        double[] shares = Arrays.stream(split).map(s -> s / total).toArray();
        long n = arms.stream().mapToLong(Arm::users).sum();
        double chi2 = 0;
        for (int i = 0; i < arms.size(); i++) {
            double expected = shares[i] * n;
            double d = arms.get(i).users() - expected;
            chi2 += d * d / expected;
        }
        double p = ChiSquaredDistribution.of(arms.size() - 1).survivalProbability(chi2);
        return new SampleRatio(chi2, p, p < AbTestOptions.SRM_THRESHOLD, shares);
    }

    private static VariantSummary summary(Arm a, AbTestOptions o, double z) {
        double rate = a.users() == 0 ? Double.NaN : (double) a.conversions() / a.users();
        BetaDistribution posterior = BetaDistribution.of(o.priorAlpha() + a.conversions(),
                o.priorBeta() + a.users() - a.conversions());
        double tail = (1 - o.confidence()) / 2;
        Interval credible = new Interval(posterior.inverseCumulativeProbability(tail),
                posterior.inverseSurvivalProbability(tail));
        Double mean = null;
        Interval meanCi = null;
        Double sd = null;
        if (a.hasMetric() && a.users() > 0) {
            double[] m = moments(a);
            mean = m[0];
            if (a.users() > 1) {
                sd = Math.sqrt(m[1]);
                double t = TDistribution.of(a.users() - 1).inverseSurvivalProbability(tail);
                double half = t * sd / Math.sqrt(a.users());
                meanCi = new Interval(mean - half, mean + half);
            }
        }
        return new VariantSummary(a.name(), a.users(), a.conversions(), rate, wilson(a.conversions(), a.users(), z),
                credible, mean, meanCi, sd, null);
    }

    /** Mean and sample variance (n − 1) of the arm's metric, from values (two-pass) or from the sums. */
    static double[] moments(Arm a) {
        if (a.metric() != null) {
            double[] v = a.metric();
            double mean = Arrays.stream(v).sum() / v.length;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new double[] {mean, v.length > 1 ? ss / (v.length - 1) : Double.NaN};
        }
        long n = a.users();
        double mean = a.metricSum() / n;
        double var = n > 1 ? Math.max(0, (a.metricSumSquares() - n * mean * mean) / (n - 1)) : Double.NaN;
        return new double[] {mean, var};
    }

    private static Comparison compare(Arm t, Arm c, AbTestOptions o, double z, double holm, double bh) {
        long nT = t.users();
        long nC = c.users();
        long xT = t.conversions();
        long xC = c.conversions();
        double pT = (double) xT / nT;
        double pC = (double) xC / nC;
        double diff = pT - pC;
        double vT = pT * (1 - pT) / nT;
        double vC = pC * (1 - pC) / nC;
        double se = Math.sqrt(vT + vC);
        Interval absCi = new Interval(diff - z * se, diff + z * se);
        Double rel = null;
        Interval relCi = null;
        if (pC > 0) {
            rel = pT / pC - 1;
            double seRel = Math.sqrt(vT / (pC * pC) + pT * pT * vC / (pC * pC * pC * pC));
            relCi = new Interval(rel - z * seRel, rel + z * seRel);
        }
        double pooled = (double) (xT + xC) / (nT + nC);
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / nT + 1.0 / nC));
        double zStat = sePooled > 0 ? diff / sePooled : 0;
        double zP = sePooled > 0 ? 2 * Z.survivalProbability(Math.abs(zStat)) : 1;

        long[][] table = {{xT, nT - xT}, {xC, nC - xC}};
        double[][] expected = expected(table);
        boolean degenerate = Arrays.stream(expected).flatMapToDouble(Arrays::stream).anyMatch(e -> e <= 0);
        Double chi2 = null;
        Double chi2P = null;
        Double chi2Y = null;
        Double chi2YP = null;
        Double fisherP = null;
        if (!degenerate) {
            var plain = ChiSquareTest.withDefaults().test(table);
            chi2 = plain.getStatistic();
            chi2P = plain.getPValue();
            chi2Y = yates(table, expected);
            chi2YP = CHI2_1.survivalProbability(chi2Y);
        }
        boolean small = Arrays.stream(expected).flatMapToDouble(Arrays::stream).anyMatch(e -> e < 5);
        if (small && nT + nC <= Integer.MAX_VALUE) {
            int[][] ints = {{(int) xT, (int) (nT - xT)}, {(int) xC, (int) (nC - xC)}};
            fisherP = FisherExactTest.withDefaults().test(ints).getPValue();
        }

        double aC = o.priorAlpha() + xC;
        double bC = o.priorBeta() + nC - xC;
        double aT = o.priorAlpha() + xT;
        double bT = o.priorBeta() + nT - xT;
        BetaComparison.Probability prob = BetaComparison.probBeats(aC, bC, aT, bT);
        double loss = BetaComparison.expectedLoss(aC, bC, aT, bT);

        Double meanDiff = null;
        Interval meanCi = null;
        Double welchT = null;
        Double welchDf = null;
        Double welchP = null;
        Double mwU = null;
        Double mwP = null;
        Cuped cuped = null;
        Double metricProb = null;
        if (t.hasMetric() && c.hasMetric() && nT > 1 && nC > 1) {
            double[] mT = moments(t);
            double[] mC = moments(c);
            meanDiff = mT[0] - mC[0];
            if (mT[1] + mC[1] > 0) {
                var welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC)
                        .test(mT[0], mT[1], nT, mC[0], mC[1], nC);
                welchT = welch.getStatistic();
                welchDf = welch.getDegreesOfFreedom();
                welchP = welch.getPValue();
                double seW = Math.sqrt(mT[1] / nT + mC[1] / nC);
                double tq = TDistribution.of(welchDf).inverseSurvivalProbability((1 - o.confidence()) / 2);
                meanCi = new Interval(meanDiff - tq * seW, meanDiff + tq * seW);
                metricProb = Z.cumulativeProbability(meanDiff / seW);
            }
            if (t.metric() != null && c.metric() != null) {
                var mw = MannWhitneyUTest.withDefaults().test(t.metric(), c.metric());
                mwU = mw.getStatistic();
                mwP = mw.getPValue();
                if (t.covariate() != null && c.covariate() != null) {
                    cuped = cuped(t, c, o);
                }
            }
        }
        return new Comparison(t.name(), c.name(), diff, absCi, rel, relCi, zStat, zP, chi2, chi2P, chi2Y, chi2YP,
                fisherP, holm, bh, prob.p(), prob.method(), loss, meanDiff, meanCi, welchT, welchDf, welchP, mwU,
                mwP, cuped, metricProb, SequentialTest.compare(t, c, o.confidence()));
    }

    private static double[][] expected(long[][] table) {
        double r0 = table[0][0] + table[0][1];
        double r1 = table[1][0] + table[1][1];
        double c0 = table[0][0] + table[1][0];
        double c1 = table[0][1] + table[1][1];
        double n = r0 + r1;
        return new double[][] {{r0 * c0 / n, r0 * c1 / n}, {r1 * c0 / n, r1 * c1 / n}};
    }

    /** Yates-corrected statistic as SciPy's chi2_contingency: each |O − E| shrinks by at most 0.5. */
    private static double yates(long[][] table, double[][] expected) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double d = Math.max(0, Math.abs(table[i][j] - expected[i][j]) - 0.5);
                s += d * d / expected[i][j];
            }
        }
        return s;
    }

    private static Cuped cuped(Arm t, Arm c, AbTestOptions o) {
        double[] yAll = concat(t.metric(), c.metric());
        double[] xAll = concat(t.covariate(), c.covariate());
        double my = mean(yAll);
        double mx = mean(xAll);
        double cov = 0;
        double varX = 0;
        double varY = 0;
        for (int i = 0; i < yAll.length; i++) {
            cov += (yAll[i] - my) * (xAll[i] - mx);
            varX += (xAll[i] - mx) * (xAll[i] - mx);
            varY += (yAll[i] - my) * (yAll[i] - my);
        }
        double theta = varX > 0 ? cov / varX : 0;
        double[] adjT = adjust(t.metric(), t.covariate(), theta, mx);
        double[] adjC = adjust(c.metric(), c.covariate(), theta, mx);
        double[] adjAll = concat(adjT, adjC);
        double ma = mean(adjAll);
        double varA = 0;
        for (double v : adjAll) {
            varA += (v - ma) * (v - ma);
        }
        double reduction = varY > 0 ? 1 - varA / varY : 0;
        var welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(adjT, adjC);
        double diff = mean(adjT) - mean(adjC);
        double se = Math.sqrt(variance(adjT) / adjT.length + variance(adjC) / adjC.length);
        double tq = TDistribution.of(welch.getDegreesOfFreedom())
                .inverseSurvivalProbability((1 - o.confidence()) / 2);
        return new Cuped(theta, diff, new Interval(diff - tq * se, diff + tq * se), welch.getPValue(), reduction);
    }

    private static void breakdown(Arm control, List<Arm> others, AbTestOptions o, double z,
                                  List<SegmentLift> out, List<Heterogeneity> het) {
        if (control.segment() == null || control.converted() == null) {
            return;
        }
        Set<String> labels = new LinkedHashSet<>(Arrays.asList(control.segment()));
        List<SegmentLift> raw = new ArrayList<>();
        for (Arm t : others) {
            if (t.segment() == null || t.converted() == null) {
                continue;
            }
            Set<String> all = new LinkedHashSet<>(labels);
            all.addAll(Arrays.asList(t.segment()));
            Map<String, long[]> ct = counts(t);
            Map<String, long[]> cc = counts(control);
            double sumW = 0;
            double sumWD = 0;
            double sumWD2 = 0;
            int k = 0;
            for (String s : all.stream().sorted().toList()) {
                long[] a = ct.getOrDefault(s, new long[2]);
                long[] b = cc.getOrDefault(s, new long[2]);
                if (a[0] == 0 || b[0] == 0) {
                    continue;
                }
                double pT = (double) a[1] / a[0];
                double pC = (double) b[1] / b[0];
                double diff = pT - pC;
                double var = pT * (1 - pT) / a[0] + pC * (1 - pC) / b[0];
                double se = Math.sqrt(var);
                double pooled = (double) (a[1] + b[1]) / (a[0] + b[0]);
                double sp = Math.sqrt(pooled * (1 - pooled) * (1.0 / a[0] + 1.0 / b[0]));
                double p = sp > 0 ? 2 * Z.survivalProbability(Math.abs(diff / sp)) : 1;
                boolean tooSmall = Math.min(a[0], b[0]) < o.minSegmentUsers()
                        || Math.min(a[1], b[1]) < o.minSegmentConversions();
                raw.add(new SegmentLift(s, t.name(), control.name(), a[0], b[0], pT, pC, diff,
                        new Interval(diff - z * se, diff + z * se), pC > 0 ? pT / pC - 1 : null, p, Double.NaN,
                        tooSmall));
                if (!tooSmall && var > 0) {
                    double w = 1 / var;
                    sumW += w;
                    sumWD += w * diff;
                    sumWD2 += w * diff * diff;
                    k++;
                }
            }
            if (k >= 2) {
                double q = sumWD2 - sumWD * sumWD / sumW;
                double p = ChiSquaredDistribution.of(k - 1).survivalProbability(q);
                het.add(new Heterogeneity(t.name(), q, k - 1, p, q > 0 ? Math.max(0, (q - (k - 1)) / q) : 0));
            }
        }
        double[] bh = Multiplicity.benjaminiHochberg(raw.stream().mapToDouble(SegmentLift::zP).toArray());
        for (int i = 0; i < raw.size(); i++) {
            SegmentLift s = raw.get(i);
            out.add(new SegmentLift(s.segment(), s.variant(), s.control(), s.variantUsers(), s.controlUsers(),
                    s.variantRate(), s.controlRate(), s.absLift(), s.absLiftCi(), s.relLift(), s.zP(), bh[i],
                    s.tooSmall()));
        }
    }

    private static Map<String, long[]> counts(Arm a) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < a.segment().length; i++) {
            long[] c = m.computeIfAbsent(a.segment()[i], k -> new long[2]);
            c[0]++;
            if (a.converted()[i]) {
                c[1]++;
            }
        }
        return m;
    }

    private static double[] adjust(double[] y, double[] x, double theta, double mx) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] - theta * (x[i] - mx);
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).sum() / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
