package org.personaworkbench.engine.recommendations;

import java.util.Objects;

/**
 * Exactly how an evaluation figure was obtained, carried by every reported number (on screen, in the CLI JSON
 * and in exports) so figures are only ever compared under the same protocol.
 *
 * @param split              the split kind
 * @param splitParameter     RANDOM: held-out share (0.2); TEMPORAL: interactions held out per user; LOO: 1
 * @param seed               the split's seed
 * @param relevanceThreshold a held-out rating counts as relevant when ≥ this (explicit); implicit: any (use 0)
 * @param k                  list length the metrics are cut at
 * @param candidates         the items ranked: "all items the user has not interacted with in train"
 * @param ndcgDefinition     for example "binary gains, log2(rank + 1) discount, ideal = min(k, relevant)"
 * @param minTrainInteractions users with fewer training interactions are skipped (0 = none)
 */
public record EvaluationProtocol(SplitKind split, double splitParameter, long seed, double relevanceThreshold,
                                 int k, String candidates, String ndcgDefinition, int minTrainInteractions) {

    public static final String ALL_UNSEEN = "all items the user has not interacted with in training";
    public static final String BINARY_NDCG =
            "binary gains, discount 1/log2(rank + 1), ideal DCG over min(k, relevant held-out items)";

    public EvaluationProtocol {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(ndcgDefinition, "ndcgDefinition");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k + ".");
        }
    }

    /** The MovieLens protocol: ratings ≥ 4 relevant, seeded random 80/20 per user, all unseen, k = 10. */
    public static EvaluationProtocol movieLensDefault(long seed) {
        return new EvaluationProtocol(SplitKind.RANDOM, 0.2, seed, 4, 10, ALL_UNSEEN, BINARY_NDCG, 0);
    }
}
