package org.personaworkbench.engine.experiments;

import java.nio.file.Path;

/**
 * A readout as JSON (the field names of {@code pwb abtest --json}, a public contract) or as one CSV table with a
 * row per figure, written atomically.
 */
public final class ReadoutExport {

    private ReadoutExport() {
    }

    /** The readout as the JSON document {@code pwb abtest --json} prints. */
    public static String json(ExperimentReadout readout) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /**
     * The readout as CSV: columns {@code section,variant,control,segment,figure,value,ci_lo,ci_hi}, one row per
     * figure (variant rates, lifts, p-values, SRM, breakdown, heterogeneity, power).
     */
    public static String csv(ExperimentReadout readout) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** Writes {@link #json} or {@link #csv} (by the file's extension: .json, else CSV) atomically. */
    public static void write(ExperimentReadout readout, Path file) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }
}
