package org.personaworkbench.engine.importing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The importer against the real H2 project: what the fake stands in for, end to end. */
class ImportIntoProjectTest {

    @TempDir
    Path dir;

    private Project project;
    private final CsvImporter importer = new CsvImporter();

    @BeforeEach
    void createProject() {
        project = new ProjectService().create(dir.resolve("test"), ProjectOptions.plain());
    }

    @AfterEach
    void closeProject() {
        project.close();
    }

    private ImportResult importRetail(String dataset, BadRowPolicy policy) {
        Path file = TestFiles.resource("retail_small.csv");
        ImportOptions options = ImportOptions.fromPreview(new CsvInspector().inspect(file, FormatOverrides.none()),
                dataset, policy);
        return importer.importFile(project, file, options, Progress.NONE, CancellationToken.create());
    }

    @Test
    void storesTypedRowsAndTheImportLog() {
        ImportResult result = importRetail("retail", BadRowPolicy.FAIL);

        assertEquals(6, result.rows());
        assertEquals(6, project.dataset("retail").orElseThrow().rows());
        List<Object> first = project.query("retail", (connection, table, columns) -> {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + columns.get(3) + ", " + columns.get(4) + ", "
                         + columns.get(5) + ", " + columns.get(6) + " FROM " + table + " ORDER BY "
                         + columns.get(4) + ", " + columns.get(1) + " LIMIT 1")) {
                rs.next();
                List<Object> values = new ArrayList<>();
                values.add(rs.getLong(1));
                values.add(rs.getObject(2, LocalDateTime.class));
                values.add(rs.getDouble(3));
                values.add(rs.getLong(4));
                return values;
            }
        });
        assertEquals(List.of(6L, LocalDateTime.of(2010, 12, 1, 8, 26), 3.39, 17850L), first);
        ImportLogEntry entry = project.importLog().getFirst();
        assertEquals("retail", entry.dataset());
        assertEquals(result.sha256(), entry.sha256());
        assertEquals(6, entry.rowsRead());
    }

    @Test
    void refusesANameInUseAndKeepsTheExistingDataset() {
        importRetail("retail", BadRowPolicy.FAIL);
        EngineException e = assertThrows(EngineException.class, () -> importRetail("RETAIL", BadRowPolicy.FAIL));
        assertTrue(e.getMessage().contains("already has a dataset named 'RETAIL'"), e.getMessage());
        assertEquals(1, project.datasets().size());
        assertEquals(1, project.importLog().size());
    }
}
