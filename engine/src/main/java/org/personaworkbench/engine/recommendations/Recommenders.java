package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains the model an options object names: the one entry point the CLI, the UI and evaluation use. Every model
 * but ALS is a scorer behind {@link ScoringRecommender} (shared filters, MMR, cold-start popularity).
 *
 * <p>Measured on MovieLens 100K (943 users, 1,682 items, 100,000 ratings, 2 shared cores; {@code
 * RecommendersBench}): see the class comments of the models and the final figures in {@code RecommendersBench}.
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
        if (options.algorithm() == Algorithm.ALS) {
            return Als.fit(train, options, progress, cancel);
        }
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
            case ALS -> new RankedListScorer(Als.fit(train, basis.options(), progress, cancel));
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
