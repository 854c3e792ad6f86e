package org.personaworkbench.engine.project;

import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Small datasets and raw-file helpers shared by the project tests. */
public final class TestData {

    private TestData() {
    }

    public static List<DatasetColumn> orderColumns() {
        return List.of(
                new DatasetColumn("customer id", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("amount", ColumnType.DECIMAL, ColumnRole.AMOUNT),
                new DatasetColumn("items", ColumnType.INTEGER, ColumnRole.QUANTITY));
    }

    /** Writes {@code rows} order rows and commits them as {@code name}. */
    public static DatasetInfo writeOrders(Project project, String name, int rows) {
        try (DatasetWriter writer = project.newDataset(name, orderColumns())) {
            Object[] row = new Object[3];
            for (int i = 0; i < rows; i++) {
                row[0] = "C" + i;
                row[1] = i * 1.5;
                row[2] = (long) i;
                writer.append(row);
            }
            return writer.commit(logEntry(name, rows));
        }
    }

    public static ImportLogEntry logEntry(String name, long rows) {
        return new ImportLogEntry(name, "/data/" + name + ".csv", "ab".repeat(32), Instant.now(), rows, 0, null);
    }

    /** A synthetic 8-column row: the shape the import benchmark and the crash test write. */
    public static List<DatasetColumn> wideColumns() {
        return List.of(
                new DatasetColumn("order id", ColumnType.INTEGER, ColumnRole.NONE),
                new DatasetColumn("customer", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("price", ColumnType.DECIMAL, ColumnRole.PRICE),
                new DatasetColumn("order date", ColumnType.DATE, ColumnRole.NONE),
                new DatasetColumn("ordered at", ColumnType.DATETIME, ColumnRole.TIMESTAMP),
                new DatasetColumn("returned", ColumnType.BOOLEAN, ColumnRole.OUTCOME),
                new DatasetColumn("category", ColumnType.TEXT, ColumnRole.CATEGORY),
                new DatasetColumn("amount", ColumnType.DECIMAL, ColumnRole.AMOUNT));
    }

    private static final List<String> CATEGORIES = List.of("Books", "Garden", "Toys", "Electronics", "Food");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDateTime FIRST_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** Fills {@code row} with synthetic row {@code i} of {@link #wideColumns()}. */
    public static void fillWideRow(Object[] row, long i) {
        row[0] = i;
        row[1] = "C" + (i % 50_000);
        row[2] = (i % 1000) * 1.25;
        row[3] = FIRST_DAY.plusDays(i % 700);
        row[4] = FIRST_TIME.plusMinutes(i);
        row[5] = (i & 1) == 0;
        row[6] = CATEGORIES.get((int) (i % CATEGORIES.size()));
        row[7] = i * 0.5;
    }

    /** Opens the plain project file directly with JDBC (bypassing the engine) to inspect its tables. */
    public static Connection rawConnection(Path file) throws SQLException {
        String name = file.toAbsolutePath().toString();
        String base = name.substring(0, name.length() - ProjectService.EXTENSION.length());
        Properties properties = new Properties();
        properties.put("user", "PWB");
        properties.put("password", "");
        return DriverManager.getConnection("jdbc:h2:file:" + base + ";IFEXISTS=TRUE", properties);
    }

    /** The table names in the project's PUBLIC schema, read with a raw connection. */
    public static List<String> tables(Path file) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = rawConnection(file);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                             + "ORDER BY TABLE_NAME")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Only tables holding rows (staging or data), leaving out the metadata tables. */
    public static List<String> rowTables(Path file) throws SQLException {
        return tables(file).stream().filter(t -> t.startsWith("DS_") || t.startsWith("STAGING_")).toList();
    }
}
