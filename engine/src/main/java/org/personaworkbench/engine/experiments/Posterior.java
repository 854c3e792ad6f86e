package org.personaworkbench.engine.experiments;

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

    /** Beta(α, β) density at {@code points} evenly spaced rates between its 0.05% and 99.95% quantiles. */
    public static Curve beta(double alpha, double beta, int points) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** Normal(mean, sd) density at {@code points} evenly spaced values over mean ± 3.3 sd. */
    public static Curve normal(double mean, double sd, int points) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }
}
