package org.personaworkbench.engine.experiments;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Density curves of the posteriors for the posterior chart: the Beta posterior of a conversion rate and the
 * normal posterior of a metric mean, sampled on a grid that covers the central 99.9% of the mass.
 */
public final class Posterior {

    /** A density sampled at {@code x}. */
    public record Curve(double[] x, double[] density) {
    }

    private Posterior() {
    }

    /**
     * Beta(α, β) density at {@code points} evenly spaced rates between its 0.05% and 99.95% quantiles
     * (a density that is infinite at 0 or 1, as for α &lt; 1, stays finite there because the grid stops at the
     * quantiles).
     */
    public static Curve beta(double alpha, double beta, int points) {
        BetaDistribution d = BetaDistribution.of(alpha, beta);
        return sample(d::density, d.inverseCumulativeProbability(TAIL), d.inverseSurvivalProbability(TAIL), points);
    }

    /** Normal(mean, sd) density at {@code points} evenly spaced values over mean ± 3.3 sd. */
    public static Curve normal(double mean, double sd, int points) {
        NormalDistribution d = NormalDistribution.of(mean, sd);
        return sample(d::density, mean - SPAN * sd, mean + SPAN * sd, points);
    }

    /** Mass left out on each side of a Beta curve. */
    private static final double TAIL = 0.0005;
    /** Half-width of a normal curve in standard deviations (mean ± 3.3 sd holds 99.9% of the mass). */
    private static final double SPAN = 3.3;

    private static Curve sample(java.util.function.DoubleUnaryOperator density, double lo, double hi, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("A curve needs at least 2 points, not " + points + ".");
        }
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i == points - 1 ? hi : lo + (hi - lo) * i / (points - 1);
            y[i] = density.applyAsDouble(x[i]);
        }
        return new Curve(x, y);
    }
}
