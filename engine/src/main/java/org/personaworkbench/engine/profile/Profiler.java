package org.personaworkbench.engine.profile;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;

/** Computes a {@link DatasetProfile} with SQL inside the project database, one column at a time. */
public final class Profiler {

    /** Bins in a numeric histogram. */
    public static final int BINS = 20;

    /** Most frequent values kept for text columns. */
    public static final int TOP_VALUES = 10;

    public DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
