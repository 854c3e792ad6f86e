package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes named JSON documents in the DOCUMENTS table (migration V7) on a connection the caller owns: one
 * document per kind and name (ignoring case), replaced with a MERGE.
 */
final class DocumentStore {

    /** The documents of a kind by saved name, in name order (ignoring case). */
    Map<String, String> all(Connection connection, String kind) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT NAME, DOC FROM DOCUMENTS WHERE KIND = ? ORDER BY NAME_KEY")) {
            statement.setString(1, kind);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return out;
    }

    Optional<String> find(Connection connection, String kind, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DOC FROM DOCUMENTS WHERE KIND = ? AND NAME_KEY = ?")) {
            statement.setString(1, kind);
            statement.setString(2, SqlNames.nameKey(name.strip()));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** Inserts or replaces a document; the name keeps the case it is saved with. */
    void save(Connection connection, String kind, String name, String json, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO DOCUMENTS (KIND, NAME_KEY, NAME, DOC, UPDATED_AT) KEY (KIND, NAME_KEY) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, kind);
            statement.setString(2, SqlNames.nameKey(name));
            statement.setString(3, name);
            statement.setString(4, json);
            statement.setObject(5, Metadata.utc(now));
            statement.executeUpdate();
        }
    }

    /** Deletes one document; returns whether it existed. */
    boolean delete(Connection connection, String kind, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM DOCUMENTS WHERE KIND = ? AND NAME_KEY = ?")) {
            statement.setString(1, kind);
            statement.setString(2, SqlNames.nameKey(name.strip()));
            return statement.executeUpdate() > 0;
        }
    }

    /** A document name: one line of 1 to 100 characters, stripped. */
    static String check(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new EngineException("A saved " + kind + " needs a name.");
        }
        String stripped = name.strip();
        if (stripped.length() > 100 || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new EngineException("The " + kind + " name must be one line of at most 100 characters.");
        }
        return stripped;
    }
}
