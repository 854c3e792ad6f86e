package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.function.IntFunction;

/**
 * User-user kNN: each user keeps their {@code neighbours} most similar users by shrunk cosine of interaction
 * rows; the score of item i is Σ over those neighbours v of sim(u, v) · r_vi. Explained as "liked by N customers
 * like you". Own code: Smile 6.3 has no recommender package.
 */
final class UserKnn implements ItemScorer {

    private final ModelBasis basis;
    private final Neighbours neighbours;

    private UserKnn(ModelBasis basis, Neighbours neighbours) {
        this.basis = basis;
        this.neighbours = neighbours;
    }

    static UserKnn fit(ModelBasis basis, Progress progress, CancellationToken cancel) {
        RecommenderOptions o = basis.options();
        return new UserKnn(basis, Neighbours.ofUsers(basis.ratings(), o.neighbours(), o.shrinkage(), progress,
                cancel));
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.USER_KNN;
    }

    @Override
    public IntFunction<String> score(int user, double[] out) {
        SparseRatings m = basis.ratings();
        if (m.rowSize(user) == 0 || neighbours.ids()[user].length == 0) {
            return null;
        }
        int[] ids = neighbours.ids()[user];
        float[] sims = neighbours.sims()[user];
        int[] likedBy = new int[out.length];
        for (int t = 0; t < ids.length; t++) {
            int v = ids[t];
            for (int k = m.rowStart[v]; k < m.rowStart[v + 1]; k++) {
                out[m.rowItems[k]] += sims[t] * m.rowValues[k];
                likedBy[m.rowItems[k]]++;
            }
        }
        return item -> switch (likedBy[item]) {
            case 0 -> "liked by customers like you";
            case 1 -> "liked by a customer like you";
            default -> "liked by " + likedBy[item] + " customers like you";
        };
    }
}
