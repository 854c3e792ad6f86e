package org.personaworkbench.engine.importing;

/** The storage type of a dataset column, inferred on import and overridable per column. */
public enum ColumnType {
    INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, TEXT;

    /** Lower-case name used in JSON and on the command line, for example {@code "datetime"}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}
