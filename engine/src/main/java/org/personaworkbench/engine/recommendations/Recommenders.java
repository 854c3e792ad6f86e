package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

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
        throw new UnsupportedOperationException("issue 5: recommendation models");
    }
}
