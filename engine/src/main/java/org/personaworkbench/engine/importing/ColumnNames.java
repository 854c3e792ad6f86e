package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns header cells into column names: trims them, names blank or missing cells {@code column_3} (by
 * 1-based position) instead of failing, and refuses duplicate names, ignoring case, because a dataset
 * cannot hold two columns that people (and SQL) cannot tell apart.
 */
final class ColumnNames {

    private ColumnNames() {
    }

    /** {@code column_1 … column_n} for files without a header. */
    static List<String> generated(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    /**
     * @param file  named in the message about duplicates
     * @param cells the header record's cells (may be fewer than {@code width})
     * @throws EngineException naming the duplicate names and their positions
     */
    static List<String> fromHeader(Path file, List<String> cells, int width) {
        List<String> given = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String cell = i < cells.size() ? cells.get(i).strip() : "";
            given.add(cell.startsWith("\uFEFF") ? cell.substring(1).strip() : cell);
        }
        requireUnique(file, given);
        Set<String> taken = new HashSet<>();
        given.forEach(n -> taken.add(n.toLowerCase(Locale.ROOT)));
        List<String> names = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String name = given.get(i);
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
                String base = name;
                for (int k = 2; taken.contains(name.toLowerCase(Locale.ROOT)); k++) {
                    name = base + "_" + k;
                }
                taken.add(name.toLowerCase(Locale.ROOT));
            }
            names.add(name);
        }
        return names;
    }

    /** Throws when two non-blank names are equal ignoring case. */
    static void requireUnique(Path file, List<String> names) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!name.isBlank()) {
                positions.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
            }
        }
        List<String> clashes = positions.values().stream()
                .filter(p -> p.size() > 1)
                .map(p -> p.stream().map(i -> "'" + names.get(i) + "' (column " + (i + 1) + ")")
                        .collect(Collectors.joining(" and ")))
                .toList();
        if (!clashes.isEmpty()) {
            throw new EngineException("The file " + file + " has duplicate column names (case is ignored): "
                    + String.join("; ", clashes) + ". Rename the columns in the file or in the import settings "
                    + "so that every name is different.");
        }
    }
}
