package org.personaworkbench.engine.project;

import java.util.List;

/**
 * Writes a new dataset into a project transactionally: rows go to a hidden staging table and become a
 * visible dataset, together with its import-log entry, only on {@link #commit}. {@link #close()}
 * without commit (cancel, failure, crash) leaves the project exactly as it was.
 *
 * <p>Values passed to {@link #append} must match the column types: Long (INTEGER), Double (DECIMAL),
 * Boolean, java.time.LocalDate (DATE), java.time.LocalDateTime (DATETIME), String (TEXT), or null.
 */
public interface DatasetWriter extends AutoCloseable {

    /** The columns this writer was opened with. */
    List<DatasetColumn> columns();

    /** Appends one row; the array is not kept and may be reused by the caller. */
    void append(Object[] row);

    /** Rows appended so far. */
    long rowCount();

    /** Makes the dataset visible and logs the import, atomically. */
    DatasetInfo commit(ImportLogEntry logEntry);

    /**
     * Like {@link #commit}, and registers the new dataset as a feature set with its recipe in the same
     * transaction, so a crash never leaves feature values without their feature-set entry.
     */
    DatasetInfo commitFeatureSet(ImportLogEntry logEntry, FeatureSetRecipe recipe);

    /** Drops everything written unless {@link #commit} succeeded. Never throws. */
    @Override
    void close();
}
