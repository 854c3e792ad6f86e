package org.personaworkbench.engine.experiments;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.personaworkbench.engine.common.CancellationToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Offline replay of a finished test: what a Thompson-sampling bandit would have earned against the fixed equal
 * split, on the test's own per-user rows. Shows how many conversions adaptive allocation would have saved (the
 * regret) and where it would have sent the users.
 *
 * <p>Replay method (a bootstrap replay, not the rejection replay of Li et al. 2011, which with two arms throws
 * away about half the rows): all users are replayed in a seeded random order; each strategy picks an arm for the
 * user; when it picks the arm the user was in, it observes that user's own outcome, otherwise an outcome drawn
 * with replacement (seeded) from the chosen arm's observed conversions. The fixed split sends user i to arm
 * i mod k. Thompson sampling keeps a Beta(1 + conversions, 1 + misses) posterior per arm and plays the arm with
 * the largest draw (Commons Statistics Beta samplers on a Commons RNG generator). Regret is the pseudo-regret
 * against always playing the best observed arm: the sum over users of (best observed rate − chosen arm's observed
 * rate), i.e. expected conversions lost. Figures are averaged over {@code runs} replays seeded seed, seed + 1, ….
 */
public final class BanditReplay {

    /** The seed when none is given. */
    public static final long DEFAULT_SEED = 1;
    /** Replays averaged. */
    public static final int DEFAULT_RUNS = 5;
    /** The strategies' names in the report (and the JSON). */
    public static final String FIXED_SPLIT = "fixed_split";
    public static final String THOMPSON = "thompson";

    private BanditReplay() {
    }

    /**
     * One strategy averaged over the replays.
     *
     * @param users       users replayed (every user of the test, in each replay)
     * @param conversions mean conversions observed
     * @param regret      mean expected conversions lost against always playing the best observed arm
     * @param share       mean share of users sent to each arm, in the order of {@link Report#arms()}
     */
    public record Strategy(String name, long users, double conversions, double regret, double[] share) {
    }

    /** The replay: the arms and their observed rates, the best one, and both strategies. */
    public record Report(List<String> arms, double[] observedRates, String bestArm, long seed, int runs,
                         List<Strategy> strategies) {

        /** The strategy with this name. */
        public Strategy strategy(String name) {
            return strategies.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** The replay, or null when an arm has no per-user conversions or no users. */
    public static Report replay(List<Arm> arms, long seed, int runs, CancellationToken cancel) {
        if (arms.size() < 2 || arms.stream().anyMatch(a -> a.converted() == null || a.converted().length == 0)) {
            return null;
        }
        int k = arms.size();
        int n = arms.stream().mapToInt(a -> a.converted().length).sum();
        double[] rate = new double[k];
        int[] armOf = new int[n];
        boolean[] outcome = new boolean[n];
        int at = 0;
        for (int a = 0; a < k; a++) {
            boolean[] c = arms.get(a).converted();
            long x = 0;
            for (boolean b : c) {
                armOf[at] = a;
                outcome[at++] = b;
                x += b ? 1 : 0;
            }
            rate[a] = (double) x / c.length;
        }
        int best = 0;
        for (int a = 1; a < k; a++) {
            if (rate[a] > rate[best]) {
                best = a;
            }
        }
        double[][] sums = new double[2][k + 2]; // per strategy: shares..., conversions, regret
        for (int r = 0; r < runs; r++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + r);
            int[] order = permutation(n, rng);
            play(false, order, armOf, outcome, arms, rate, best, rng, sums[0], cancel);
            play(true, order, armOf, outcome, arms, rate, best, rng, sums[1], cancel);
        }
        List<Strategy> strategies = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            double[] share = new double[k];
            for (int a = 0; a < k; a++) {
                share[a] = sums[s][a] / runs / n;
            }
            strategies.add(new Strategy(s == 0 ? FIXED_SPLIT : THOMPSON, n, sums[s][k] / runs, sums[s][k + 1] / runs,
                    share));
        }
        return new Report(arms.stream().map(Arm::name).toList(), rate, arms.get(best).name(), seed, runs,
                List.copyOf(strategies));
    }

    private static void play(boolean thompson, int[] order, int[] armOf, boolean[] outcome, List<Arm> arms,
                             double[] rate, int best, UniformRandomProvider rng, double[] sums,
                             CancellationToken cancel) {
        int k = arms.size();
        long[] wins = new long[k];
        long[] plays = new long[k];
        for (int t = 0; t < order.length; t++) {
            if ((t & 0xFFF) == 0) {
                cancel.throwIfCancelled();
            }
            int user = order[t];
            int arm;
            if (thompson) {
                arm = 0;
                double top = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    double draw = BetaDistribution.of(1 + wins[a], 1 + plays[a] - wins[a]).createSampler(rng)
                            .sample();
                    if (draw > top) {
                        top = draw;
                        arm = a;
                    }
                }
            } else {
                arm = t % k;
            }
            boolean converted;
            if (armOf[user] == arm) {
                converted = outcome[user];
            } else {
                boolean[] observed = arms.get(arm).converted();
                converted = observed[rng.nextInt(observed.length)];
            }
            plays[arm]++;
            if (converted) {
                wins[arm]++;
            }
            sums[k + 1] += rate[best] - rate[arm];
        }
        for (int a = 0; a < k; a++) {
            sums[a] += plays[a];
            sums[k] += wins[a];
        }
    }

    /** A seeded shuffle of 0..n−1. */
    private static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, p);
        return p;
    }
}
