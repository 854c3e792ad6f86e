package org.personaworkbench.engine.profile;

import java.util.List;

/** The data profile of one dataset: its row count and one {@link ColumnProfile} per column. */
public record DatasetProfile(String dataset, long rows, List<ColumnProfile> columns) {
    public DatasetProfile {
        columns = List.copyOf(columns);
    }
}
