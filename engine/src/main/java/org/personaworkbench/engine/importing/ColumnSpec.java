package org.personaworkbench.engine.importing;

import java.util.Objects;

/**
 * How one source column is imported: its name in the dataset, its type, its role, and for dates and
 * date-times the pattern (java.time {@code DateTimeFormatter} syntax) that parses it; null otherwise.
 */
public record ColumnSpec(String name, ColumnType type, ColumnRole role, String pattern) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
    }

    public ColumnSpec withType(ColumnType t, String p) {
        return new ColumnSpec(name, t, role, p);
    }

    public ColumnSpec withRole(ColumnRole r) {
        return new ColumnSpec(name, type, r, pattern);
    }
}
