package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains the model an options object names: the one entry point the CLI, the UI and evaluation use. Every model
 * but ALS is an {@link ItemScorer} behind {@link ScoringRecommender} (shared filters, MMR, cold-start popularity).
 *
 * <p>Measured with {@code RecommendersBench} on MovieLens 100K (943 users, 1,682 items; seeded 80/20 cells,
 * ratings ≥ 4 relevant, candidates = unseen items, k = 10; 2 cores shared with other builds), CPU time of one
 * user's top-10 over all users, 3 passes:
 * <pre>
 * model        fit s   hit@10  NDCG@10  p50 ms  p99 ms
 * popularity   0.01    0.680   0.177    0.01    0.04
 * item-kNN     0.07    0.777   0.291    0.03    0.13   (MMR λ 0.3: NDCG 0.296, p99 0.20 ms)
 * user-kNN     0.05    0.826   0.340    0.03    0.08
 * content      0.004   0.296   0.044    0.05    0.26
 * hybrid       0.10    0.807   0.315    0.10    0.25   (item-kNN 0.6, user-kNN 0.3, content 0.1)
 * </pre>
 * UCI Online Retail (4,339 customers, 3,665 products, 266,802 cells): item-kNN fits in 1.1 s, user-kNN 0.7 s,
 * hybrid 1.6 s; p99 ≤ 0.42 ms (2.0 ms with MMR). Own code rather than a library: Smile 6.3 has no recommender
 * package (no kNN recommenders, no TF-IDF in smile-core).
 */
public final class Recommenders {

    private Recommenders() {
    }

    /**
     * Trains {@code options.algorithm()} on {@code train}.
     *
     * @throws org.personaworkbench.engine.common.CancelledException when cancelled
     */
    public static Recommender fit(Interactions train, RecommenderOptions options, Progress progress,
                                  CancellationToken cancel) {
        cancel.throwIfCancelled();
        ModelBasis basis = ModelBasis.of(train, options);
        Popularity popularity = new Popularity(basis);
        ItemScorer scorer = options.algorithm() == Algorithm.HYBRID
                ? hybrid(train, basis, popularity, progress, cancel)
                : component(options.algorithm(), train, basis, popularity, progress, cancel);
        progress.report(1, 1, "Trained " + options.algorithm().word());
        return new ScoringRecommender(scorer, basis, popularity);
    }

    private static ItemScorer component(Algorithm algorithm, Interactions train, ModelBasis basis,
                                        Popularity popularity, Progress progress, CancellationToken cancel) {
        return switch (algorithm) {
            case POPULARITY -> popularity;
            case ITEM_KNN -> ItemKnn.fit(basis, false, progress, cancel);
            case USER_KNN -> UserKnn.fit(basis, progress, cancel);
            case CONTENT -> new ContentModel(basis);
            case ALS -> (Als.Model) Als.fit(train, basis.options(), progress, cancel);
            case HYBRID -> throw new IllegalArgumentException("A hybrid cannot blend another hybrid.");
        };
    }

    private static ItemScorer hybrid(Interactions train, ModelBasis basis, Popularity popularity, Progress progress,
                                     CancellationToken cancel) {
        Map<ItemScorer, Double> weighted = new LinkedHashMap<>();
        for (Algorithm a : Algorithm.values()) {
            Double w = basis.options().hybridWeights().get(a);
            if (a != Algorithm.HYBRID && w != null && w > 0) {
                weighted.put(component(a, train, basis, popularity, progress, cancel), w);
            }
        }
        if (weighted.isEmpty()) {
            throw new IllegalArgumentException("The hybrid needs at least one algorithm with a positive weight.");
        }
        ItemScorer content = basis.texts() == null ? null : new ContentModel(basis);
        return new Hybrid(basis, weighted, popularity, content);
    }
}
