package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.FeatureSetRecipe;
import org.personaworkbench.engine.project.ImportLogEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes the metadata tables (DATASETS, DATASET_COLUMNS, IMPORT_LOG) on a connection the
 * caller owns; the caller decides about transactions.
 */
final class Metadata {

    private static final String SELECT_DATASETS = """
            SELECT D.ID, D.NAME, D.TABLE_NAME, D.ROW_COUNT, D.CREATED_AT,
                   C.ORDINAL, C.NAME, C.SQL_NAME, C.COLUMN_TYPE, C.COLUMN_ROLE
            FROM DATASETS D LEFT JOIN DATASET_COLUMNS C ON C.DATASET_ID = D.ID
            """;

    List<StoredDataset> datasets(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT_DATASETS + " ORDER BY D.NAME_KEY, D.NAME, D.ID, C.ORDINAL")) {
            return readDatasets(statement);
        }
    }

    Optional<StoredDataset> find(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT_DATASETS + " WHERE D.NAME_KEY = ? ORDER BY C.ORDINAL")) {
            statement.setString(1, SqlNames.nameKey(name.strip()));
            return readDatasets(statement).stream().findFirst();
        }
    }

    private static List<StoredDataset> readDatasets(PreparedStatement statement) throws SQLException {
        Map<Long, Builder> byId = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                Builder builder = byId.get(id);
                if (builder == null) {
                    builder = new Builder(id, rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getObject(5, OffsetDateTime.class).toInstant());
                    byId.put(id, builder);
                }
                if (rows.getObject(6) != null) {
                    builder.columns.add(new DatasetColumn(rows.getString(7),
                            ColumnType.valueOf(rows.getString(9)), ColumnRole.valueOf(rows.getString(10))));
                    builder.sqlColumns.add(rows.getString(8));
                }
            }
        }
        return byId.values().stream().map(Builder::build).toList();
    }

    /** Inserts a dataset and its columns; returns the new id. */
    long insertDataset(Connection connection, String name, String tableName, long rows, Instant createdAt,
                       List<DatasetColumn> columns) throws SQLException {
        long id;
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DATASETS (NAME, NAME_KEY, TABLE_NAME, ROW_COUNT, CREATED_AT) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, name);
            statement.setString(2, SqlNames.nameKey(name));
            statement.setString(3, tableName);
            statement.setLong(4, rows);
            statement.setObject(5, utc(createdAt));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO DATASET_COLUMNS (DATASET_ID, ORDINAL, NAME, SQL_NAME, COLUMN_TYPE, COLUMN_ROLE) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < columns.size(); i++) {
                DatasetColumn column = columns.get(i);
                statement.setLong(1, id);
                statement.setInt(2, i + 1);
                statement.setString(3, column.name());
                statement.setString(4, SqlNames.column(i));
                statement.setString(5, column.type().name());
                statement.setString(6, column.role().name());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return id;
    }

    void deleteDataset(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM DATASETS WHERE ID = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    /** Registers the dataset {@code datasetId} as a feature set; runs in the caller's transaction. */
    void insertFeatureSet(Connection connection, String name, long datasetId, FeatureSetRecipe recipe,
                          java.time.Instant createdAt, long rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO FEATURE_SETS (NAME, NAME_KEY, DATASET_ID, SOURCE_DATASET, KIND, RECIPE_JSON, "
                        + "CREATED_AT, ROW_COUNT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, name);
            statement.setString(2, SqlNames.nameKey(name));
            statement.setLong(3, datasetId);
            statement.setString(4, recipe.sourceDataset());
            statement.setString(5, recipe.kind());
            statement.setString(6, recipe.recipeJson());
            statement.setObject(7, createdAt.atOffset(java.time.ZoneOffset.UTC));
            statement.setLong(8, rows);
            statement.executeUpdate();
        }
    }

    void insertLog(Connection connection, ImportLogEntry entry) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO IMPORT_LOG (DATASET, SOURCE_PATH, SHA256, IMPORTED_AT, ROWS_READ, ROWS_REJECTED, "
                        + "REJECT_SUMMARY) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, entry.dataset());
            statement.setString(2, entry.sourcePath());
            statement.setString(3, entry.sha256());
            statement.setObject(4, utc(entry.importedAt()));
            statement.setLong(5, entry.rowsRead());
            statement.setLong(6, entry.rowsRejected());
            statement.setString(7, entry.rejectSummary());
            statement.executeUpdate();
        }
    }

    List<ImportLogEntry> importLog(Connection connection) throws SQLException {
        List<ImportLogEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DATASET, SOURCE_PATH, SHA256, IMPORTED_AT, ROWS_READ, ROWS_REJECTED, REJECT_SUMMARY "
                        + "FROM IMPORT_LOG ORDER BY IMPORTED_AT DESC, ID DESC");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                entries.add(new ImportLogEntry(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getLong(5), rows.getLong(6),
                        rows.getString(7)));
            }
        }
        return entries;
    }

    /** Names of committed data tables. */
    Set<String> dataTables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME FROM DATASETS")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Allocates the number for a new staging/data table pair. */
    long nextTableNumber(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("VALUES NEXT VALUE FOR DATA_TABLE_SEQ")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant == null ? Instant.now() : instant, ZoneOffset.UTC);
    }

    private static final class Builder {
        final long id;
        final String name;
        final String tableName;
        final long rows;
        final Instant createdAt;
        final List<DatasetColumn> columns = new ArrayList<>();
        final List<String> sqlColumns = new ArrayList<>();

        Builder(long id, String name, String tableName, long rows, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.tableName = tableName;
            this.rows = rows;
            this.createdAt = createdAt;
        }

        StoredDataset build() {
            return new StoredDataset(id, tableName, new DatasetInfo(name, rows, columns, createdAt), sqlColumns);
        }
    }
}
