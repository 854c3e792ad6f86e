package org.personaworkbench.engine.recommendations;

import java.util.Map;

/**
 * Turns one user's scores into the final list, the same way for every model: drops items the user already has
 * (when asked), keeps or drops categories, then re-ranks by maximal marginal relevance (MMR): with λ =
 * {@link RecommendRequest#diversity()}, the next item is argmax (1 − λ)·rel(i) − λ·max over chosen j of sim(i, j),
 * rel min-max normalised over the best max(5n, 50) candidates, sim the cosine of the two items' interaction
 * columns, or of their catalogue text when either has no interactions.
 *
 * <p>Context: with {@link RecommendRequest#context()} set and {@link RecommenderOptions#contextShares()} holding
 * that context, scores (all ≥ 0 for this package's models) are multiplied by the item's context boost
 * ({@link ContextShares}) before the cut. Without shares for that context (the data has no time of day or device)
 * the order stays as it is: there is nothing to boost by.
 */
final class Reranker {

    private final SparseRatings ratings;
    private final String[] categoryOfItem;
    private final ItemTexts texts;

    private final Map<String, double[]> contextBoosts;

    Reranker(SparseRatings ratings, String[] categoryOfItem, ItemTexts texts, Map<String, double[]> contextBoosts) {
        this.ratings = ratings;
        this.categoryOfItem = categoryOfItem;
        this.texts = texts;
        this.contextBoosts = Map.copyOf(contextBoosts);
    }

    /**
     * The chosen items, best first (at most n). Marks items that may not be recommended as NaN in {@code scores}
     * (the caller's scratch array); chosen items keep their score.
     */
    int[] rank(int user, double[] scores, int n, RecommendRequest request) {
        if (request.excludeSeen() && user < ratings.users) {
            for (int k = ratings.rowStart[user]; k < ratings.rowStart[user + 1]; k++) {
                scores[ratings.rowItems[k]] = Double.NaN;
            }
        }
        boolean include = !request.includeCategories().isEmpty();
        boolean exclude = !request.excludeCategories().isEmpty();
        double lambda = request.diversity();
        int pool = (int) Math.min(scores.length, lambda > 0 ? Math.max(5L * n, 50) : n);
        TopN top = new TopN(pool);
        double[] boost = request.context() == null ? null : contextBoosts.get(request.context());
        if (boost != null) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] *= boost[i];
            }
        }
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s) || s == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if ((include && !request.includeCategories().contains(categoryOfItem[i]))
                    || (exclude && request.excludeCategories().contains(categoryOfItem[i]))) {
                scores[i] = Double.NaN;
                continue;
            }
            top.offer(i, s);
        }
        double[] rel = new double[top.size()];
        int[] best = top.drainIds(rel);
        if (lambda <= 0 || best.length <= 1) {
            return best.length <= n ? best : java.util.Arrays.copyOf(best, n);
        }
        return mmr(best, rel, n, lambda);
    }

    private int[] mmr(int[] candidates, double[] rel, int n, double lambda) {
        int m = candidates.length;
        double max = rel[0];
        double min = rel[m - 1];
        double span = max - min;
        double[] relNorm = new double[m];
        for (int k = 0; k < m; k++) {
            relNorm[k] = span > 0 ? (rel[k] - min) / span : 1;
        }
        double[] maxSim = new double[m];
        boolean[] taken = new boolean[m];
        int count = Math.min(n, m);
        int[] chosen = new int[count];
        double[] column = new double[ratings.users];
        for (int c = 0; c < count; c++) {
            int pick = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                if (taken[k]) {
                    continue;
                }
                double value = (1 - lambda) * relNorm[k] - lambda * maxSim[k];
                if (value > bestValue) {
                    bestValue = value;
                    pick = k;
                }
            }
            taken[pick] = true;
            chosen[c] = candidates[pick];
            if (c + 1 < count) {
                updateMaxSimilarity(candidates, taken, candidates[pick], maxSim, column);
            }
        }
        return chosen;
    }

    /**
     * maxSim[k] = max(maxSim[k], sim(candidate k, picked)) for the candidates not taken. The picked item's
     * column is spread into a dense per-user array once, so each candidate costs one pass over its own column
     * (ML-100K, λ 0.3: top-10 in 0.9 ms p50 with sorted-list merges, 0.1 ms this way).
     */
    private void updateMaxSimilarity(int[] candidates, boolean[] taken, int picked, double[] maxSim,
                                     double[] column) {
        SparseRatings r = ratings;
        boolean pickedHasColumn = r.colSize(picked) > 0;
        if (pickedHasColumn) {
            for (int q = r.colStart[picked]; q < r.colStart[picked + 1]; q++) {
                column[r.colUsers[q]] = r.colValues[q];
            }
        }
        for (int k = 0; k < candidates.length; k++) {
            if (taken[k]) {
                continue;
            }
            int i = candidates[k];
            double sim;
            if (pickedHasColumn && r.colSize(i) > 0) {
                double dot = 0;
                for (int q = r.colStart[i]; q < r.colStart[i + 1]; q++) {
                    dot += r.colValues[q] * column[r.colUsers[q]];
                }
                sim = dot / (r.colNorms[i] * r.colNorms[picked]);
            } else {
                sim = texts == null ? 0 : texts.cosine(i, picked);
            }
            maxSim[k] = Math.max(maxSim[k], sim);
        }
        if (pickedHasColumn) {
            for (int q = r.colStart[picked]; q < r.colStart[picked + 1]; q++) {
                column[r.colUsers[q]] = 0;
            }
        }
    }
}
