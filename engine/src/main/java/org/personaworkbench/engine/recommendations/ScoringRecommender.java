package org.personaworkbench.engine.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A {@link Recommender} from an {@link ItemScorer}: scores every item for the user, re-ranks with the shared
 * {@link Reranker} and explains the chosen items; users without training history (an index past the training
 * users, or an empty row) get the popularity model's list instead.
 */
final class ScoringRecommender implements Recommender {

    private final ItemScorer scorer;
    private final ModelBasis basis;
    private final ItemScorer fallback;

    ScoringRecommender(ItemScorer scorer, ModelBasis basis, ItemScorer fallback) {
        this.scorer = scorer;
        this.basis = basis;
        this.fallback = fallback;
    }

    ItemScorer scorer() {
        return scorer;
    }

    @Override
    public Algorithm algorithm() {
        return scorer.algorithm();
    }

    @Override
    public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
        if (user < 0) {
            throw new IllegalArgumentException("A user index is 0 or more, got " + user + ".");
        }
        if (n <= 0) {
            return List.of();
        }
        double[] scores = new double[basis.train().items()];
        IntFunction<String> explain = null;
        if (basis.ratings().rowSize(user) > 0 || scorer == fallback) {
            explain = scorer.score(user, scores);
        }
        if (explain == null) {
            java.util.Arrays.fill(scores, 0);
            explain = fallback.score(user, scores);
        }
        int[] chosen = basis.reranker().rank(user, scores, n, request);
        List<Recommendation> out = new ArrayList<>(chosen.length);
        for (int item : chosen) {
            out.add(new Recommendation(item, basis.train().itemId(item), scores[item], explain.apply(item)));
        }
        return out;
    }
}
