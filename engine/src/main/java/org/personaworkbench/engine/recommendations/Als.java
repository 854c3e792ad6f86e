package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

/** Placeholder: alternating least squares comes from another branch. */
final class Als {

    private Als() {
    }

    static Recommender fit(Interactions train, RecommenderOptions options, Progress progress,
                           CancellationToken cancel) {
        throw new UnsupportedOperationException("issue 5: ALS");
    }
}
