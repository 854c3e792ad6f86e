package org.personaworkbench.engine.importing;

import java.nio.file.Path;

/**
 * Reads the start of a CSV/TSV file (plain or .gz) and tells how it is written and what its columns
 * hold, without writing anything: encoding, delimiter and header detection, type inference on a
 * sample, role suggestions, and the first rows for a preview table.
 */
public final class CsvInspector {

    /** Rows shown in a preview. */
    public static final int PREVIEW_ROWS = 200;

    /** Rows sampled to infer column types. */
    public static final int INFERENCE_ROWS = 10_000;

    /**
     * @throws org.personaworkbench.engine.common.EngineException for an empty, binary or unreadable file,
     *         duplicate column names, or a file that does not use the chosen delimiter
     */
    public CsvPreview inspect(Path file, FormatOverrides overrides) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
