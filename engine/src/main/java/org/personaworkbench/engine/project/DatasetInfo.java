package org.personaworkbench.engine.project;

import java.time.Instant;
import java.util.List;

/** A dataset stored in a project: its name, row count, columns and when it was imported. */
public record DatasetInfo(String name, long rows, List<DatasetColumn> columns, Instant createdAt) {
    public DatasetInfo {
        columns = List.copyOf(columns);
    }
}
