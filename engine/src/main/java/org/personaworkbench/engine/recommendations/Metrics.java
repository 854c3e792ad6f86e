package org.personaworkbench.engine.recommendations;

/**
 * Ranking quality at k, averaged over the evaluated users (coverage over the catalogue). NaN when no user
 * could be evaluated.
 *
 * @param users     users evaluated (with at least one relevant held-out item)
 * @param precision relevant in top k / k
 * @param recall    relevant in top k / relevant held out
 * @param ndcg      as the protocol defines
 * @param map       mean average precision at k (AP normalised by min(k, relevant))
 * @param hitRate   share of users with at least one relevant item in top k
 * @param coverage  distinct items recommended to anyone / items in the catalogue
 * @param novelty   mean −log2(popularity share) of recommended items (higher = less obvious)
 * @param diversity mean intra-list dissimilarity (1 − item–item cosine of interaction vectors)
 */
public record Metrics(int users, double precision, double recall, double ndcg, double map, double hitRate,
                     double coverage, double novelty, double diversity) {
}
