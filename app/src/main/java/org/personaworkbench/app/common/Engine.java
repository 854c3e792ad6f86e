package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;

import java.nio.file.Path;

/**
 * The engine services the desktop app calls, in one place so view models can be tested with a fake.
 * Every method may block and is only called from background work. {@link RealEngine} delegates to
 * the engine classes.
 */
public interface Engine {

    Project createProject(Path file, ProjectOptions options);

    Project openProject(Path file, ProjectOptions options);

    /** True when the file is a password-protected project (so a failed open should ask for one). */
    boolean isEncrypted(Path file);

    CsvPreview inspect(Path file, FormatOverrides overrides);

    ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                            CancellationToken cancel);

    DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel);
}
