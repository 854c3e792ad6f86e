package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.List;

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
        // Branch wt-ev: ALS and a plain most-popular baseline only; the models branch replaces this dispatcher.
        return switch (options.algorithm()) {
            case ALS -> Als.fit(train, options, progress, cancel);
            case POPULARITY -> mostPopular(train);
            default -> throw new UnsupportedOperationException("issue 5: recommendation models ("
                    + options.algorithm().word() + ")");
        };
    }

    /** Items by the number of training users who have them (ties: lower index), unseen ones per user. */
    private static Recommender mostPopular(Interactions train) {
        int[] counts = new int[train.items()];
        for (int u = 0; u < train.users(); u++) {
            for (int i : train.itemsOf(u)) {
                counts[i]++;
            }
        }
        int[] order = java.util.stream.IntStream.range(0, counts.length).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        return new Recommender() {
            @Override
            public Algorithm algorithm() {
                return Algorithm.POPULARITY;
            }

            @Override
            public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
                List<Recommendation> out = new ArrayList<>(n);
                boolean known = user >= 0 && user < train.users();
                for (int i : order) {
                    if (out.size() >= n) {
                        break;
                    }
                    if (request.excludeSeen() && known && train.has(user, i)) {
                        continue;
                    }
                    out.add(new Recommendation(i, train.itemId(i), counts[i], "popular: " + counts[i] + " customers"));
                }
                return out;
            }
        };
    }
}
