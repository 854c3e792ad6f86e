package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.DatasetInfo;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Experiments of a project: saving and listing their definitions (JSON documents of kind {@value #KIND}),
 * reading their rows from a project dataset or a CSV file (joining personas or a rule segment by customer id for
 * the breakdown) and reading them out with {@link AbTest}.
 */
public final class Experiments {

    /** The project document kind of saved experiment definitions. */
    public static final String KIND = "experiment";

    private Experiments() {
    }

    /** Saved experiments in name order. */
    public static List<ExperimentDefinition> saved(Project project) {
        List<ExperimentDefinition> out = new ArrayList<>();
        project.documents(KIND).forEach((name, json) -> out.add(DefinitionJson.read(json).withName(name)));
        return out;
    }

    /** The saved experiment with this name, ignoring case. */
    public static Optional<ExperimentDefinition> saved(Project project, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return project.document(KIND, name).map(DefinitionJson::read);
    }

    /**
     * Saves (or replaces, by name ignoring case) a definition after checking its columns exist.
     *
     * @return the definition as saved: column names spelled as in the dataset
     * @throws EngineException when the name is empty, the dataset or a named column is missing, or the
     *                         breakdown names a run or rule the project does not have
     */
    public static ExperimentDefinition save(Project project, ExperimentDefinition definition) {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new EngineException("Give the experiment a name.");
        }
        ExperimentDefinition checked = ExperimentChecks.check(project, definition.withName(definition.name().strip()));
        project.saveDocument(KIND, checked.name(), DefinitionJson.write(checked));
        return checked;
    }

    /** Deletes a saved experiment; false when there was none. */
    public static boolean delete(Project project, String name) {
        return name != null && !name.isBlank() && project.deleteDocument(KIND, name.strip());
    }

    /** The distinct values of a dataset column in order of first appearance (at most 50), to pick the control. */
    public static List<String> variants(Project project, String dataset, String column, CancellationToken cancel) {
        DatasetInfo info = ExperimentChecks.dataset(project, dataset);
        int index = ExperimentChecks.column(info, column, "variant column");
        return project.query(info.name(), (connection, table, quoted) -> {
            Set<String> seen = new LinkedHashSet<>();
            try (Statement lazy = connection.createStatement()) {
                lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            try (PreparedStatement st = connection.prepareStatement("SELECT " + quoted.get(index) + " FROM "
                    + table, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(10_000);
                try (ResultSet rows = st.executeQuery()) {
                    long n = 0;
                    while (rows.next() && seen.size() < MAX_VARIANTS) {
                        if ((++n & 0x3FFF) == 0) {
                            cancel.throwIfCancelled();
                        }
                        String v = DatasetRows.text(rows, 1);
                        if (!v.isEmpty()) {
                            seen.add(v);
                        }
                    }
                }
            }
            return List.copyOf(seen);
        });
    }

    /** At most this many distinct values are offered as variants. */
    public static final int MAX_VARIANTS = 50;

    /** Reads the definition's dataset of {@code project} and reads the test out. */
    public static ExperimentReadout analyse(Project project, ExperimentDefinition definition, Progress progress,
                                            CancellationToken cancel) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /**
     * Reads a CSV file (the definition's {@code dataset} is ignored) and reads the test out; {@code project} (may be
     * null) is only used to join personas or a rule segment.
     */
    public static ExperimentReadout analyseFile(Path csv, ExperimentDefinition definition, Project project,
                                                Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }
}
