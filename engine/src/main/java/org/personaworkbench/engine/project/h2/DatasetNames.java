package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.DatasetColumn;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules for dataset and column names, with the messages people see when a name breaks them. */
final class DatasetNames {

    /** Longest dataset name, in characters. */
    static final int MAX_LENGTH = 100;

    private DatasetNames() {
    }

    /** Returns the name without surrounding spaces, or throws when it cannot be used. */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new EngineException("A dataset needs a name. Type a name for the dataset.");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new EngineException("The dataset name '" + stripped.substring(0, 40) + "…' is "
                    + stripped.length() + " characters long; use at most " + MAX_LENGTH + ".");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new EngineException("The dataset name '" + stripped.replaceAll("\\p{Cntrl}", "?")
                    + "' contains a line break or another control character. Type the name on one line.");
        }
        return stripped;
    }

    /** Columns must be present, named, and unique ignoring case. */
    static void checkColumns(String dataset, List<DatasetColumn> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new EngineException("The dataset '" + dataset + "' needs at least one column.");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            DatasetColumn column = columns.get(i);
            if (column == null || column.name().isBlank()) {
                throw new EngineException("Column " + (i + 1) + " of dataset '" + dataset + "' has no name. "
                        + "Give every column a name.");
            }
            String previous = seen.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column.name());
            if (previous != null) {
                throw new EngineException("The dataset '" + dataset + "' has two columns named '" + previous
                        + "'" + (previous.equals(column.name()) ? "" : " and '" + column.name() + "'")
                        + ". Column names must differ (ignoring case); rename one of them.");
            }
        }
    }

    static EngineException alreadyExists(String name) {
        return new EngineException("A dataset named '" + name + "' already exists in this project. "
                + "Choose another name or delete the old one.");
    }

    static EngineException missing(String name, Path file) {
        return new EngineException("There is no dataset named '" + name + "' in the project " + file
                + ". It may have been deleted; refresh the dataset list.");
    }
}
