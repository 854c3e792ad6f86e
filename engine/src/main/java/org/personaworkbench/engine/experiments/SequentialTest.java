package org.personaworkbench.engine.experiments;

/**
 * Always-valid inference for a variant's conversion lift over control: the mixture SPRT (mSPRT) of Johari, Koomen,
 * Pekelis and Walsh ("Always valid inference", 2017/2022) for a difference of two proportions under the normal
 * approximation. Its p-value and interval stay valid however often the test was looked at, unlike the fixed-n
 * z-test and interval, which are only valid at one planned sample size.
 *
 * <p>With the observed difference {@code d = p̂T − p̂C}, its unpooled variance {@code V = p̂T(1−p̂T)/nT +
 * p̂C(1−p̂C)/nC} and a normal mixture N(0, τ²) over the true difference, the mixture likelihood ratio against
 * θ0 is {@code Λ(θ0) = sqrt(V/(V+τ²)) · exp(τ²(d−θ0)² / (2V(V+τ²)))} (the paper's two-stream formula with
 * {@code 2σ²/n} replaced by V). The always-valid p-value is the running minimum of {@code min(1, 1/Λ(0))}; the
 * 1−α confidence sequence at a look is {@code d ± sqrt(V(V+τ²)/τ² · (2 ln(1/α) + ln((V+τ²)/V)))} and the reported
 * interval is the running intersection over the looks (so that 0 lies outside it exactly when p ≤ α).
 *
 * <p>Looks: with per-user rows and their arrival order ({@link Arm#arrival()}) the users of both arms are
 * replayed in file order and the test looks after every user once each arm has {@value #MIN_USERS_PER_ARM}
 * users (the normal approximation is poor before); otherwise (aggregated rows) there is one look, at the final
 * sample. Mixing variance: the paper advises matching τ² to the spread of effects one expects; without a
 * history of past tests we take τ = {@value #RELATIVE_EFFECT} × the control's final rate (a 10% relative lift,
 * a typical effect size of web tests), floored at 0.001 (0.1 points).
 */
public final class SequentialTest {

    /** The expected relative lift that sets the mixing standard deviation τ (as a share of the control's rate). */
    public static final double RELATIVE_EFFECT = 0.10;
    /** Looks start once each arm has this many users. */
    public static final long MIN_USERS_PER_ARM = 100;
    private static final double MIN_TAU = 0.001;

    private SequentialTest() {
    }

    /**
     * The always-valid figures of one comparison.
     *
     * @param alwaysValidP  running minimum of 1/Λ(0), capped at 1
     * @param alwaysValidCi the running intersection of the confidence sequence at the readout's confidence
     * @param tauSquared    the mixing variance τ² used
     * @param arrivalOrder  true when the users were replayed in arrival order, false for one look at the end
     * @param looks         how many times the statistic was evaluated
     */
    public record Result(double alwaysValidP, Interval alwaysValidCi, double tauSquared, boolean arrivalOrder,
                         long looks) {
    }

    /** τ² = (relativeEffect × control rate)², with τ floored at 0.001. */
    public static double mixingVariance(double controlRate, double relativeEffect) {
        double tau = relativeEffect * controlRate;
        if (!(tau >= MIN_TAU)) {
            tau = MIN_TAU;
        }
        return tau * tau;
    }

    /**
     * The variant against control at {@code confidence} (two-sided): replayed in arrival order when both arms
     * have per-user conversions and arrival positions, else one look at the final counts. Null without users.
     */
    public static Result compare(Arm variant, Arm control, double confidence) {
        if (variant.users() == 0 || control.users() == 0) {
            return null;
        }
        double alpha = 1 - confidence;
        double tau2 = mixingVariance((double) control.conversions() / control.users(), RELATIVE_EFFECT);
        if (variant.converted() != null && control.converted() != null && variant.arrival() != null
                && control.arrival() != null) {
            Result replayed = replay(variant.converted(), variant.arrival(), control.converted(), control.arrival(),
                    tau2, alpha, MIN_USERS_PER_ARM, 1);
            if (replayed != null) {
                return replayed;
            }
        }
        return atEnd(variant.conversions(), variant.users(), control.conversions(), control.users(), tau2, alpha);
    }

    /** One look at the final counts; null when the variance of the difference is 0. */
    public static Result atEnd(long xT, long nT, long xC, long nC, double tau2, double alpha) {
        double pT = (double) xT / nT;
        double pC = (double) xC / nC;
        double v = pT * (1 - pT) / nT + pC * (1 - pC) / nC;
        if (!(v > 0)) {
            return null;
        }
        double d = pT - pC;
        double h = halfWidth(v, tau2, alpha);
        return new Result(pValue(d, v, tau2), new Interval(d - h, d + h), tau2, false, 1);
    }

    /**
     * Replays both arms' users in arrival order, looking after every {@code lookEvery}-th user of the merged
     * stream once each arm has {@code minUsersPerArm} users; null when no look had a positive variance.
     */
    public static Result replay(boolean[] variant, long[] variantArrival, boolean[] control, long[] controlArrival,
                                double tau2, double alpha, long minUsersPerArm, int lookEvery) {
        int i = 0;
        int j = 0;
        long nT = 0;
        long xT = 0;
        long nC = 0;
        long xC = 0;
        double p = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        long looks = 0;
        long seen = 0;
        while (i < variant.length || j < control.length) {
            boolean takeVariant = j >= control.length
                    || (i < variant.length && variantArrival[i] < controlArrival[j]);
            if (takeVariant) {
                nT++;
                if (variant[i++]) {
                    xT++;
                }
            } else {
                nC++;
                if (control[j++]) {
                    xC++;
                }
            }
            seen++;
            boolean last = i == variant.length && j == control.length;
            if ((seen % lookEvery != 0 && !last) || nT < minUsersPerArm || nC < minUsersPerArm) {
                continue;
            }
            double pT = (double) xT / nT;
            double pC = (double) xC / nC;
            double v = pT * (1 - pT) / nT + pC * (1 - pC) / nC;
            if (!(v > 0)) {
                continue;
            }
            double d = pT - pC;
            looks++;
            p = Math.min(p, pValue(d, v, tau2));
            double h = halfWidth(v, tau2, alpha);
            double newLo = Math.max(lo, d - h);
            double newHi = Math.min(hi, d + h);
            if (newLo <= newHi) {
                lo = newLo;
                hi = newHi;
            } else {
                // an empty intersection means the normal approximation failed at some look: keep this look's
                lo = d - h;
                hi = d + h;
            }
        }
        return looks == 0 ? null : new Result(p, new Interval(lo, hi), tau2, true, looks);
    }

    /** min(1, 1/Λ(0)) for the difference {@code d} with variance {@code v}. */
    static double pValue(double d, double v, double tau2) {
        double logLambda = 0.5 * Math.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2));
        return Math.min(1, Math.exp(-logLambda));
    }

    /** Half-width of {θ0 : Λ(θ0) &lt; 1/α}. */
    static double halfWidth(double v, double tau2, double alpha) {
        return Math.sqrt(v * (v + tau2) / tau2 * (2 * Math.log(1 / alpha) + Math.log((v + tau2) / v)));
    }
}
