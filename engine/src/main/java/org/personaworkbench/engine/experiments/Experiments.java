package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** The saved experiment with this name, ignoring case. */
    public static Optional<ExperimentDefinition> saved(Project project, String name) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** Saves (or replaces, by name ignoring case) a definition after checking its columns exist. */
    public static ExperimentDefinition save(Project project, ExperimentDefinition definition) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** Deletes a saved experiment; false when there was none. */
    public static boolean delete(Project project, String name) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

    /** The distinct values of a dataset column in order of first appearance (at most 50), to pick the control. */
    public static List<String> variants(Project project, String dataset, String column, CancellationToken cancel) {
        throw new UnsupportedOperationException("CONTRACT: issue 6 engine");
    }

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
