package org.personaworkbench.engine.recommendations;

import java.util.function.IntFunction;

/**
 * What each model computes for one user: a relevance score for every item, and how to explain any item of that
 * list. Filtering, diversity and cold-start fallback are shared ({@link ScoringRecommender}, {@link Reranker}).
 */
interface ItemScorer {

    Algorithm algorithm();

    /**
     * Fills {@code out[item]} (length = items, zero on entry) with the user's scores.
     *
     * @return the explanation of an item for this user, or null when the model cannot score the user
     */
    IntFunction<String> score(int user, double[] out);
}
