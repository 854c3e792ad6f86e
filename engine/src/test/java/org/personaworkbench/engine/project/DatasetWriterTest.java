package org.personaworkbench.engine.project;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetWriterTest {

    @TempDir
    Path folder;

    private final ProjectService service = new ProjectService();
    private Project project;

    @BeforeEach
    void createProject() {
        project = service.create(folder.resolve("retail"), ProjectOptions.plain());
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    @Test
    void committedDatasetIsListedWithItsColumnsRowsAndImportLogEntry() {
        Instant importedAt = Instant.parse("2025-03-01T09:30:00Z");
        DatasetInfo info;
        try (DatasetWriter writer = project.newDataset("Orders", TestData.orderColumns())) {
            writer.append(new Object[] {"C1", 10.5, 2L});
            writer.append(new Object[] {"C2", null, null});
            assertEquals(2, writer.rowCount());
            info = writer.commit(new ImportLogEntry("Orders", "/in/orders.csv", "ab".repeat(32), importedAt, 3, 1,
                    "line 4: 'x' is not a number"));
        }
        assertEquals(new DatasetInfo("Orders", 2, TestData.orderColumns(), info.createdAt()), info);
        assertEquals(List.of(info), project.datasets());
        assertEquals(List.of(new ImportLogEntry("Orders", "/in/orders.csv", "ab".repeat(32), importedAt, 3, 1,
                "line 4: 'x' is not a number")), project.importLog());
    }

    @Test
    void valuesOfEveryTypeAreStoredTyped() {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("n", ColumnType.INTEGER, ColumnRole.NONE),
                new DatasetColumn("x", ColumnType.DECIMAL, ColumnRole.NONE),
                new DatasetColumn("b", ColumnType.BOOLEAN, ColumnRole.NONE),
                new DatasetColumn("d", ColumnType.DATE, ColumnRole.NONE),
                new DatasetColumn("t", ColumnType.DATETIME, ColumnRole.NONE),
                new DatasetColumn("s", ColumnType.TEXT, ColumnRole.NONE));
        Object[] full = {Long.MAX_VALUE, -0.125, true, LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000_000), "naïve \"quoted\" 日本"};
        Object[] empty = new Object[6];
        try (DatasetWriter writer = project.newDataset("Types", columns)) {
            writer.append(full);
            writer.append(empty);
            writer.commit(TestData.logEntry("Types", 2));
        }
        List<List<Object>> rows = project.query("Types", (connection, table, quoted) -> {
            List<List<Object>> result = new ArrayList<>();
            try (ResultSet set = connection.createStatement().executeQuery(
                    "SELECT " + String.join(", ", quoted) + " FROM " + table + " ORDER BY _ROWID_")) {
                while (set.next()) {
                    result.add(Arrays.asList(set.getObject(1, Long.class), set.getObject(2, Double.class),
                            set.getObject(3, Boolean.class), set.getObject(4, LocalDate.class),
                            set.getObject(5, LocalDateTime.class), set.getObject(6, String.class)));
                }
            }
            assertEquals("BIGINT", typeOf(connection, table, 1));
            assertEquals("DOUBLE PRECISION", typeOf(connection, table, 2));
            assertEquals("TIMESTAMP", typeOf(connection, table, 5));
            assertEquals("CHARACTER VARYING", typeOf(connection, table, 6));
            return result;
        });
        assertEquals(List.of(Arrays.asList(full), Arrays.asList(empty)), rows);
    }

    private static String typeOf(Connection connection, String quotedTable, int ordinal) throws java.sql.SQLException {
        try (ResultSet set = connection.createStatement().executeQuery("SELECT * FROM " + quotedTable + " LIMIT 0")) {
            return set.getMetaData().getColumnTypeName(ordinal);
        }
    }

    @Test
    void analystColumnNamesAreKeptExactlyWhateverTheyContain() {
        List<DatasetColumn> columns = List.of(
                new DatasetColumn("Customer ID", ColumnType.TEXT, ColumnRole.CUSTOMER_ID),
                new DatasetColumn("amount \"£\"; DROP TABLE DATASETS; --", ColumnType.DECIMAL, ColumnRole.AMOUNT),
                new DatasetColumn("日付 ✓", ColumnType.DATE, ColumnRole.TIMESTAMP));
        try (DatasetWriter writer = project.newDataset("Ventes « été »", columns)) {
            writer.append(new Object[] {"A", 1.0, LocalDate.of(2024, 7, 1)});
            writer.commit(TestData.logEntry("x", 1));
        }
        DatasetInfo info = project.dataset("ventes « ÉTÉ »").orElseThrow();
        assertEquals("Ventes « été »", info.name());
        assertEquals(columns, info.columns());
        assertEquals(List.of("\"C1\"", "\"C2\"", "\"C3\""),
                project.query("Ventes « été »", (connection, table, quoted) -> quoted));
    }

    @Test
    void nameInUseIgnoringCaseIsRefusedWithClearMessage() {
        TestData.writeOrders(project, "Orders", 1);
        EngineException error = assertThrows(EngineException.class,
                () -> project.newDataset("  ORDERS ", TestData.orderColumns()));
        assertEquals("A dataset named 'ORDERS' already exists in this project. Choose another name or delete the old "
                + "one.", error.getMessage());
    }

    @Test
    void secondOfTwoConcurrentImportsWithOneNameIsRefusedAtCommitAndLeavesNoTable() throws Exception {
        DatasetWriter first = project.newDataset("Orders", TestData.orderColumns());
        DatasetWriter second = project.newDataset("orders", TestData.orderColumns());
        first.append(new Object[] {"A", 1.0, 1L});
        second.append(new Object[] {"B", 2.0, 2L});
        first.commit(TestData.logEntry("Orders", 1));
        EngineException error = assertThrows(EngineException.class, () -> second.commit(TestData.logEntry("o", 1)));
        assertTrue(error.getMessage().startsWith("A dataset named 'orders' already exists"), error.getMessage());
        assertThrows(EngineException.class, () -> second.append(new Object[] {"C", 3.0, 3L}),
                "a writer whose commit failed takes no more rows");
        first.close();
        second.close();
        assertEquals(1, project.importLog().size());
        project.close();
        assertEquals(1, TestData.rowTables(folder.resolve("retail.mv.db")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "line\nbreak"})
    void unusableNamesAreRefused(String name) {
        assertThrows(EngineException.class, () -> project.newDataset(name, TestData.orderColumns()));
    }

    @Test
    void namesUpToOneHundredCharactersAreAccepted() {
        TestData.writeOrders(project, "x".repeat(100), 1);
        EngineException error = assertThrows(EngineException.class,
                () -> project.newDataset("y".repeat(101), TestData.orderColumns()));
        assertTrue(error.getMessage().contains("101 characters long; use at most 100"), error.getMessage());
    }

    @Test
    void duplicateColumnNamesAreRefused() {
        List<DatasetColumn> columns = List.of(new DatasetColumn("Amount", ColumnType.DECIMAL, ColumnRole.AMOUNT),
                new DatasetColumn("amount", ColumnType.DECIMAL, ColumnRole.NONE));
        EngineException error = assertThrows(EngineException.class, () -> project.newDataset("Orders", columns));
        assertTrue(error.getMessage().contains("two columns named 'Amount' and 'amount'"), error.getMessage());
    }

    @Test
    void valueOfTheWrongTypeIsRefusedNamingRowAndColumn() {
        try (DatasetWriter writer = project.newDataset("Orders", TestData.orderColumns())) {
            writer.append(new Object[] {"A", 1.0, 1L});
            EngineException error = assertThrows(EngineException.class,
                    () -> writer.append(new Object[] {"B", "2.50", 2L}));
            assertTrue(error.getMessage().startsWith("Row 2, column 'amount' of dataset 'Orders' holds String but the "
                    + "column is decimal"), error.getMessage());
        }
    }

    @Test
    void closingWithoutCommitLeavesTheProjectAsItWas() throws Exception {
        TestData.writeOrders(project, "Kept", 3);
        try (DatasetWriter writer = project.newDataset("Dropped", TestData.wideColumns())) {
            Object[] row = new Object[8];
            for (long i = 0; i < 50_000; i++) {
                TestData.fillWideRow(row, i);
                writer.append(row);
            }
        }
        assertEquals(List.of("Kept"), project.datasets().stream().map(DatasetInfo::name).toList());
        assertEquals(1, project.importLog().size());
        project.close();
        assertEquals(1, TestData.rowTables(folder.resolve("retail.mv.db")).size());
    }

    @Test
    void closingTheProjectEndsAnUnfinishedImportWithoutATrace() throws Exception {
        DatasetWriter writer = project.newDataset("Orders", TestData.orderColumns());
        writer.append(new Object[] {"A", 1.0, 1L});
        project.close();
        EngineException error = assertThrows(EngineException.class, () -> writer.append(new Object[] {"B", 2.0, 2L}));
        assertTrue(error.getMessage().contains("has already been closed"), error.getMessage());
        writer.close();
        assertEquals(List.of(), TestData.rowTables(folder.resolve("retail.mv.db")));
    }

    @Test
    void storageFailureReachesTheCallerAsEngineExceptionAndLeavesNoTable() throws Exception {
        TestData.writeOrders(project, "Orders", 1);
        EngineException error;
        try (DatasetWriter writer = project.newDataset("Notes", List.of(
                new DatasetColumn("note", ColumnType.TEXT, ColumnRole.TEXT)))) {
            writer.append(new Object[] {"first"});
            // simulate a storage failure: the staging table disappears before the rows reach it
            project.query("Orders", (connection, table, columns) -> {
                try (ResultSet staging = connection.createStatement().executeQuery("SELECT TABLE_NAME FROM "
                        + "INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'STAGING%'")) {
                    staging.next();
                    return connection.createStatement().execute("DROP TABLE " + staging.getString(1));
                }
            });
            error = assertThrows(EngineException.class, () -> writer.commit(TestData.logEntry("Notes", 1)));
        }
        assertTrue(error.getMessage().startsWith("Could not write dataset 'Notes' in the project"), error.getMessage());
        assertTrue(error.detail().contains("SQLException"), error.detail());
        assertFalse(project.hasDataset("Notes"));
        project.close();
        assertEquals(1, TestData.rowTables(folder.resolve("retail.mv.db")).size());
    }

    @Test
    void writerCannotBeUsedAfterCommit() {
        try (DatasetWriter writer = project.newDataset("Orders", TestData.orderColumns())) {
            writer.commit(TestData.logEntry("Orders", 0));
            assertThrows(EngineException.class, () -> writer.append(new Object[] {"A", 1.0, 1L}));
            assertThrows(EngineException.class, () -> writer.commit(TestData.logEntry("Orders", 0)));
        }
        assertEquals(0, project.dataset("Orders").orElseThrow().rows());
    }

    @Test
    void leftoverTablesOfAnInterruptedImportAreDroppedOnOpen() throws Exception {
        TestData.writeOrders(project, "Kept", 2);
        project.close();
        Path file = folder.resolve("retail.mv.db");
        try (Connection connection = TestData.rawConnection(file)) {
            connection.createStatement().execute("CREATE TABLE STAGING_900 (C1 BIGINT)");
            connection.createStatement().execute("CREATE TABLE DS_901 (C1 BIGINT)");
        }
        project = service.open(file, ProjectOptions.plain());
        project.close();
        assertEquals(1, TestData.rowTables(file).size());
        project = service.open(file, ProjectOptions.plain());
        assertEquals(2, project.dataset("Kept").orElseThrow().rows());
    }

    @Test
    void deletingADatasetRemovesItsRowsButKeepsItsImportHistory() throws Exception {
        TestData.writeOrders(project, "Orders", 2);
        TestData.writeOrders(project, "Returns", 1);
        project.deleteDataset("ORDERS");
        assertFalse(project.hasDataset("Orders"));
        assertTrue(project.hasDataset("returns"));
        assertEquals(List.of("Returns", "Orders"), project.importLog().stream().map(ImportLogEntry::dataset).toList());
        EngineException error = assertThrows(EngineException.class, () -> project.deleteDataset("Orders"));
        assertTrue(error.getMessage().startsWith("There is no dataset named 'Orders'"), error.getMessage());
        project.close();
        assertEquals(1, TestData.rowTables(folder.resolve("retail.mv.db")).size());
    }

    @Test
    void datasetsAreListedInNameOrderAndTheLogNewestFirst() {
        TestData.writeOrders(project, "beta", 1);
        TestData.writeOrders(project, "Alpha", 1);
        TestData.writeOrders(project, "gamma", 1);
        assertEquals(List.of("Alpha", "beta", "gamma"), project.datasets().stream().map(DatasetInfo::name).toList());
        assertEquals(List.of("gamma", "Alpha", "beta"),
                project.importLog().stream().map(ImportLogEntry::dataset).toList());
    }

    @Test
    void queryingAnUnknownDatasetSaysSo() {
        EngineException error = assertThrows(EngineException.class,
                () -> project.query("Nope", (connection, table, columns) -> null));
        assertTrue(error.getMessage().startsWith("There is no dataset named 'Nope' in the project"),
                error.getMessage());
    }

    @Test
    void sqlErrorsInAQueryReachCallersAsEngineExceptions() {
        TestData.writeOrders(project, "Orders", 1);
        EngineException error = assertThrows(EngineException.class, () -> project.query("Orders",
                (connection, table, columns) -> connection.createStatement().executeQuery("SELECT nope FROM " + table)));
        assertTrue(error.getMessage().startsWith("Could not read dataset 'Orders' in the project"), error.getMessage());
        assertTrue(error.detail().contains("SQLException"), "technical detail kept");
    }

    @Test
    void manyRowsArriveCompleteAndInOrder() {
        int rows = 3 * 8_192 + 17;
        try (DatasetWriter writer = project.newDataset("Wide", TestData.wideColumns())) {
            Object[] row = new Object[8];
            for (long i = 0; i < rows; i++) {
                TestData.fillWideRow(row, i);
                writer.append(row);
            }
            writer.commit(TestData.logEntry("Wide", rows));
        }
        List<Long> summary = project.query("Wide", (connection, table, columns) -> {
            try (ResultSet set = connection.createStatement().executeQuery("SELECT COUNT(*), SUM(" + columns.get(0)
                    + "), MIN(" + columns.get(0) + "), MAX(" + columns.get(0) + ") FROM " + table)) {
                set.next();
                return List.of(set.getLong(1), set.getLong(2), set.getLong(3), set.getLong(4));
            }
        });
        assertEquals(List.of((long) rows, (long) rows * (rows - 1) / 2, 0L, rows - 1L), summary);
        assertEquals(rows, project.dataset("Wide").orElseThrow().rows());
    }
}
