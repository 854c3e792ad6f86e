package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and opens H2-backed projects for {@link org.personaworkbench.engine.project.ProjectService};
 * it checks the file before H2 sees it, maps H2's failures to messages for people, runs the schema
 * migrations and removes leftovers of an interrupted import.
 */
public final class H2ProjectStore {

    /**
     * Creates a new project at {@code file} (ending in {@code .mv.db}), which must not exist.
     *
     * @param onClose run once when the returned project is closed
     */
    /**
     * True when the file starts like an H2 file encrypted with a password; false for anything else,
     * including a file that cannot be read (opening it then says why).
     */
    public boolean isEncrypted(Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file) && ProjectFileKind.of(file) == ProjectFileKind.ENCRYPTED;
        } catch (org.personaworkbench.engine.common.EngineException unreadable) {
            return false;
        }
    }

    public Project create(Path file, ProjectOptions options, Runnable onClose) {
        if (Files.exists(file)) {
            throw new EngineException("A file already exists at " + file + ". Choose another name, or open the "
                    + "existing project instead.");
        }
        createFolder(file);
        ConnectionFactory connections = ConnectionFactory.forFile(file, options.password(), false);
        Connection main = null;
        try {
            main = connections.open();
            new SchemaMigrations(file, connections).migrate();
            return new H2Project(file, connections, main, onClose);
        } catch (SQLException e) {
            throw deleteHalfCreated(file, failed(connections, main, SqlErrors.opening(file, e)));
        } catch (RuntimeException e) {
            throw deleteHalfCreated(file, failed(connections, main, e));
        }
    }

    private static RuntimeException deleteHalfCreated(Path file, RuntimeException error) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            error.addSuppressed(e);
        }
        return error;
    }

    /**
     * Opens the existing project at {@code file}, migrating an older schema.
     *
     * @param onClose run once when the returned project is closed
     */
    public Project open(Path file, ProjectOptions options, Runnable onClose) {
        if (!Files.exists(file)) {
            throw new EngineException("The project file " + file + " does not exist. Check the name and folder, "
                    + "or create a new project.");
        }
        if (!Files.isRegularFile(file)) {
            throw new EngineException("The project path " + file + " is a folder, not a project file. Choose "
                    + "the .mv.db file inside it.");
        }
        ProjectFileKind kind = ProjectFileKind.of(file);
        if (kind == ProjectFileKind.NOT_H2) {
            throw new EngineException("The file " + file + " is not a Persona Workbench project (it is not an "
                    + "H2 database file). Choose a project file ending in .mv.db.");
        }
        if (kind == ProjectFileKind.ENCRYPTED && !options.encrypted()) {
            throw SqlErrors.encrypted(file, null);
        }
        // A password given for a plain file is not needed: open it as it is.
        char[] password = kind == ProjectFileKind.ENCRYPTED ? options.password() : null;
        ConnectionFactory connections = ConnectionFactory.forFile(file, password, true);
        Connection main = null;
        try {
            main = connections.open();
            refuseIfOpenElsewhereInThisProcess(file, main);
            new SchemaMigrations(file, connections).checkAndMigrate(main);
            LeftoverTables.drop(main);
            return new H2Project(file, connections, main, onClose);
        } catch (SQLException e) {
            throw failed(connections, main, SqlErrors.opening(file, e));
        } catch (RuntimeException e) {
            throw failed(connections, main, e);
        }
    }

    /**
     * H2's file lock keeps other processes out, but inside one JVM a second open silently shares the
     * database; then dropping "leftover" staging tables would destroy another window's running import.
     */
    private static void refuseIfOpenElsewhereInThisProcess(Path file, Connection main) throws SQLException {
        try (Statement statement = main.createStatement();
             ResultSet sessions = statement.executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()")) {
            sessions.next();
            if (sessions.getLong(1) > 0) {
                throw new EngineException("The project " + file + " is open in another Persona Workbench window "
                        + "or process. Close it there, then try again.", "another connection in this JVM");
            }
        }
    }

    private static RuntimeException failed(ConnectionFactory connections, Connection main, RuntimeException error) {
        if (main != null) {
            try {
                main.close();
            } catch (SQLException e) {
                error.addSuppressed(e);
            }
        }
        connections.clear();
        return error;
    }

    private static void createFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EngineException("Could not create the folder " + folder + " for the new project: "
                    + e.getMessage() + ". Choose a folder you may write to.", e);
        }
    }
}
