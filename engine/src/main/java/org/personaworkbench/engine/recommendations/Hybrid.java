package org.personaworkbench.engine.recommendations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Weighted blend of other models with switching. Each component's scores are min-max normalised over the items
 * the user has not had (so their own history does not squeeze the scale) and summed with the weights of
 * {@link RecommenderOptions#hybridWeights()} divided by their total. Users with fewer than
 * {@value #MIN_HISTORY} training interactions get the popularity list (their persona's when they have one);
 * items nobody interacted with in training get their content score times {@value #COLD_ITEM_SHARE}, so a new
 * item that matches the user's taste can enter the list without crowding out proven ones. Each item is explained
 * by the component that added most to its score.
 */
final class Hybrid implements ItemScorer {

    static final int MIN_HISTORY = 3;
    static final double COLD_ITEM_SHARE = 0.5;

    private final ModelBasis basis;
    private final List<ItemScorer> components;
    private final double[] weights;
    private final ItemScorer popularity;
    private final ItemScorer content;

    Hybrid(ModelBasis basis, Map<ItemScorer, Double> weighted, ItemScorer popularity, ItemScorer content) {
        this.basis = basis;
        this.components = new ArrayList<>(weighted.keySet());
        this.components.sort(java.util.Comparator.comparing(c -> c.algorithm().ordinal()));
        this.weights = new double[components.size()];
        double total = weighted.values().stream().mapToDouble(Double::doubleValue).sum();
        for (int c = 0; c < weights.length; c++) {
            weights[c] = weighted.get(components.get(c)) / total;
        }
        this.popularity = popularity;
        this.content = content;
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.HYBRID;
    }

    @Override
    public IntFunction<String> score(int user, double[] out) {
        SparseRatings m = basis.ratings();
        if (m.rowSize(user) < MIN_HISTORY) {
            return popularity.score(user, out);
        }
        int items = out.length;
        double[][] normalised = new double[components.size()][];
        List<IntFunction<String>> explainers = new ArrayList<>();
        for (int c = 0; c < components.size(); c++) {
            double[] s = new double[items];
            IntFunction<String> ex = components.get(c).score(user, s);
            explainers.add(ex);
            if (ex != null) {
                normalise(user, s);
                normalised[c] = s;
            }
        }
        double[] coldContent = null;
        IntFunction<String> contentExplainer = null;
        if (content != null) {
            double[] s = new double[items];
            contentExplainer = content.score(user, s);
            if (contentExplainer != null) {
                normalise(user, s);
                coldContent = s;
            }
        }
        for (int i = 0; i < items; i++) {
            if (m.colSize(i) == 0) {
                out[i] = coldContent == null ? 0 : COLD_ITEM_SHARE * coldContent[i];
                continue;
            }
            double sum = 0;
            for (int c = 0; c < normalised.length; c++) {
                if (normalised[c] != null) {
                    sum += weights[c] * normalised[c][i];
                }
            }
            out[i] = sum;
        }
        IntFunction<String> contentWords = contentExplainer;
        return item -> {
            if (m.colSize(item) == 0 && contentWords != null) {
                return "new: " + contentWords.apply(item);
            }
            int best = -1;
            double bestShare = -1;
            for (int c = 0; c < normalised.length; c++) {
                if (normalised[c] != null && weights[c] * normalised[c][item] > bestShare) {
                    bestShare = weights[c] * normalised[c][item];
                    best = c;
                }
            }
            return best < 0 ? "popular with all customers" : explainers.get(best).apply(item);
        };
    }

    /** Min-max over the items the user has not had; their own items are clamped into [0, 1]. */
    private void normalise(int user, double[] s) {
        SparseRatings m = basis.ratings();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int k = user < m.users ? m.rowStart[user] : 0;
        int end = user < m.users ? m.rowStart[user + 1] : 0;
        for (int i = 0; i < s.length; i++) {
            while (k < end && m.rowItems[k] < i) {
                k++;
            }
            if (k < end && m.rowItems[k] == i) {
                continue;
            }
            min = Math.min(min, s[i]);
            max = Math.max(max, s[i]);
        }
        double span = max - min;
        for (int i = 0; i < s.length; i++) {
            s[i] = span > 0 ? Math.clamp((s[i] - min) / span, 0, 1) : 0;
        }
    }
}
