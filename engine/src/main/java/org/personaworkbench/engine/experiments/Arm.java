package org.personaworkbench.engine.experiments;

/**
 * One variant's data: users and conversions, and the numeric metric either per user ({@code metric}, with an
 * optional pre-period {@code covariate} for CUPED and a {@code segment} label per user) or aggregated
 * ({@code metricSum}, {@code metricSumSquares}). Absent parts are null (arrays) or NaN (sums). {@code arrival}
 * (per user, ascending; null when unknown) is each user's position among all rows of the test, so the sequential
 * test can replay the users of all arms in the order they arrived.
 */
public record Arm(String name, long users, long conversions, double metricSum, double metricSumSquares,
                  double[] metric, double[] covariate, boolean[] converted, String[] segment, long[] arrival) {

    public Arm {
        if (users < 0 || conversions < 0 || conversions > users) {
            throw new IllegalArgumentException("Variant " + name + ": " + conversions + " conversions out of "
                    + users + " users is impossible.");
        }
    }

    /** Per-user or aggregated data without the users' arrival order. */
    public Arm(String name, long users, long conversions, double metricSum, double metricSumSquares,
               double[] metric, double[] covariate, boolean[] converted, String[] segment) {
        this(name, users, conversions, metricSum, metricSumSquares, metric, covariate, converted, segment, null);
    }

    /** Aggregated counts without a metric. */
    public static Arm counts(String name, long users, long conversions) {
        return new Arm(name, users, conversions, Double.NaN, Double.NaN, null, null, null, null);
    }

    /** Aggregated counts with the metric's sum and sum of squares over all users. */
    public static Arm aggregated(String name, long users, long conversions, double sum, double sumSquares) {
        return new Arm(name, users, conversions, sum, sumSquares, null, null, null, null);
    }

    /** Whether a numeric metric is present (per user or aggregated). */
    public boolean hasMetric() {
        return metric != null || !Double.isNaN(metricSum);
    }
}
