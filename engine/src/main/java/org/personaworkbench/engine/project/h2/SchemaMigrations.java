package org.personaworkbench.engine.project.h2;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Creates and upgrades a project's schema with the versioned Flyway migrations in
 * {@code classpath:db/migration}, after checking that the file is one of our projects and was not
 * written by a newer Persona Workbench (Flyway alone would just ignore such "future" migrations).
 */
final class SchemaMigrations {

    static final String LOCATION = "classpath:db/migration";
    static final String FORMAT_KEY = "format";
    static final String FORMAT_VALUE = "persona-workbench-project";

    private final Path file;
    private final Flyway flyway;

    SchemaMigrations(Path file, ConnectionFactory connections) {
        this(file, connections, null);
    }

    /** Migrations up to {@code target} only (tests use this to make files of an older version). */
    SchemaMigrations(Path file, ConnectionFactory connections, String target) {
        this.file = file;
        var configuration = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(connections)
                .locations(LOCATION)
                .failOnMissingLocations(true);
        if (target != null) {
            configuration = configuration.target(target);
        }
        this.flyway = configuration.load();
    }

    /** Refuses files that are not projects, then refuses newer files, then migrates. */
    void checkAndMigrate(Connection connection) {
        requireProject(connection);
        refuseNewer();
        migrate();
    }

    /** Applies pending migrations (a new, empty file gets the whole schema). */
    void migrate() {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new EngineException("Could not upgrade the project " + file + " to this version of Persona "
                    + "Workbench: " + e.getMessage().lines().findFirst().orElse("") + ". The file was not "
                    + "changed beyond the last completed step; open a backup copy if you have one.", e);
        }
    }

    private void refuseNewer() {
        MigrationVersion newestKnown = null;
        MigrationVersion newestApplied = null;
        MigrationInfo[] all;
        try {
            all = flyway.info().all();
        } catch (FlywayException e) {
            throw new EngineException("Could not read the schema version of the project " + file + ": "
                    + e.getMessage().lines().findFirst().orElse("") + ".", e);
        }
        for (MigrationInfo info : all) {
            if (!info.isVersioned() || info.getVersion() == null) {
                continue;
            }
            MigrationState state = info.getState();
            if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                newestApplied = max(newestApplied, info.getVersion());
            } else if (state.isResolved()) {
                newestKnown = max(newestKnown, info.getVersion());
            }
        }
        if (newestApplied != null) {
            throw new EngineException("The project " + file + " was written by a newer Persona Workbench "
                    + "(schema version " + newestApplied + "; this version reads up to "
                    + (newestKnown == null ? "none" : newestKnown) + "). Update Persona Workbench to open it.",
                    "Flyway schema history holds version " + newestApplied + "; newest migration shipped: "
                            + newestKnown);
        }
    }

    private static MigrationVersion max(MigrationVersion a, MigrationVersion b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private void requireProject(Connection connection) {
        try {
            if (!hasTable(connection, "PROJECT_INFO")) {
                throw notAProject(null);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT INFO_VALUE FROM PROJECT_INFO WHERE INFO_KEY = ?")) {
                statement.setString(1, FORMAT_KEY);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || !FORMAT_VALUE.equals(rows.getString(1))) {
                        throw notAProject(null);
                    }
                }
            }
        } catch (SQLException e) {
            throw notAProject(e);
        }
    }

    private EngineException notAProject(SQLException cause) {
        String message = "The file " + file + " is an H2 database but not a Persona Workbench project. "
                + "Choose a project file, or create a new project.";
        return cause == null ? new EngineException(message) : new EngineException(message, cause);
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
