package org.personaworkbench.engine.project.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops tables an interrupted import or delete left behind: every {@code STAGING_} table, and every
 * {@code DS_} table no dataset points at. Run when a project is opened, before anyone can write to it,
 * so the project shows exactly the state before the interrupted work.
 */
final class LeftoverTables {

    private LeftoverTables() {
    }

    /** Returns the names of the tables dropped. */
    static List<String> drop(Connection connection) throws SQLException {
        Set<String> referenced = new Metadata().dataTables(connection);
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                String table = rows.getString(1);
                boolean staging = table.startsWith(SqlNames.STAGING_PREFIX);
                boolean orphan = table.startsWith(SqlNames.DATA_PREFIX) && !referenced.contains(table);
                if (staging || orphan) {
                    leftovers.add(table);
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : leftovers) {
                statement.execute("DROP TABLE IF EXISTS " + SqlNames.quote(table));
            }
        }
        return leftovers;
    }
}
