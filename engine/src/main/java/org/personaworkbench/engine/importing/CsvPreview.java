package org.personaworkbench.engine.importing;

import java.nio.file.Path;
import java.util.List;

/**
 * What a file looks like before anything is written: the detected format, the columns with inferred
 * types and suggested roles, the first rows (at most {@link CsvInspector#PREVIEW_ROWS}) as text, how
 * many rows the inference sampled, and any bad rows met in that sample.
 */
public record CsvPreview(Path file, CsvFormat format, List<PreviewColumn> columns, List<List<String>> rows,
                         long sampledRows, List<BadRow> badRowsInSample) {
    public CsvPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        badRowsInSample = List.copyOf(badRowsInSample);
    }

    public List<ColumnSpec> defaultSpecs() {
        return columns.stream().map(PreviewColumn::toSpec).toList();
    }
}
