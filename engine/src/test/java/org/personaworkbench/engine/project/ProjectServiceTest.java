package org.personaworkbench.engine.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectServiceTest {

    @TempDir
    Path folder;

    private final ProjectService service = new ProjectService();

    @Test
    void normalizeAddsTheExtensionOnlyWhenMissing() {
        assertEquals(folder.resolve("retail.mv.db"), ProjectService.normalize(folder.resolve("retail")));
        assertEquals(folder.resolve("retail.mv.db"), ProjectService.normalize(folder.resolve("retail.mv.db")));
    }

    @Test
    void createdProjectIsOneFileThatReopensWithItsDatasets() {
        try (Project project = service.create(folder.resolve("retail"), ProjectOptions.plain())) {
            assertEquals(folder.resolve("retail.mv.db"), project.file());
            assertFalse(project.encrypted());
            assertTrue(project.datasets().isEmpty());
            TestData.writeOrders(project, "Orders", 10);
        }
        assertTrue(Files.isRegularFile(folder.resolve("retail.mv.db")));
        try (Project project = service.open(folder.resolve("retail.mv.db"), ProjectOptions.plain())) {
            assertEquals(List.of("Orders"), project.datasets().stream().map(DatasetInfo::name).toList());
            assertEquals(10, project.dataset("orders").orElseThrow().rows());
        }
    }

    @Test
    void creatingOverAnExistingFileIsRefusedWithClearMessage() throws Exception {
        Path file = Files.writeString(folder.resolve("retail.mv.db"), "precious");
        EngineException error = assertThrows(EngineException.class,
                () -> service.create(folder.resolve("retail"), ProjectOptions.plain()));
        assertTrue(error.getMessage().contains("already exists at " + file), error.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void creatingInAFolderThatDoesNotExistYetCreatesTheFolder() {
        try (Project project = service.create(folder.resolve("new/sub/retail"), ProjectOptions.plain())) {
            assertTrue(Files.isRegularFile(project.file()));
        }
    }

    @Test
    void openingAMissingFileNamesThePath() {
        Path missing = folder.resolve("nowhere.mv.db");
        EngineException error = assertThrows(EngineException.class,
                () -> service.open(missing, ProjectOptions.plain()));
        assertEquals("The project file " + missing + " does not exist. Check the name and folder, or create a new "
                + "project.", error.getMessage());
        assertFalse(Files.exists(missing), "opening must not create the file");
    }

    @Test
    void openingAFileThatIsNotAnH2DatabaseIsRefusedAndLeftUnchanged() throws Exception {
        Path file = Files.writeString(folder.resolve("sales.mv.db"), "id,amount\n1,2.5\n");
        byte[] before = Files.readAllBytes(file);
        EngineException error = assertThrows(EngineException.class,
                () -> service.open(file, ProjectOptions.plain()));
        assertTrue(error.getMessage().contains(file + " is not a Persona Workbench project"), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertThrows(EngineException.class, () -> service.open(file, ProjectOptions.withPassword("x".toCharArray())));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void openingAnH2DatabaseThatIsNotAProjectIsRefusedWithClearMessage() throws Exception {
        Path file = folder.resolve("other.mv.db");
        Properties credentials = new Properties();
        credentials.put("user", "PWB");
        credentials.put("password", "");
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + folder.resolve("other"), credentials)) {
            connection.createStatement().execute("CREATE TABLE CUSTOMERS (ID INT)");
        }
        EngineException error = assertThrows(EngineException.class,
                () -> service.open(file, ProjectOptions.plain()));
        assertTrue(error.getMessage().contains(file + " is an H2 database but not a Persona Workbench project"),
                error.getMessage());
        try (Connection connection = TestData.rawConnection(file)) {
            assertFalse(connection.getMetaData().getTables(null, "PUBLIC", "DATASETS", null).next(),
                    "a foreign database must not be migrated");
        }
    }

    @Test
    void openingAProjectAlreadyOpenInThisProcessIsRefusedUntilItIsClosed() {
        Path file = folder.resolve("retail.mv.db");
        Project first = service.create(file, ProjectOptions.plain());
        EngineException error = assertThrows(EngineException.class, () -> service.open(file, ProjectOptions.plain()));
        assertTrue(error.getMessage().contains("is open in another Persona Workbench window or process"),
                error.getMessage());
        first.close();
        try (Project again = service.open(file, ProjectOptions.plain())) {
            assertNotNull(again.settings());
        }
    }

    @Test
    void projectOpenThroughAnotherServiceInThisProcessIsRefusedAndItsImportSurvives() {
        Path file = folder.resolve("retail.mv.db");
        try (Project project = service.create(file, ProjectOptions.plain());
             DatasetWriter writer = project.newDataset("Orders", TestData.orderColumns())) {
            writer.append(new Object[] {"A", 1.0, 1L});
            EngineException error = assertThrows(EngineException.class,
                    () -> new ProjectService().open(file, ProjectOptions.plain()));
            assertTrue(error.getMessage().contains("is open in another Persona Workbench window or process"),
                    error.getMessage());
            assertEquals(1, writer.commit(TestData.logEntry("Orders", 1)).rows());
        }
    }

    @Test
    void encryptedProjectOpensWithItsPasswordEvenWithSpaces() throws Exception {
        Path file = folder.resolve("secret.mv.db");
        try (Project project = service.create(file, ProjectOptions.withPassword("correct horse ñ".toCharArray()))) {
            assertTrue(project.encrypted());
            TestData.writeOrders(project, "Orders", 5);
        }
        assertTrue(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("H2encrypt"));
        try (Project project = service.open(file, ProjectOptions.withPassword("correct horse ñ".toCharArray()))) {
            assertTrue(project.encrypted());
            assertEquals(5, project.dataset("Orders").orElseThrow().rows());
        }
    }

    @Test
    void isEncryptedTellsEncryptedProjectsFromPlainOnesAndMissingFiles() throws Exception {
        Path secret = folder.resolve("secret.mv.db");
        Path plain = folder.resolve("plain.mv.db");
        service.create(secret, ProjectOptions.withPassword("s3cret".toCharArray())).close();
        service.create(plain, ProjectOptions.plain()).close();
        assertTrue(service.isEncrypted(folder.resolve("secret")), "the extension is added as everywhere else");
        assertFalse(service.isEncrypted(plain));
        assertFalse(service.isEncrypted(folder.resolve("absent.mv.db")));
    }

    @Test
    void openingEncryptedProjectWithoutPasswordIsRefusedWithClearMessage() {
        Path file = folder.resolve("secret.mv.db");
        service.create(file, ProjectOptions.withPassword("s3cret".toCharArray())).close();
        EngineException error = assertThrows(EngineException.class, () -> service.open(file, ProjectOptions.plain()));
        assertEquals("The project " + file + " is encrypted: the password is wrong or missing.", error.getMessage());
    }

    @Test
    void openingEncryptedProjectWithWrongPasswordIsRefusedWithClearMessage() {
        Path file = folder.resolve("secret.mv.db");
        service.create(file, ProjectOptions.withPassword("s3cret".toCharArray())).close();
        EngineException error = assertThrows(EngineException.class,
                () -> service.open(file, ProjectOptions.withPassword("s3cret ".toCharArray())));
        assertEquals("The project " + file + " is encrypted: the password is wrong or missing.", error.getMessage());
        assertNotNull(error.detail(), "the technical cause is kept for a bug report");
        try (Project project = service.open(file, ProjectOptions.withPassword("s3cret".toCharArray()))) {
            assertTrue(project.datasets().isEmpty(), "a failed attempt must not lock the project");
        }
    }

    @Test
    void passwordArrayMayBeClearedAfterOpening() {
        Path file = folder.resolve("secret.mv.db");
        char[] password = "s3cret".toCharArray();
        try (Project project = service.create(file, ProjectOptions.withPassword(password))) {
            java.util.Arrays.fill(password, '\0');
            TestData.writeOrders(project, "Orders", 3);
            assertEquals(3L, (long) project.query("Orders", (connection, table, columns) -> {
                var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
                rows.next();
                return rows.getLong(1);
            }));
        }
    }
}
