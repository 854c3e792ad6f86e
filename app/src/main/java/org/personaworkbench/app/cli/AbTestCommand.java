package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.experiments.AbTest;
import org.personaworkbench.engine.experiments.AbTestOptions;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.AbTestReport.Comparison;
import org.personaworkbench.engine.experiments.AbTestReport.Heterogeneity;
import org.personaworkbench.engine.experiments.AbTestReport.SegmentLift;
import org.personaworkbench.engine.experiments.AbTestReport.VariantSummary;
import org.personaworkbench.engine.experiments.Arm;
import org.personaworkbench.engine.experiments.ExperimentFiles;
import org.personaworkbench.engine.experiments.Interval;
import org.personaworkbench.engine.experiments.Power;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb abtest --csv FILE ...}: the readout of an A/B test from per-user rows. */
@Command(name = "abtest", mixinStandardHelpOptions = true,
        description = "Read out an A/B test from a CSV with one row per user: conversion rates, lifts, tests, "
                + "Bayesian probability to beat control, sample-ratio check, metric tests and a segment breakdown.")
final class AbTestCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "CSV with one row per user.")
    Path csv;

    @Option(names = "--variant-col", required = true, paramLabel = "C", description = "Column naming the variant.")
    String variantCol;

    @Option(names = "--control", required = true, paramLabel = "NAME", description = "The control variant.")
    String control;

    @Option(names = "--conversion-col", paramLabel = "C", description = "Converted: 0/1, true/false or yes/no.")
    String conversionCol;

    @Option(names = "--metric-col", paramLabel = "C", description = "A numeric metric per user (e.g. revenue).")
    String metricCol;

    @Option(names = "--covariate-col", paramLabel = "C",
            description = "Pre-period value of the metric, for CUPED (needs --metric-col).")
    String covariateCol;

    @Option(names = "--segment-col", paramLabel = "C", description = "Break the conversion lift down by this column.")
    String segmentCol;

    @Option(names = "--expected-split", paramLabel = "W,W,...", split = ",",
            description = "Planned split in the variants' order of first appearance (default equal), e.g. 50,50.")
    double[] expectedSplit;

    @Option(names = "--users-col", paramLabel = "C",
            description = "Aggregated rows: the users column (--conversion-col then holds conversion counts).")
    String usersCol;

    @Option(names = "--metric-sum-col", paramLabel = "C", description = "Aggregated rows: the metric's sum.")
    String metricSumCol;

    @Option(names = "--metric-sumsq-col", paramLabel = "C",
            description = "Aggregated rows: the metric's sum of squares.")
    String metricSumSqCol;

    @Option(names = "--prior", paramLabel = "A,B", split = ",", description = "Beta prior of the rates (default 1,1).")
    double[] prior;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (usersCol != null && conversionCol == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Aggregated rows (--users-col) need --conversion-col with the conversion counts.");
        }
        if (usersCol == null && conversionCol == null && metricCol == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Give --conversion-col, --metric-col or both.");
        }
        AbTestReport report;
        List<Arm> arms;
        try {
            arms = usersCol != null
                    ? ExperimentFiles.readAggregated(csv, new ExperimentFiles.AggregateColumns(variantCol, usersCol,
                            conversionCol, metricSumCol, metricSumSqCol), CancellationToken.create())
                    : ExperimentFiles.read(csv, new ExperimentFiles.Columns(variantCol, conversionCol, metricCol,
                            covariateCol, segmentCol), CancellationToken.create());
            AbTestOptions options = AbTestOptions.defaults(control).withExpectedSplit(expectedSplit);
            if (prior != null) {
                if (prior.length != 2 || prior[0] <= 0 || prior[1] <= 0) {
                    throw new IllegalArgumentException("--prior takes two positive numbers, e.g. 1,1.");
                }
                options = options.withPrior(prior[0], prior[1]);
            }
            report = AbTest.analyse(arms, options);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean conversion = conversionCol != null;
        if (output.json) {
            out.println(Json.write(toJson(report, conversion)));
        } else {
            text(out, report, conversion);
        }
        return 0;
    }

    private static Double num(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    private static double[] ci(Interval i) {
        return i == null || !Double.isFinite(i.lo()) || !Double.isFinite(i.hi()) ? null : i.toArray();
    }

    private static Map<String, Object> toJson(AbTestReport r, boolean conversion) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("control", r.control());
        List<Map<String, Object>> variants = new ArrayList<>();
        for (VariantSummary v : r.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("users", v.users());
            m.put("conversions", conversion ? v.conversions() : null);
            m.put("rate", conversion ? num(v.rate()) : null);
            m.put("rate_ci", conversion ? ci(v.rateCi()) : null);
            m.put("credible_interval", conversion ? ci(v.credibleInterval()) : null);
            m.put("mean", num(v.mean()));
            m.put("mean_ci", ci(v.meanCi()));
            m.put("sd", num(v.sd()));
            variants.add(m);
        }
        doc.put("variants", variants);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (Comparison c : r.comparisons()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", c.variant());
            m.put("control", c.control());
            m.put("abs_lift", conversion ? num(c.absLift()) : null);
            m.put("abs_lift_ci", conversion ? ci(c.absLiftCi()) : null);
            m.put("rel_lift", conversion ? num(c.relLift()) : null);
            m.put("rel_lift_ci", conversion ? ci(c.relLiftCi()) : null);
            m.put("z", conversion ? num(c.z()) : null);
            m.put("z_p", conversion ? num(c.zP()) : null);
            m.put("holm_p", conversion ? num(c.holmP()) : null);
            m.put("bh_p", conversion ? num(c.bhP()) : null);
            m.put("chi2", conversion ? num(c.chi2()) : null);
            m.put("chi2_p", conversion ? num(c.chi2P()) : null);
            m.put("chi2_yates", conversion ? num(c.chi2Yates()) : null);
            m.put("chi2_yates_p", conversion ? num(c.chi2YatesP()) : null);
            m.put("fisher_p", conversion ? num(c.fisherP()) : null);
            m.put("mean_diff", num(c.meanDiff()));
            m.put("mean_diff_ci", ci(c.meanDiffCi()));
            m.put("welch_t", num(c.welchT()));
            m.put("welch_df", num(c.welchDf()));
            m.put("welch_p", num(c.welchP()));
            m.put("mann_whitney_u", num(c.mannWhitneyU()));
            m.put("mann_whitney_p", num(c.mannWhitneyP()));
            m.put("metric_prob_beat_control", num(c.metricProbBeatControl()));
            m.put("prob_beat_control", conversion ? num(c.probBeatControl()) : null);
            m.put("prob_method", conversion ? c.probMethod() : null);
            m.put("expected_loss", conversion ? num(c.expectedLoss()) : null);
            if (c.cuped() == null) {
                m.put("cuped", null);
            } else {
                Map<String, Object> cu = new LinkedHashMap<>();
                cu.put("theta", num(c.cuped().theta()));
                cu.put("mean_diff", num(c.cuped().meanDiff()));
                cu.put("mean_diff_ci", ci(c.cuped().meanDiffCi()));
                cu.put("p", num(c.cuped().p()));
                cu.put("variance_reduction", num(c.cuped().varianceReduction()));
                m.put("cuped", cu);
            }
            comparisons.add(m);
        }
        doc.put("comparisons", comparisons);
        Map<String, Object> srm = new LinkedHashMap<>();
        srm.put("chi2", num(r.srm().chi2()));
        srm.put("p", num(r.srm().p()));
        srm.put("mismatch", r.srm().mismatch());
        srm.put("threshold", AbTestOptions.SRM_THRESHOLD);
        srm.put("expected_split", r.srm().expectedSplit());
        doc.put("srm", srm);
        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (SegmentLift s : r.breakdown()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", s.segment());
            m.put("variant", s.variant());
            m.put("control", s.control());
            m.put("variant_users", s.variantUsers());
            m.put("control_users", s.controlUsers());
            m.put("variant_rate", num(s.variantRate()));
            m.put("control_rate", num(s.controlRate()));
            m.put("abs_lift", num(s.absLift()));
            m.put("abs_lift_ci", ci(s.absLiftCi()));
            m.put("rel_lift", num(s.relLift()));
            m.put("z_p", num(s.zP()));
            m.put("bh_p", num(s.bhP()));
            m.put("too_small", s.tooSmall());
            breakdown.add(m);
        }
        doc.put("breakdown", conversion ? breakdown : List.of());
        List<Map<String, Object>> het = new ArrayList<>();
        for (Heterogeneity h : r.heterogeneity()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", h.variant());
            m.put("q", num(h.q()));
            m.put("df", h.df());
            m.put("p", num(h.p()));
            m.put("i_squared", num(h.iSquared()));
            het.add(m);
        }
        doc.put("heterogeneity", conversion ? het : List.of());
        doc.put("power", conversion ? power(r) : null);
        return doc;
    }

    private static Map<String, Object> power(AbTestReport r) {
        VariantSummary c = r.variants().stream().filter(v -> v.name().equals(r.control())).findFirst().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline", num(c.rate()));
        m.put("alpha", 0.05);
        m.put("power", 0.8);
        m.put("users_per_arm", c.users());
        boolean usable = c.rate() > 0 && c.rate() < 1 && c.users() > 0;
        m.put("mde", usable ? num(Power.minimumDetectableEffect(c.rate(), c.users(), 0.05, 0.8)) : null);
        return m;
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", fraction * 100);
    }

    private static String points(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction * 100);
    }

    private static String p(double p) {
        if (p < 0.0001) {
            return "< 0.0001";
        }
        return "= " + String.format(Locale.ROOT, p < 0.01 ? "%.2g" : "%.2f", p);
    }

    private static void text(PrintWriter out, AbTestReport r, boolean conversion) {
        String srmWords = r.srm().mismatch()
                ? "SAMPLE-RATIO MISMATCH (p " + p(r.srm().p()) + "): the assignment looks broken; do not trust "
                        + "the figures below before finding out why"
                : "no sample-ratio mismatch (p " + p(r.srm().p()) + ")";
        if (r.srm().mismatch()) {
            out.println("WARNING: " + srmWords + ".");
        }
        for (Comparison c : r.comparisons()) {
            out.println(verdict(c, conversion, srmWords) + ".");
        }
        out.println();
        out.printf("%-12s %10s %11s %8s %19s %12s %23s%n", "VARIANT", "USERS", "CONVERSIONS", "RATE %",
                "95% CI (Wilson) %", "MEAN", "95% CI");
        for (VariantSummary v : r.variants()) {
            out.printf(Locale.ROOT, "%-12s %,10d %11s %8s %19s %12s %23s%n", v.name(), v.users(),
                    conversion ? String.format(Locale.ROOT, "%,d", v.conversions()) : "-",
                    conversion ? points(v.rate()) : "-",
                    conversion ? points(v.rateCi().lo()) + " to " + points(v.rateCi().hi()) : "-",
                    v.mean() == null ? "-" : String.format(Locale.ROOT, "%.4g", v.mean()),
                    v.meanCi() == null ? "-" : String.format(Locale.ROOT, "%.4g to %.4g", v.meanCi().lo(),
                            v.meanCi().hi()));
        }
        out.println();
        for (Comparison c : r.comparisons()) {
            out.println(c.variant() + " vs " + c.control() + ":");
            if (conversion) {
                out.printf(Locale.ROOT, "  lift %s points (95%% CI %s to %s); relative %s%n", points(c.absLift()),
                        points(c.absLiftCi().lo()), points(c.absLiftCi().hi()),
                        c.relLift() == null ? "n/a" : pct(c.relLift()) + "% (95% CI " + pct(c.relLiftCi().lo())
                                + "% to " + pct(c.relLiftCi().hi()) + "%)");
                out.printf(Locale.ROOT, "  z-test p %s (Holm %s, BH %s); chi-square p %s, with Yates p %s%s%n",
                        p(c.zP()), p(c.holmP()), p(c.bhP()), c.chi2P() == null ? "n/a" : p(c.chi2P()),
                        c.chi2YatesP() == null ? "n/a" : p(c.chi2YatesP()),
                        c.fisherP() == null ? "" : "; Fisher exact p " + p(c.fisherP()));
                out.printf(Locale.ROOT, "  P(%s beats %s) = %.4g (%s); expected loss %.3g points%n", c.variant(),
                        c.control(), c.probBeatControl(), c.probMethod(), c.expectedLoss() * 100);
            }
            if (c.meanDiff() != null) {
                out.printf(Locale.ROOT, "  mean difference %.4g%s; Welch p %s%s%n", c.meanDiff(),
                        c.meanDiffCi() == null ? "" : String.format(Locale.ROOT, " (95%% CI %.4g to %.4g)",
                                c.meanDiffCi().lo(), c.meanDiffCi().hi()),
                        c.welchP() == null ? "n/a" : p(c.welchP()),
                        (c.mannWhitneyP() == null ? "" : "; Mann-Whitney p " + p(c.mannWhitneyP()))
                                + (c.metricProbBeatControl() == null ? "" : String.format(Locale.ROOT,
                                "; P(higher mean) = %.3g", c.metricProbBeatControl())));
            }
            if (c.cuped() != null) {
                out.printf(Locale.ROOT, "  CUPED: theta %.4g, variance reduced by %.1f%%, adjusted difference %.4g "
                                + "(95%% CI %.4g to %.4g), p %s%n", c.cuped().theta(),
                        c.cuped().varianceReduction() * 100, c.cuped().meanDiff(), c.cuped().meanDiffCi().lo(),
                        c.cuped().meanDiffCi().hi(), p(c.cuped().p()));
            }
        }
        out.printf(Locale.ROOT, "%nSample ratio: chi-square %.4g, p %s against the planned split.%n",
                r.srm().chi2(), p(r.srm().p()));
        if (conversion && !r.breakdown().isEmpty()) {
            out.println();
            out.printf("%-16s %-10s %10s %10s %10s %23s %9s %9s%n", "SEGMENT", "VARIANT", "USERS", "CTRL USERS",
                    "LIFT pts", "95% CI pts", "p", "BH p");
            for (SegmentLift s : r.breakdown()) {
                out.printf(Locale.ROOT, "%-16s %-10s %,10d %,10d %10s %23s %9s %9s%s%n", s.segment(), s.variant(),
                        s.variantUsers(), s.controlUsers(), points(s.absLift()),
                        points(s.absLiftCi().lo()) + " to " + points(s.absLiftCi().hi()), p(s.zP()).replace("= ", ""),
                        p(s.bhP()).replace("= ", ""), s.tooSmall() ? "  too small to say" : "");
            }
            for (Heterogeneity h : r.heterogeneity()) {
                out.printf(Locale.ROOT, "Heterogeneity (%s): Cochran's Q %.3g on %d df, p %s, I² %.0f%%%n",
                        h.variant(), h.q(), h.df(), p(h.p()), h.iSquared() * 100);
            }
        }
    }

    private static String verdict(Comparison c, boolean conversion, String srmWords) {
        if (!conversion) {
            String dir = c.meanDiff() >= 0 ? "higher" : "lower";
            return String.format(Locale.ROOT, "Variant %s's mean is %.4g %s than %s's%s; Welch p %s; %s",
                    c.variant(), Math.abs(c.meanDiff()), dir, c.control(),
                    c.meanDiffCi() == null ? "" : String.format(Locale.ROOT, "; 95%% CI %.4g to %.4g",
                            c.meanDiffCi().lo(), c.meanDiffCi().hi()),
                    c.welchP() == null ? "n/a" : p(c.welchP()), srmWords);
        }
        String dir = c.absLift() >= 0 ? "better" : "worse";
        String rel = c.relLift() == null ? "" : " (" + pct(Math.abs(c.relLift())) + "%)";
        double prob = c.probBeatControl() * 100;
        String probText = prob > 99.9 ? "more than 99.9" : prob < 0.1 ? String.format(Locale.ROOT, "%.2g", prob)
                : String.format(Locale.ROOT, "%.1f", prob).replaceAll("\\.0$", "");
        return String.format(Locale.ROOT, "Variant %s converts %s points%s %s than %s; 95%% CI %s to %s points; "
                        + "p %s; %s%% probability %s is better; %s", c.variant(), points(Math.abs(c.absLift())), rel,
                dir, c.control(), points(c.absLiftCi().lo()), points(c.absLiftCi().hi()), p(c.zP()), probText,
                c.variant(), srmWords);
    }
}
