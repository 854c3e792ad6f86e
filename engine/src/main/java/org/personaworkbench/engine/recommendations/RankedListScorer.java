package org.personaworkbench.engine.recommendations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Lets a {@link Recommender} that is not one of this package's scorers (ALS) take part in the hybrid: its top
 * {@value #POOL} unseen items keep their scores, every other item gets the lowest of them (so it normalises to 0).
 */
final class RankedListScorer implements ItemScorer {

    static final int POOL = 200;

    private final Recommender model;

    RankedListScorer(Recommender model) {
        this.model = model;
    }

    @Override
    public Algorithm algorithm() {
        return model.algorithm();
    }

    @Override
    public IntFunction<String> score(int user, double[] out) {
        List<Recommendation> list = model.recommend(user, POOL, RecommendRequest.defaults());
        if (list.isEmpty()) {
            return null;
        }
        double floor = list.getLast().score();
        java.util.Arrays.fill(out, floor);
        Map<Integer, String> why = new HashMap<>();
        for (Recommendation r : list) {
            out[r.item()] = r.score();
            why.put(r.item(), r.explanation());
        }
        return item -> why.getOrDefault(item, "");
    }
}
