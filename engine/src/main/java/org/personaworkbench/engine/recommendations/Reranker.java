package org.personaworkbench.engine.recommendations;

/**
 * Turns one user's scores into the final list, the same way for every model: drops items the user already has
 * (when asked), keeps or drops categories, then re-ranks by maximal marginal relevance (MMR): with λ =
 * {@link RecommendRequest#diversity()}, the next item is argmax (1 − λ)·rel(i) − λ·max over chosen j of sim(i, j),
 * rel min-max normalised over the best max(5n, 50) candidates, sim the cosine of the two items' interaction
 * columns, or of their catalogue text when either has no interactions.
 *
 * <p>Context: {@link RecommendRequest#context()} is accepted and leaves the order as it is. A contextual re-rank
 * needs events with a time-of-day or device field; {@link Interactions} and {@link ItemCatalog} carry neither, so
 * there is nothing to boost by yet.
 */
final class Reranker {

    private final SparseRatings ratings;
    private final String[] categoryOfItem;
    private final ItemTexts texts;

    Reranker(SparseRatings ratings, String[] categoryOfItem, ItemTexts texts) {
        this.ratings = ratings;
        this.categoryOfItem = categoryOfItem;
        this.texts = texts;
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
        int pool = lambda > 0 ? Math.max(5 * n, 50) : n;
        TopN top = new TopN(pool);
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
            for (int k = 0; k < m; k++) {
                if (!taken[k]) {
                    maxSim[k] = Math.max(maxSim[k], similarity(candidates[k], candidates[pick]));
                }
            }
        }
        return chosen;
    }

    /** Interaction-column cosine, or text cosine when either item has no interactions. */
    double similarity(int i, int j) {
        if (ratings.colSize(i) > 0 && ratings.colSize(j) > 0) {
            return ratings.itemCosine(i, j);
        }
        return texts == null ? 0 : texts.cosine(i, j);
    }
}
