package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

/**
 * Offline evaluation: split the interactions as the protocol says, train on the training part, rank the
 * candidates for every test user and score the top k against the held-out relevant items.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param all     every interaction (explicit ratings keep their values for the relevance threshold)
     * @param options the model (its catalogue and personas also give per-persona figures)
     */
    public static EvaluationReport run(Interactions all, EvaluationProtocol protocol, RecommenderOptions options,
                                       Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("issue 5: evaluation");
    }
}
