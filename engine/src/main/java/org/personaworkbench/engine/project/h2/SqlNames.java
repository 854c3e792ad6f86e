package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.importing.ColumnType;

import java.util.Locale;

/**
 * SQL names used inside a project file. Analysts' dataset and column names never reach SQL text: rows
 * live in {@code DS_<n>} tables with columns {@code C1..Cn}, and the real names stay in metadata.
 */
final class SqlNames {

    /** Prefix of tables still being written; any such table found when opening is a leftover. */
    static final String STAGING_PREFIX = "STAGING_";
    /** Prefix of tables holding committed dataset rows. */
    static final String DATA_PREFIX = "DS_";

    private SqlNames() {
    }

    static String stagingTable(long number) {
        return STAGING_PREFIX + number;
    }

    static String dataTable(long number) {
        return DATA_PREFIX + number;
    }

    /** {@code C1}, {@code C2}, … for the column at zero-based {@code index}. */
    static String column(int index) {
        return "C" + (index + 1);
    }

    /** A quoted identifier, doubling embedded quotes. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The H2 column type storing values of {@code type}. */
    static String sqlType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP";
            case TEXT -> "CHARACTER VARYING";
        };
    }

    /** The key that makes dataset names unique ignoring case. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
