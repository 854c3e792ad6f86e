package org.personaworkbench.engine.profile;

import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;

import java.util.List;

/**
 * Summary of one column: missing count and share, distinct count; for numbers min/max/mean/median and a
 * histogram; for dates min/max as ISO text; for text the most frequent values. Absent figures are null.
 */
public record ColumnProfile(String name, ColumnType type, ColumnRole role, long missing, double missingShare,
                            long distinct, Double min, Double max, Double mean, Double median,
                            String minText, String maxText, List<ValueCount> topValues, Histogram histogram) {
    public ColumnProfile {
        topValues = topValues == null ? List.of() : List.copyOf(topValues);
    }
}
