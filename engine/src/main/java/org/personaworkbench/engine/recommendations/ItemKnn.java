package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.function.IntFunction;

/**
 * Item-item kNN for top-N (Deshpande & Karypis): each item keeps its {@code neighbours} most similar items by
 * shrunk cosine of interaction columns; a user's score for item i is Σ over the user's items j of
 * sim(j, i) · r_uj, explained by the item j that contributed most ("because you rated Star Wars").
 * Scores are not divided by Σ|sim|: on MovieLens 100K (seeded 80/20, ratings ≥ 4 relevant) that normalisation
 * lowered hit rate@10 (see {@code RecommendersMovieLensTest}); it favours items reached by one weak neighbour.
 * Own code: Smile 6.3 has no recommender package (no item-kNN); fitting ML-100K takes about 0.1 s.
 */
final class ItemKnn implements ItemScorer {

    private final ModelBasis basis;
    private final Neighbours neighbours;
    private final boolean normalise;

    private ItemKnn(ModelBasis basis, Neighbours neighbours, boolean normalise) {
        this.basis = basis;
        this.neighbours = neighbours;
        this.normalise = normalise;
    }

    static ItemKnn fit(ModelBasis basis, boolean normalise, Progress progress, CancellationToken cancel) {
        RecommenderOptions o = basis.options();
        return new ItemKnn(basis, Neighbours.ofItems(basis.ratings(), o.neighbours(), o.shrinkage(), progress,
                cancel), normalise);
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.ITEM_KNN;
    }

    @Override
    public IntFunction<String> score(int user, double[] out) {
        SparseRatings m = basis.ratings();
        if (m.rowSize(user) == 0) {
            return null;
        }
        double[] weight = normalise ? new double[out.length] : null;
        for (int k = m.rowStart[user]; k < m.rowStart[user + 1]; k++) {
            int j = m.rowItems[k];
            double r = m.rowValues[k];
            int[] ids = neighbours.ids()[j];
            float[] sims = neighbours.sims()[j];
            for (int t = 0; t < ids.length; t++) {
                out[ids[t]] += sims[t] * r;
                if (weight != null) {
                    weight[ids[t]] += Math.abs(sims[t]);
                }
            }
        }
        if (weight != null) {
            for (int i = 0; i < out.length; i++) {
                if (weight[i] > 0) {
                    out[i] /= weight[i];
                }
            }
        }
        return item -> explain(user, item);
    }

    private String explain(int user, int item) {
        SparseRatings m = basis.ratings();
        int best = -1;
        double bestContribution = 0;
        for (int k = m.rowStart[user]; k < m.rowStart[user + 1]; k++) {
            int j = m.rowItems[k];
            int[] ids = neighbours.ids()[j];
            for (int t = 0; t < ids.length; t++) {
                if (ids[t] == item) {
                    double c = neighbours.sims()[j][t] * m.rowValues[k];
                    if (c > bestContribution) {
                        bestContribution = c;
                        best = j;
                    }
                    break;
                }
            }
        }
        return best < 0 ? "among the best matches for your history"
                : "because you " + basis.verb() + " " + basis.title(best);
    }
}
