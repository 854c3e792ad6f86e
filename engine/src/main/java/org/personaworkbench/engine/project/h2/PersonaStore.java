package org.personaworkbench.engine.project.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes persona documents in the PERSONAS table (migration V6) on a connection the caller owns: one JSON
 * document per run (by name, ignoring case) and segment, replaced with a MERGE.
 */
final class PersonaStore {

    /** The documents of a run by segment number, ascending. */
    Map<Integer, String> documents(Connection connection, String run) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT SEGMENT, DOC FROM PERSONAS WHERE RUN_KEY = ? ORDER BY SEGMENT")) {
            statement.setString(1, SqlNames.nameKey(run.strip()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return out;
    }

    /** Inserts or replaces the document of one segment; {@code runName} is the run's name as saved. */
    void save(Connection connection, String runName, int segment, String json, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO PERSONAS (RUN_KEY, RUN_NAME, SEGMENT, DOC, UPDATED_AT) KEY (RUN_KEY, SEGMENT) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, SqlNames.nameKey(runName));
            statement.setString(2, runName);
            statement.setInt(3, segment);
            statement.setString(4, json);
            statement.setObject(5, Metadata.utc(now));
            statement.executeUpdate();
        }
    }

    /** Deletes every document of a run; returns how many. */
    int delete(Connection connection, String run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM PERSONAS WHERE RUN_KEY = ?")) {
            statement.setString(1, SqlNames.nameKey(run.strip()));
            return statement.executeUpdate();
        }
    }
}
