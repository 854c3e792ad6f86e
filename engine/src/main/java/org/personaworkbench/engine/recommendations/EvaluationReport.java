package org.personaworkbench.engine.recommendations;

import java.util.Map;
import java.util.Objects;

/**
 * One algorithm evaluated under one protocol: overall metrics, the same per persona and per cold-start bucket
 * ("1-2", "3-9", "10+" training interactions), how long training took and how fast one user's list is.
 *
 * @param perPersona  persona name → metrics (empty without personas)
 * @param perBucket   "1-2", "3-9", "10+" → metrics
 * @param recommendMsP50 median milliseconds for one user's top-k list
 * @param recommendMsP99 99th percentile of the same
 */
public record EvaluationReport(Algorithm algorithm, EvaluationProtocol protocol, Metrics metrics,
                               Map<String, Metrics> perPersona, Map<String, Metrics> perBucket,
                               double trainSeconds, double recommendMsP50, double recommendMsP99) {
    public EvaluationReport {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(metrics, "metrics");
        perPersona = Map.copyOf(perPersona);
        perBucket = Map.copyOf(perBucket);
    }
}
