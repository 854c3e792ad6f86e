package org.personaworkbench.engine.experiments;

import java.util.List;

/**
 * The readout in plain words, one sentence per variant against control ("Variant B converts 0.80 points (6.0%)
 * better than A; 95% CI 0.10 to 1.50 points; p = 0.02; 98% probability B is better; no sample-ratio mismatch"),
 * preceded by a warning when the sample ratio is off. The CLI prints it and the Experiments step shows it on top.
 */
public final class Verdict {

    private Verdict() {
    }

    /** The verdict lines; {@code conversion} false reads the metric instead. */
    public static List<String> lines(AbTestReport report, boolean conversion) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }
}
