package org.personaworkbench.engine.experiments;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Power and sample size for a two-arm conversion test with equal arms, two-sided α, by the unpooled normal
 * approximation n = (z_{1−α/2} + z_{power})² · (p₁(1−p₁) + p₂(1−p₂)) / δ² users per arm, and for a metric's
 * mean n = 2 (z_{1−α/2} + z_{power})² sd² / δ² (what statsmodels' NormalIndPower solves, ignoring the far tail).
 */
public final class Power {

    private static final NormalDistribution Z = NormalDistribution.of(0, 1);

    private Power() {
    }

    /** Users per arm needed to detect an absolute lift {@code mde} over {@code baseline}. */
    public static long usersPerArm(double baseline, double mde, double alpha, double power) {
        double p2 = baseline + mde;
        if (mde == 0 || p2 <= 0 || p2 >= 1) {
            throw new IllegalArgumentException("The rate with the lift must lie strictly between 0 and 1.");
        }
        double z = Z.inverseSurvivalProbability(alpha / 2) + Z.inverseCumulativeProbability(power);
        return (long) Math.ceil(z * z * (baseline * (1 - baseline) + p2 * (1 - p2)) / (mde * mde));
    }

    /** The smallest positive absolute lift detectable with {@code usersPerArm} users in each arm (bisection). */
    public static double minimumDetectableEffect(double baseline, long usersPerArm, double alpha, double power) {
        double z = Z.inverseSurvivalProbability(alpha / 2) + Z.inverseCumulativeProbability(power);
        double lo = 0;
        double hi = 1 - baseline;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double p2 = baseline + mid;
            double needed = z * z * (baseline * (1 - baseline) + p2 * (1 - p2)) / (mid * mid);
            if (needed > usersPerArm) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /**
     * Users per arm to detect a difference {@code mde} in a metric's mean with standard deviation {@code sd}
     * (the same in both arms): n = 2 (z_{1−α/2} + z_{power})² sd² / δ², rounded up.
     */
    public static long usersPerArmForMean(double sd, double mde, double alpha, double power) {
        if (!(sd > 0) || mde == 0 || !Double.isFinite(sd) || !Double.isFinite(mde)) {
            throw new IllegalArgumentException("The standard deviation must be positive and the difference non-zero.");
        }
        double z = z(alpha, power);
        return (long) Math.ceil(2 * z * z * sd * sd / (mde * mde));
    }

    /**
     * The smallest difference in a metric's mean detectable with {@code usersPerArm} users in each arm, the
     * inverse of {@link #usersPerArmForMean}: δ = (z_{1−α/2} + z_{power}) sd √(2 / n).
     */
    public static double minimumDetectableMeanDifference(double sd, long usersPerArm, double alpha, double power) {
        if (!(sd >= 0) || usersPerArm <= 0) {
            throw new IllegalArgumentException("Need a standard deviation of 0 or more and at least one user per arm.");
        }
        return z(alpha, power) * sd * Math.sqrt(2.0 / usersPerArm);
    }

    private static double z(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) {
            throw new IllegalArgumentException("α and power must lie strictly between 0 and 1.");
        }
        return Z.inverseSurvivalProbability(alpha / 2) + Z.inverseCumulativeProbability(power);
    }
}
