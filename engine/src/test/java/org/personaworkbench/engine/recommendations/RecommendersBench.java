package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints, per model on MovieLens 100K (seeded 80/20 cells, ratings ≥ 4 relevant, k = 10): fit seconds, hit
 * rate@10, NDCG@10 and one user's top-10 latency p50 / p99 over all users (after a warm-up pass). Not a test:
 * timings depend on the machine. Run: {@code java -cp <test classpath>
 * org.personaworkbench.engine.recommendations.RecommendersBench}.
 */
public final class RecommendersBench {

    private RecommendersBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        MovieLens100K ml = MovieLens100K.load().orElseThrow(() -> new IllegalStateException("no ../shared"));
        long seed = 7;
        Interactions train = ml.train(seed);
        List<int[]> relevant = ml.relevant(seed);
        RecommenderOptions base = RecommenderOptions.defaults(Algorithm.POPULARITY).withCatalog(ml.catalog())
                .withHybridWeights(Map.of(Algorithm.ITEM_KNN, 0.6, Algorithm.USER_KNN, 0.3, Algorithm.CONTENT, 0.1));
        for (Algorithm a : Algorithm.values()) {
            if (a == Algorithm.ALS) {
                continue;
            }
            RecommenderOptions o = base.withAlgorithm(a);
            for (int run = 0; run < 3; run++) {
                Recommenders.fit(train, o, Progress.NONE, CancellationToken.create());
            }
            long t0 = System.nanoTime();
            Recommender model = Recommenders.fit(train, o, Progress.NONE, CancellationToken.create());
            double fit = (System.nanoTime() - t0) / 1e9;
            report(a.word(), model, fit, relevant, RecommendRequest.defaults());
            if (a == Algorithm.ITEM_KNN) {
                report("itemknn-mmr0.3", model, fit, relevant, RecommendRequest.defaults().withDiversity(0.3));
            }
        }
        ModelBasis basis = ModelBasis.of(train, base.withAlgorithm(Algorithm.ITEM_KNN));
        Recommender normalised = new ScoringRecommender(ItemKnn.fit(basis, true, Progress.NONE,
                CancellationToken.create()), basis, new Popularity(basis));
        report("itemknn-normalised", normalised, 0, relevant, RecommendRequest.defaults());
    }

    private static void report(String name, Recommender model, double fitSeconds, List<int[]> relevant,
                               RecommendRequest request) {
        int users = relevant.size();
        for (int u = 0; u < users; u++) {
            model.recommend(u, 10, request);
        }
        double[] ms = new double[users];
        for (int u = 0; u < users; u++) {
            long t = System.nanoTime();
            model.recommend(u, 10, request);
            ms[u] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-20s fit %.3f s  hit@10 %.4f  ndcg@10 %.4f  p50 %.3f ms  p99 %.3f ms%n", name,
                fitSeconds, MovieLens100K.hitRate(model, relevant, 10, request), MovieLens100K.ndcg(model, relevant, 10, request),
                ms[users / 2], ms[(int) (users * 0.99)]);
    }
}
