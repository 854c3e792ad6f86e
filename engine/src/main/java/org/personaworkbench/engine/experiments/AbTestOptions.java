package org.personaworkbench.engine.experiments;

/**
 * How to read an A/B test: the control variant, the planned split (null = equal), the confidence level
 * (two-sided), the Beta prior of the Bayesian model, and the smallest segment arm worth reading.
 */
public record AbTestOptions(String control, double[] expectedSplit, double confidence, double priorAlpha,
                            double priorBeta, long minSegmentUsers, long minSegmentConversions) {

    /** SRM is flagged below this p-value. */
    public static final double SRM_THRESHOLD = 0.001;

    /** Control as given, equal split, 95%, Beta(1,1), segments need 100 users and 5 conversions per arm. */
    public static AbTestOptions defaults(String control) {
        return new AbTestOptions(control, null, 0.95, 1, 1, 100, 5);
    }

    public AbTestOptions withExpectedSplit(double[] split) {
        return new AbTestOptions(control, split, confidence, priorAlpha, priorBeta, minSegmentUsers,
                minSegmentConversions);
    }

    public AbTestOptions withPrior(double alpha, double beta) {
        return new AbTestOptions(control, expectedSplit, confidence, alpha, beta, minSegmentUsers,
                minSegmentConversions);
    }
}
