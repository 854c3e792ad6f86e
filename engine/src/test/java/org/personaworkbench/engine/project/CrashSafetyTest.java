package org.personaworkbench.engine.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.EngineException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs {@link CrashChild} in a second JVM to test what survives a killed process and a held lock. */
class CrashSafetyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @Test
    void projectKilledMidImportOpensWithOnlyTheEarlierDatasetAndNoHalfTable() throws Exception {
        Path file = folder.resolve("crash.mv.db");
        Process child = startChild("import", file);
        try {
            waitForLine(child, CrashChild.WRITING);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "child did not exit");
        }
        assertTrue(TestData.rowTables(file).stream().anyMatch(t -> t.startsWith("STAGING_")),
                "the killed import left its staging table behind (otherwise this test proves nothing)");

        try (Project project = new ProjectService().open(file, ProjectOptions.plain())) {
            assertEquals(List.of("first"), project.datasets().stream().map(DatasetInfo::name).toList());
            assertEquals(CrashChild.FIRST_ROWS, project.dataset("first").orElseThrow().rows());
            assertEquals(List.of("first"), project.importLog().stream().map(ImportLogEntry::dataset).toList());
            long stored = project.query("first", (connection, table, columns) -> {
                try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertEquals(CrashChild.FIRST_ROWS, stored);
        }
        List<String> rowTables = TestData.rowTables(file);
        assertEquals(1, rowTables.size(), "only the first dataset's table is left: " + rowTables);
        assertTrue(rowTables.getFirst().startsWith("DS_"));
    }

    @Test
    void projectOpenInAnotherProcessIsRefusedWithClearMessage() throws Exception {
        Path file = folder.resolve("shared.mv.db");
        new ProjectService().create(file, ProjectOptions.plain()).close();
        Process child = startChild("hold", file);
        try {
            waitForLine(child, CrashChild.OPEN);
            EngineException error = assertThrows(EngineException.class,
                    () -> new ProjectService().open(file, ProjectOptions.plain()));
            assertEquals("The project " + file + " is open in another Persona Workbench window or process. Close it "
                    + "there, then try again.", error.getMessage());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertEquals(0, child.exitValue());
        try (Project project = new ProjectService().open(file, ProjectOptions.plain())) {
            assertTrue(project.datasets().isEmpty(), "opens once the other process has closed it");
        }
    }

    private Process startChild(String mode, Path file) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), mode, file.toString());
        builder.redirectError(folder.resolve(mode + "-stderr.txt").toFile());
        return builder.start();
    }

    private void waitForLine(Process child, String expected) {
        assertTimeoutPreemptively(PATIENCE, () -> {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(expected)) {
                    return;
                }
            }
            fail("child ended before printing " + expected + "; its stderr:\n" + stderrOf());
        });
    }

    private String stderrOf() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path path : files.filter(p -> p.toString().endsWith("-stderr.txt")).toList()) {
                text.append(Files.readString(path));
            }
        }
        return text.toString();
    }
}
