package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;

import java.nio.file.Path;

/**
 * Streams a CSV/TSV file (plain or .gz) into a new dataset of a project, converting each field to its
 * column's type. Rows that do not fit are collected with line numbers and reasons; the
 * {@link BadRowPolicy} then decides to skip them or cancel. Cancel or failure leaves the project as it was.
 */
public final class CsvImporter {

    /** At most this many bad rows are kept in memory and reported in full. */
    public static final int BAD_ROW_SAMPLE = 1_000;

    public ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                                   CancellationToken cancel) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
