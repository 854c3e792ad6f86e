package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offline evaluation: split the interactions as the protocol says, train on the training part, rank the
 * candidates for every test user and score the top k against the held-out relevant items.
 *
 * <p>Definitions (per user, then averaged over evaluated users): precision = hits / k; recall = hits / relevant;
 * NDCG with binary gains, discount 1/log2(rank + 1) and the ideal over min(k, relevant); AP = Σ over hit ranks of
 * precision-at-that-rank / min(k, relevant); hit rate = share of users with a hit. Coverage = distinct items
 * recommended to the group / items. Novelty = −log2(share of training users who have the item; items no one has
 * count as one user), averaged over a list then over users. Diversity = mean over a list's pairs of
 * 1 − cosine of the two items' binary training columns (lists of one item are left out of it).
 */
public final class Evaluation {

    /** Cold-start buckets by training interactions. */
    public static final String[] BUCKETS = {"1-2", "3-9", "10+"};

    private Evaluation() {
    }

    /**
     * @param all     every interaction (explicit ratings keep their values for the relevance threshold)
     * @param options the model (its catalogue and personas also give per-persona figures)
     */
    public static EvaluationReport run(Interactions all, EvaluationProtocol protocol, RecommenderOptions options,
                                       Progress progress, CancellationToken cancel) {
        Splits.Split split = Splits.split(all, protocol);
        cancel.throwIfCancelled();
        long start = System.nanoTime();
        Recommender model = Recommenders.fit(split.train(), options, (d, t, m) -> progress.report(d, t * 2L, m),
                cancel);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        return score(all, split, protocol, model, options.algorithm(), trainSeconds, options.personaOfUser(),
                progress, cancel);
    }

    /**
     * Scores a trained model on a split (what {@link #run} does after training), so tests can score a known
     * ranking and the CLI a model trained elsewhere.
     */
    public static EvaluationReport score(Interactions all, Splits.Split split, EvaluationProtocol protocol,
                                         Recommender model, Algorithm algorithm, double trainSeconds,
                                         Map<String, String> personaOfUser, Progress progress,
                                         CancellationToken cancel) {
        Interactions train = split.train();
        Interactions test = split.test();
        int k = protocol.k();
        ItemStats stats = new ItemStats(train);
        Group overall = new Group(all.items());
        Map<String, Group> perPersona = new TreeMap<>();
        Map<String, Group> perBucket = new LinkedHashMap<>();
        for (String b : BUCKETS) {
            perBucket.put(b, new Group(all.items()));
        }
        double[] latencies = new double[all.users()];
        int timed = 0;
        RecommendRequest request = RecommendRequest.defaults();
        for (int u = 0; u < all.users(); u++) {
            if ((u & 0x3F) == 0) {
                cancel.throwIfCancelled();
                progress.report(all.users() + u, all.users() * 2L, "Evaluating user " + u + " of " + all.users());
            }
            int trainSize = train.rowSize(u);
            if (trainSize < protocol.minTrainInteractions()) {
                continue;
            }
            int[] held = test.itemsOf(u);
            double[] heldValues = test.valuesOf(u);
            BitSet relevant = new BitSet();
            for (int j = 0; j < held.length; j++) {
                if (heldValues[j] >= protocol.relevanceThreshold()) {
                    relevant.set(held[j]);
                }
            }
            if (relevant.isEmpty()) {
                continue;
            }
            long t0 = System.nanoTime();
            java.util.List<Recommendation> list = model.recommend(u, k, request);
            latencies[timed++] = (System.nanoTime() - t0) / 1e6;
            int[] ranked = list.stream().mapToInt(Recommendation::item).limit(k).toArray();
            UserFigures figures = UserFigures.of(ranked, relevant, k, stats);
            overall.add(figures, ranked);
            String persona = personaOfUser.get(all.userId(u));
            if (persona != null) {
                perPersona.computeIfAbsent(persona, p -> new Group(all.items())).add(figures, ranked);
            }
            String bucket = bucket(trainSize);
            if (bucket != null) {
                perBucket.get(bucket).add(figures, ranked);
            }
        }
        double[] sorted = Arrays.copyOf(latencies, timed);
        Arrays.sort(sorted);
        Map<String, Metrics> personas = new LinkedHashMap<>();
        perPersona.forEach((name, g) -> personas.put(name, g.metrics()));
        Map<String, Metrics> buckets = new LinkedHashMap<>();
        perBucket.forEach((name, g) -> buckets.put(name, g.metrics()));
        return new EvaluationReport(algorithm, protocol, overall.metrics(), personas, buckets, trainSeconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /** "1-2", "3-9", "10+" by training interactions; null for none. */
    public static String bucket(int trainInteractions) {
        if (trainInteractions <= 0) {
            return null;
        }
        return trainInteractions <= 2 ? BUCKETS[0] : trainInteractions <= 9 ? BUCKETS[1] : BUCKETS[2];
    }

    /** Nearest-rank percentile of sorted values; NaN when empty. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** One user's figures at k. */
    record UserFigures(double precision, double recall, double ndcg, double ap, double hit, double novelty,
                       double diversity) {

        static UserFigures of(int[] ranked, BitSet relevant, int k, ItemStats stats) {
            int rel = relevant.cardinality();
            int hits = 0;
            double dcg = 0;
            double apSum = 0;
            for (int r = 0; r < ranked.length && r < k; r++) {
                if (relevant.get(ranked[r])) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                    apSum += hits / (double) (r + 1);
                }
            }
            int ideal = Math.min(k, rel);
            double idcg = 0;
            for (int r = 0; r < ideal; r++) {
                idcg += 1 / log2(r + 2);
            }
            double novelty = Double.NaN;
            if (ranked.length > 0) {
                double s = 0;
                for (int i : ranked) {
                    s += stats.selfInformation(i);
                }
                novelty = s / ranked.length;
            }
            double diversity = Double.NaN;
            if (ranked.length > 1) {
                double s = 0;
                int pairs = 0;
                for (int a = 0; a < ranked.length; a++) {
                    for (int b = a + 1; b < ranked.length; b++) {
                        s += 1 - stats.cosine(ranked[a], ranked[b]);
                        pairs++;
                    }
                }
                diversity = s / pairs;
            }
            return new UserFigures(hits / (double) k, hits / (double) rel, dcg / idcg, apSum / ideal,
                    hits > 0 ? 1 : 0, novelty, diversity);
        }
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** Sums of user figures for a group of users. */
    static final class Group {
        private final int catalogue;
        private final BitSet recommended = new BitSet();
        private int users;
        private double precision;
        private double recall;
        private double ndcg;
        private double map;
        private double hits;
        private double novelty;
        private int noveltyUsers;
        private double diversity;
        private int diversityUsers;

        Group(int catalogue) {
            this.catalogue = catalogue;
        }

        void add(UserFigures f, int[] ranked) {
            users++;
            precision += f.precision();
            recall += f.recall();
            ndcg += f.ndcg();
            map += f.ap();
            hits += f.hit();
            if (!Double.isNaN(f.novelty())) {
                novelty += f.novelty();
                noveltyUsers++;
            }
            if (!Double.isNaN(f.diversity())) {
                diversity += f.diversity();
                diversityUsers++;
            }
            for (int i : ranked) {
                recommended.set(i);
            }
        }

        Metrics metrics() {
            double n = users == 0 ? Double.NaN : users;
            return new Metrics(users, precision / n, recall / n, ndcg / n, map / n, hits / n,
                    catalogue == 0 || users == 0 ? Double.NaN : recommended.cardinality() / (double) catalogue,
                    noveltyUsers == 0 ? Double.NaN : novelty / noveltyUsers,
                    diversityUsers == 0 ? Double.NaN : diversity / diversityUsers);
        }
    }

    /** Per item: training users (sorted) for popularity and cosine between binary columns. */
    static final class ItemStats {
        private final int[][] usersOf;
        private final int activeUsers;

        ItemStats(Interactions train) {
            int[] counts = new int[train.items()];
            int active = 0;
            for (int u = 0; u < train.users(); u++) {
                if (train.rowSize(u) > 0) {
                    active++;
                }
                for (int i : train.itemsOf(u)) {
                    counts[i]++;
                }
            }
            usersOf = new int[train.items()][];
            for (int i = 0; i < counts.length; i++) {
                usersOf[i] = new int[counts[i]];
            }
            int[] fill = new int[train.items()];
            for (int u = 0; u < train.users(); u++) {
                for (int i : train.itemsOf(u)) {
                    usersOf[i][fill[i]++] = u;
                }
            }
            activeUsers = Math.max(1, active);
        }

        double selfInformation(int item) {
            return -log2(Math.max(1, usersOf[item].length) / (double) activeUsers);
        }

        double cosine(int a, int b) {
            int[] x = usersOf[a];
            int[] y = usersOf[b];
            if (x.length == 0 || y.length == 0) {
                return 0;
            }
            int common = 0;
            for (int i = 0, j = 0; i < x.length && j < y.length; ) {
                if (x[i] == y[j]) {
                    common++;
                    i++;
                    j++;
                } else if (x[i] < y[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return common / Math.sqrt((double) x.length * y.length);
        }
    }
}
