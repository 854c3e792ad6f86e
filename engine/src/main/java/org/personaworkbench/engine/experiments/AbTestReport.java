package org.personaworkbench.engine.experiments;

import java.util.List;

/**
 * The full readout of an A/B test: per-variant figures, each variant against control, the sample-ratio check,
 * the per-segment breakdown and its heterogeneity tests. Figures that do not apply are null.
 */
public record AbTestReport(String control, List<VariantSummary> variants, List<Comparison> comparisons,
                           SampleRatio srm, List<SegmentLift> breakdown, List<Heterogeneity> heterogeneity) {

    /**
     * One variant: conversion rate with its Wilson interval and Beta posterior credible interval, and the
     * metric's mean with its t interval (null without a metric).
     */
    public record VariantSummary(String name, long users, long conversions, double rate, Interval rateCi,
                                 Interval credibleInterval, Double mean, Interval meanCi, Double sd,
                                 Double cupedMean) {
    }

    /**
     * A variant against control. Lifts are variant minus control; relative lift is variant/control − 1 with a
     * delta-method interval. {@code fisherP} is only computed when an expected count is below 5.
     * {@code holmP} and {@code bhP} adjust {@code zP} over all comparisons. {@code metricProbBeatControl} is
     * P(variant mean &gt; control mean) under the normal model with flat priors: Φ(mean difference / its Welch
     * standard error). {@code sequential} holds the always-valid (mSPRT) p-value and interval of the conversion
     * lift ({@link SequentialTest}); null when it does not apply.
     */
    public record Comparison(String variant, String control, double absLift, Interval absLiftCi, Double relLift,
                             Interval relLiftCi, double z, double zP, Double chi2, Double chi2P, Double chi2Yates,
                             Double chi2YatesP, Double fisherP, double holmP, double bhP, double probBeatControl,
                             String probMethod, double expectedLoss, Double meanDiff, Interval meanDiffCi,
                             Double welchT, Double welchDf, Double welchP, Double mannWhitneyU,
                             Double mannWhitneyP, Cuped cuped, Double metricProbBeatControl,
                             SequentialTest.Result sequential) {
    }

    /**
     * CUPED: θ = cov(Y, X) / var(X) over all users of both arms; the adjusted mean difference, its interval and
     * Welch p-value, and the share of metric variance removed.
     */
    public record Cuped(double theta, double meanDiff, Interval meanDiffCi, double p, double varianceReduction) {
    }

    /** Chi-square goodness of fit of the users per variant against the planned split. */
    public record SampleRatio(double chi2, double p, boolean mismatch, double[] expectedSplit) {
    }

    /**
     * A variant against control within one segment; {@code tooSmall} when an arm has too few users or
     * conversions to say anything (its p-values are still shown but not trusted).
     */
    public record SegmentLift(String segment, String variant, String control, long variantUsers,
                              long controlUsers, double variantRate, double controlRate, double absLift,
                              Interval absLiftCi, Double relLift, double zP, double bhP, boolean tooSmall) {
    }

    /** Cochran's Q over the segments' absolute lifts (inverse-variance weights) for one variant. */
    public record Heterogeneity(String variant, double q, int df, double p, double iSquared) {
    }
}
