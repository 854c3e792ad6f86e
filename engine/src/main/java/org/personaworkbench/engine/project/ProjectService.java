package org.personaworkbench.engine.project;

import java.nio.file.Path;

/**
 * Creates and opens project files. A project is one H2 file whose schema is created and upgraded by
 * versioned Flyway migrations; a file from a newer Persona Workbench is refused with a clear message.
 */
public final class ProjectService {

    /** The file extension H2 gives a project file. */
    public static final String EXTENSION = ".mv.db";

    /** Adds {@code .mv.db} when missing: {@code retail} and {@code retail.mv.db} name the same project. */
    public static Path normalize(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(EXTENSION) ? path : path.resolveSibling(name + EXTENSION);
    }

    /**
     * @throws org.personaworkbench.engine.common.EngineException when the file exists or cannot be written
     */
    public Project create(Path path, ProjectOptions options) {
        throw new UnsupportedOperationException("to be implemented");
    }

    /**
     * @throws org.personaworkbench.engine.common.EngineException when the file is missing, not a project,
     *         locked by another program, encrypted and the password is wrong or missing, or newer
     */
    public Project open(Path path, ProjectOptions options) {
        throw new UnsupportedOperationException("to be implemented");
    }
}
