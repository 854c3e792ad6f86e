package org.personaworkbench.engine.recommendations;

import java.util.List;

/**
 * A trained model that ranks items for a user of its training {@link Interactions}. Implementations are
 * immutable after training and safe to call from several threads.
 */
public interface Recommender {

    /** The algorithm that made it. */
    Algorithm algorithm();

    /**
     * The top {@code n} items for a user by this model, best first, filtered and re-ranked as {@code request}
     * says; fewer when fewer items qualify. A user index outside the training users is a cold-start user (no
     * history): models that cannot score them fall back as the hybrid does (popularity).
     */
    List<Recommendation> recommend(int user, int n, RecommendRequest request);
}
