package org.personaworkbench.engine.project.h2;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.project.ProjectSettings;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigrationsTest {

    @TempDir
    Path folder;

    private final ProjectService service = new ProjectService();

    @Test
    void fileAtSchemaVersion1IsMigratedOnOpenWithItsDataIntact() throws Exception {
        Path file = folder.resolve("old.mv.db");
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, false);
        try (Connection connection = connections.open()) {
            new SchemaMigrations(file, connections, "1").migrate();
            try (Statement statement = connection.createStatement()) {
                assertTrue(!SchemaMigrations.hasTable(connection, "PROJECT_SETTINGS"), "V1 only");
                statement.execute("CREATE TABLE DS_7 (C1 CHARACTER VARYING, C2 BIGINT)");
                statement.execute("INSERT INTO DS_7 VALUES ('Ana', 3), ('Bo', 4)");
                statement.execute("INSERT INTO DATASETS (ID, NAME, NAME_KEY, TABLE_NAME, ROW_COUNT, CREATED_AT) "
                        + "VALUES (1, 'Customers', 'customers', 'DS_7', 2, TIMESTAMP WITH TIME ZONE "
                        + "'2024-05-01 10:00:00+00')");
                statement.execute("INSERT INTO DATASET_COLUMNS VALUES (1, 1, 'first name', 'C1', 'TEXT', 'NONE'), "
                        + "(1, 2, 'visits', 'C2', 'INTEGER', 'QUANTITY')");
                statement.execute("INSERT INTO IMPORT_LOG (DATASET, SOURCE_PATH, SHA256, IMPORTED_AT, ROWS_READ, "
                        + "ROWS_REJECTED, REJECT_SUMMARY) VALUES ('Customers', '/in/c.csv', 'ff', "
                        + "TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+00', 3, 1, 'line 3: bad number')");
            }
        }

        try (Project project = service.open(file, ProjectOptions.plain())) {
            DatasetInfo customers = project.dataset("Customers").orElseThrow();
            assertEquals(2, customers.rows());
            assertEquals(List.of(new DatasetColumn("first name", ColumnType.TEXT, ColumnRole.NONE),
                    new DatasetColumn("visits", ColumnType.INTEGER, ColumnRole.QUANTITY)), customers.columns());
            ImportLogEntry log = project.importLog().getFirst();
            assertEquals(List.of("Customers", "/in/c.csv", 3L, 1L, "line 3: bad number"),
                    List.of(log.dataset(), log.sourcePath(), log.rowsRead(), log.rowsRejected(), log.rejectSummary()));
            assertEquals(ProjectSettings.defaults(), project.settings(), "V2 added settings with defaults");
            assertEquals(List.of(), project.featureSets(), "V3 added an empty feature set list");
            long visits = project.query("Customers", (connection, table, columns) -> {
                try (ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT SUM(" + columns.get(1) + ") FROM " + table)) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertEquals(7, visits);
        }
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")) {
            rows.next();
            assertEquals(7, rows.getInt(1));
        }
    }

    @Test
    void fileAtSchemaVersion3WithAFeatureSetIsMigratedAndCanSaveRuns() throws Exception {
        Path file = folder.resolve("v3.mv.db");
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, false);
        try (Connection connection = connections.open()) {
            new SchemaMigrations(file, connections, "3").migrate();
            try (Statement statement = connection.createStatement()) {
                assertTrue(!SchemaMigrations.hasTable(connection, "SEGMENTATION_RUNS"), "V3 only");
                statement.execute("CREATE TABLE DS_3 (C1 CHARACTER VARYING, C2 BIGINT)");
                statement.execute("INSERT INTO DS_3 VALUES ('C1', 3), ('C2', 9)");
                statement.execute("INSERT INTO DATASETS (ID, NAME, NAME_KEY, TABLE_NAME, ROW_COUNT, CREATED_AT) "
                        + "VALUES (1, 'rfm', 'rfm', 'DS_3', 2, TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+00')");
                statement.execute("INSERT INTO DATASET_COLUMNS VALUES (1, 1, 'customer_id', 'C1', 'TEXT', "
                        + "'CUSTOMER_ID'), (1, 2, 'frequency', 'C2', 'INTEGER', 'NONE')");
                statement.execute("INSERT INTO FEATURE_SETS (NAME, NAME_KEY, DATASET_ID, SOURCE_DATASET, KIND, "
                        + "RECIPE_JSON, CREATED_AT, ROW_COUNT) VALUES ('rfm', 'rfm', 1, 'orders', 'rfm', "
                        + "'{\"referenceDate\":\"2011-12-10\"}', TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+00', 2)");
            }
        }

        try (Project project = service.open(file, ProjectOptions.plain())) {
            FeatureSetInfo rfm = project.featureSet("rfm").orElseThrow();
            assertEquals(List.of("orders", "rfm", 2L), List.of(rfm.sourceDataset(), rfm.kind(), rfm.rows()));
            assertEquals(List.of(), project.segmentationRuns(), "V4 added an empty run list");
            SegmentationRunInfo run = new SegmentationRunInfo("first", "rfm", rfm.createdAt().toString(), "00",
                    "kmeans", "{}", 42, 2, 2, "{}", "{}", Instant.parse("2024-05-02T10:00:00Z"));
            project.saveSegmentationRun(run, new RunAssignments(List.of("C1", "C2"), new int[] {1, 0}));
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(List.of("first"), project.segmentationRuns().stream().map(SegmentationRunInfo::name).toList());
            assertEquals(List.of("C1", "C2"), project.runAssignments("first").rowIds());
            project.deleteSegmentationRun("first");
        }
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM SEGMENTATION_ASSIGNMENTS), "
                             + "(SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\")")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "deleting a run deleted its assignments");
            assertEquals(7, rows.getInt(2));
        }
    }

    @Test
    void fileAtSchemaVersion4WithARunIsMigratedAndCanSaveRuleSegments() throws Exception {
        Path file = folder.resolve("v4.mv.db");
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, false);
        try (Connection connection = connections.open()) {
            new SchemaMigrations(file, connections, "4").migrate();
            assertTrue(!SchemaMigrations.hasTable(connection, "RULE_SEGMENTS"), "V4 only");
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO SEGMENTATION_RUNS (NAME, NAME_KEY, FEATURE_SET, ALGORITHM, OPTIONS_JSON, "
                        + "SEED, SEGMENTS, ROW_COUNT, METRICS_JSON, PROFILE_JSON, CREATED_AT) VALUES ('old run', "
                        + "'old run', 'rfm', 'kmeans', '{}', 7, 3, 10, '{}', '{}', "
                        + "TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+00')");
            }
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(List.of("old run"), project.segmentationRuns().stream().map(SegmentationRunInfo::name)
                    .toList(), "the V4 run survives");
            assertEquals(List.of(), project.ruleSegments(), "V5 added an empty rule segment list");
            project.saveRuleSegment(new SavedRule("Loyal", "frequency > 5", Instant.parse("2024-05-02T10:00:00Z")));
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(List.of(new SavedRule("Loyal", "frequency > 5", Instant.parse("2024-05-02T10:00:00Z"))),
                    project.ruleSegments());
            EngineException duplicate = assertThrows(EngineException.class, () -> project.saveRuleSegment(
                    new SavedRule("LOYAL", "frequency > 1", Instant.now())));
            assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
            project.deleteRuleSegment("loyal");
            assertEquals(List.of(), project.ruleSegments());
        }
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")) {
            rows.next();
            assertEquals(7, rows.getInt(1));
        }
    }

    @Test
    void fileAtSchemaVersion5IsMigratedAndKeepsPersonasUntilTheirRunIsDeleted() throws Exception {
        Path file = folder.resolve("v5.mv.db");
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, false);
        try (Connection connection = connections.open()) {
            new SchemaMigrations(file, connections, "5").migrate();
            assertTrue(!SchemaMigrations.hasTable(connection, "PERSONAS"), "V5 only");
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO SEGMENTATION_RUNS (NAME, NAME_KEY, FEATURE_SET, ALGORITHM, OPTIONS_JSON, "
                        + "SEED, SEGMENTS, ROW_COUNT, METRICS_JSON, PROFILE_JSON, CREATED_AT) VALUES ('March', "
                        + "'march', 'rfm', 'kmeans', '{}', 7, 2, 10, '{}', '{}', "
                        + "TIMESTAMP WITH TIME ZONE '2024-05-01 10:00:00+00')");
            }
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(java.util.Map.of(), project.personaDocuments("march"), "V6 added an empty persona table");
            project.savePersonaDocument("MARCH", 1, "{\"name\":\"old\"}");
            project.savePersonaDocument("march", 1, "{\"name\":\"Loyal\"}");
            project.savePersonaDocument("march", 0, "{\"name\":\"New\"}");
            EngineException noRun = assertThrows(EngineException.class,
                    () -> project.savePersonaDocument("April", 0, "{}"));
            assertTrue(noRun.getMessage().contains("no segmentation run named 'April'"), noRun.getMessage());
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(java.util.Map.of(0, "{\"name\":\"New\"}", 1, "{\"name\":\"Loyal\"}"),
                    project.personaDocuments("March"), "replaced, not duplicated; kept across reopening");
            project.deleteSegmentationRun("march");
            assertEquals(java.util.Map.of(), project.personaDocuments("March"));
        }
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM PERSONAS), "
                             + "(SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\")")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "deleting the run deleted its personas");
            assertEquals(7, rows.getInt(2));
        }
    }

    @Test
    void fileAtSchemaVersion6GainsNamedDocumentsReplacedByNameIgnoringCase() throws Exception {
        Path file = folder.resolve("v6.mv.db");
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, false);
        try (Connection connection = connections.open()) {
            new SchemaMigrations(file, connections, "6").migrate();
            assertTrue(!SchemaMigrations.hasTable(connection, "DOCUMENTS"), "V6 only");
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(java.util.Map.of(), project.documents("experiment"), "V7 added an empty table");
            project.saveDocument("experiment", " Checkout test ", "{\"v\":1}");
            project.saveDocument("experiment", "CHECKOUT TEST", "{\"v\":2}");
            project.saveDocument("experiment", "Banner", "{\"v\":3}");
            project.saveDocument("evaluation", "Banner", "{\"other\":true}");
            EngineException blank = assertThrows(EngineException.class,
                    () -> project.saveDocument("experiment", "  ", "{}"));
            assertTrue(blank.getMessage().contains("needs a name"), blank.getMessage());
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            assertEquals(List.of("Banner", "CHECKOUT TEST"), List.copyOf(project.documents("experiment").keySet()),
                    "name order, the last save's spelling, one row per name ignoring case");
            assertEquals(java.util.Optional.of("{\"v\":2}"), project.document("experiment", "checkout test"));
            assertEquals(java.util.Optional.of("{\"other\":true}"), project.document("evaluation", "banner"));
            assertTrue(project.deleteDocument("experiment", "banner"));
            assertTrue(!project.deleteDocument("experiment", "banner"), "already gone");
            assertEquals(java.util.Optional.empty(), project.document("experiment", "Banner"));
            assertEquals(java.util.Optional.of("{\"other\":true}"), project.document("evaluation", "Banner"),
                    "kinds are separate");
        }
    }

    @Test
    void openingFileFromNewerVersionIsRefusedWithClearMessage() throws Exception {
        Path file = folder.resolve("future.mv.db");
        service.create(file, ProjectOptions.plain()).close();
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, true);
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                    + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'PWB', 1, TRUE)");
        }
        long historyBefore = historyRows(connections);

        EngineException error = assertThrows(EngineException.class, () -> service.open(file, ProjectOptions.plain()));

        assertEquals("The project " + file + " was written by a newer Persona Workbench (schema version 99; this "
                + "version reads up to 7). Update Persona Workbench to open it.", error.getMessage());
        assertEquals(historyBefore, historyRows(connections), "nothing was migrated or recorded");
    }

    private static long historyRows(ConnectionFactory connections) throws Exception {
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void settingKeysWrittenByANewerVersionSurviveSavingInThisOne() throws Exception {
        Path file = folder.resolve("settings.mv.db");
        service.create(file, ProjectOptions.plain()).close();
        ConnectionFactory connections = ConnectionFactory.forFile(file, null, true);
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("UPDATE PROJECT_SETTINGS SET SETTINGS_JSON = '{\"displayName\":\"Retail\","
                    + "\"currency\":\"EUR\",\"fiscalYearStart\":\"04-01\",\"charts\":{\"palette\":[\"#fff\",2]}}'");
        }
        try (Project project = service.open(file, ProjectOptions.plain())) {
            ProjectSettings settings = project.settings();
            assertEquals("Retail", settings.displayName());
            assertEquals("EUR", settings.currency());
            assertEquals(Map.of("fiscalYearStart", "04-01", "charts", Map.of("palette", List.of("#fff", 2))),
                    settings.extra());
            project.saveSettings(new ProjectSettings("Retail UK", "GBP", settings.extra()));
        }
        try (Connection connection = connections.open();
             ResultSet rows = connection.createStatement().executeQuery("SELECT SETTINGS_JSON FROM PROJECT_SETTINGS")) {
            rows.next();
            String json = rows.getString(1);
            assertTrue(json.contains("\"fiscalYearStart\":\"04-01\"") && json.contains("\"palette\":[\"#fff\",2]")
                    && json.contains("\"displayName\":\"Retail UK\""), json);
        }
    }
}
