package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.profile.Profiler;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The {@link Engine} backed by the real engine services. */
public final class RealEngine implements Engine {

    /** H2 writes this header at the start of an AES-encrypted file. */
    private static final byte[] H2_ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    private final ProjectService projects = new ProjectService();
    private final CsvInspector inspector = new CsvInspector();
    private final CsvImporter importer = new CsvImporter();
    private final Profiler profiler = new Profiler();

    @Override
    public Project createProject(Path file, ProjectOptions options) {
        return projects.create(file, options);
    }

    @Override
    public Project openProject(Path file, ProjectOptions options) {
        return projects.open(file, options);
    }

    @Override
    public boolean isEncrypted(Path file) {
        Path normalized = ProjectService.normalize(file);
        try (InputStream in = Files.newInputStream(normalized)) {
            byte[] head = in.readNBytes(H2_ENCRYPTED_HEADER.length);
            return Arrays.equals(head, H2_ENCRYPTED_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public CsvPreview inspect(Path file, FormatOverrides overrides) {
        return inspector.inspect(file, overrides);
    }

    @Override
    public ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                                   CancellationToken cancel) {
        return importer.importFile(project, file, options, progress, cancel);
    }

    @Override
    public DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel) {
        return profiler.profile(project, dataset, progress, cancel);
    }
}
