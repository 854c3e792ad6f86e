package org.personaworkbench.engine.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything an import needs besides the file: the dataset name, the format, one spec per source column
 * (in file order), what to do with bad rows, and an optional file to write rejected rows to as CSV.
 */
public record ImportOptions(String datasetName, CsvFormat format, List<ColumnSpec> columns,
                            BadRowPolicy badRowPolicy, Path rejectsFile) {
    public ImportOptions {
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        badRowPolicy = badRowPolicy == null ? BadRowPolicy.FAIL : badRowPolicy;
    }

    /** Options that accept the preview's detected format, types and roles. */
    public static ImportOptions fromPreview(CsvPreview preview, String datasetName, BadRowPolicy policy) {
        return new ImportOptions(datasetName, preview.format(), preview.defaultSpecs(), policy, null);
    }

    public ImportOptions withRejectsFile(Path file) {
        return new ImportOptions(datasetName, format, columns, badRowPolicy, file);
    }
}
