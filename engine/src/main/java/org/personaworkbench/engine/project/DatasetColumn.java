package org.personaworkbench.engine.project;

import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;

import java.util.Objects;

/** One column of a stored dataset: its name as the analyst sees it, its type and its role. */
public record DatasetColumn(String name, ColumnType type, ColumnRole role) {
    public DatasetColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
    }
}
