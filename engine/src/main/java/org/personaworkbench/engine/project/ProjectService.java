package org.personaworkbench.engine.project;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.h2.H2ProjectStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and opens project files. A project is one H2 file whose schema is created and upgraded by
 * versioned Flyway migrations; a file from a newer Persona Workbench is refused with a clear message.
 *
 * <p>A project file is open in at most one place: another process is kept out by H2's file lock, and a
 * second open in this process is refused too. Opening also removes what an interrupted import left behind.
 * Thread-safe; one instance per application is enough.
 */
public final class ProjectService {

    private final H2ProjectStore store = new H2ProjectStore();

    /**
     * Files this service has open. H2 locks a file against other processes, but inside one JVM a second
     * open would silently share the database; refusing it keeps "one window per project" true here too.
     */
    private final Set<Path> openFiles = ConcurrentHashMap.newKeySet();

    /** The file extension H2 gives a project file. */
    public static final String EXTENSION = ".mv.db";

    /** Adds {@code .mv.db} when missing: {@code retail} and {@code retail.mv.db} name the same project. */
    public static Path normalize(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(EXTENSION) ? path : path.resolveSibling(name + EXTENSION);
    }

    /**
     * True when the project file exists and is encrypted, so a UI can ask for the password before opening.
     * Reads only the file's first bytes.
     */
    public boolean isEncrypted(Path path) {
        return store.isEncrypted(normalize(path));
    }

    /**
     * @throws org.personaworkbench.engine.common.EngineException when the file exists or cannot be written
     */
    public Project create(Path path, ProjectOptions options) {
        Path file = normalize(path.toAbsolutePath().normalize());
        Path key = claim(file);
        try {
            return store.create(file, options(options), () -> openFiles.remove(key));
        } catch (RuntimeException e) {
            openFiles.remove(key);
            throw e;
        }
    }

    /**
     * @throws org.personaworkbench.engine.common.EngineException when the file is missing, not a project,
     *         locked by another program, encrypted and the password is wrong or missing, or newer
     */
    public Project open(Path path, ProjectOptions options) {
        Path file = normalize(path.toAbsolutePath().normalize());
        Path key = claim(file);
        try {
            return store.open(file, options(options), () -> openFiles.remove(key));
        } catch (RuntimeException e) {
            openFiles.remove(key);
            throw e;
        }
    }

    private Path claim(Path file) {
        Path key = identity(file);
        if (!openFiles.add(key)) {
            throw new EngineException("The project " + file + " is open in another Persona Workbench window or "
                    + "process. Close it there, then try again.", "already open in this JVM");
        }
        return key;
    }

    /** The real path when the file exists (so links and different spellings meet), else the absolute one. */
    private static Path identity(Path file) {
        try {
            return Files.exists(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }

    private static ProjectOptions options(ProjectOptions options) {
        return Objects.requireNonNullElseGet(options, ProjectOptions::plain);
    }
}
