package org.personaworkbench.app.recommendations;

import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.Metrics;

/** One strategy's offline figures for the chosen persona filter (all customers or one persona). */
public record EvaluationRow(Algorithm algorithm, Metrics metrics, double trainSeconds, double recommendMsP50,
                            double recommendMsP99) {
}
