package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

/** Trains the model an options object names: the one entry point the CLI, the UI and evaluation use. */
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
        ItemScorer scorer = switch (options.algorithm()) {
            case POPULARITY -> popularity;
            case ITEM_KNN -> ItemKnn.fit(basis, false, progress, cancel);
            default -> throw new UnsupportedOperationException("issue 5: " + options.algorithm().word());
        };
        progress.report(1, 1, "Trained " + options.algorithm().word());
        return new ScoringRecommender(scorer, basis, popularity);
    }
}
