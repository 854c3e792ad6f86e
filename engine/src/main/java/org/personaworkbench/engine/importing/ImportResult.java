package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.project.DatasetColumn;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a committed import: dataset name, rows stored, its columns, rows rejected (skipped)
 * with the first of them, the import's own wall time in seconds, the file's SHA-256, and where rejected
 * rows were saved (null when not asked).
 */
public record ImportResult(String dataset, long rows, List<DatasetColumn> columns, long rejected,
                           List<BadRow> rejectedSample, double seconds, String sha256, Path rejectsFile) {
    public ImportResult {
        columns = List.copyOf(columns);
        rejectedSample = List.copyOf(rejectedSample);
    }
}
