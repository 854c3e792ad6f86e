package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.ImportLogEntry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvImporterTest {

    @TempDir
    Path dir;

    private final FakeProject project = new FakeProject();
    private final CsvImporter importer = new CsvImporter();

    private ImportResult importAll(Path file, BadRowPolicy policy) {
        return importer.importFile(project, file, options(file, "data", policy), Progress.NONE, CancellationToken.create());
    }

    private static ImportOptions options(Path file, String dataset, BadRowPolicy policy) {
        return ImportOptions.fromPreview(new CsvInspector().inspect(file, FormatOverrides.none()), dataset, policy);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void importsEveryRowConvertedToItsColumnType() {
        Path file = TestFiles.resource("retail_small.csv");
        ImportResult result = importAll(file, BadRowPolicy.FAIL);

        assertEquals(6, result.rows());
        assertEquals(0, result.rejected());
        List<Object[]> rows = project.rows("data");
        assertArrayEquals(new Object[] {"536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6L,
                LocalDateTime.of(2010, 12, 1, 8, 26), 2.55, 17850L, "United Kingdom"}, rows.get(0));
        assertArrayEquals(new Object[] {"536366", "22633", "HAND WARMER \"UNION JACK\"", 6L,
                LocalDateTime.of(2010, 12, 1, 8, 28), 1.85, null, "United Kingdom"}, rows.get(2));
        assertEquals("ASSORTED COLOUR BIRD\nORNAMENT", rows.get(3)[2]);
        assertEquals(-1L, rows.get(4)[3]);
        assertEquals(LocalDateTime.of(2010, 12, 13, 10, 2), rows.get(5)[4]);
        assertEquals(new DatasetColumn("CustomerID", ColumnType.INTEGER, ColumnRole.CUSTOMER_ID), result.columns().get(6));
    }

    @Test
    void logsTheImportWithTheFilesAbsolutePathAndHash() throws Exception {
        Path file = TestFiles.resource("retail_small.csv");
        ImportResult result = importAll(file, BadRowPolicy.FAIL);
        ImportLogEntry entry = project.importLog().getFirst();
        assertEquals("data", entry.dataset());
        assertEquals(file.toAbsolutePath().toString(), entry.sourcePath());
        assertEquals(sha256(file), entry.sha256());
        assertEquals(sha256(file), result.sha256());
        assertEquals(6, entry.rowsRead());
        assertEquals(0, entry.rowsRejected());
        assertNull(entry.rejectSummary());
        assertTrue(result.seconds() > 0);
    }

    @Test
    void importsGzipFilesAndHashesTheCompressedBytes() throws Exception {
        String text = Files.readString(TestFiles.resource("retail_small.csv"));
        Path file = TestFiles.gzip(dir, "retail.csv.gz", text);
        ImportResult result = importAll(file, BadRowPolicy.FAIL);
        assertEquals(6, result.rows());
        assertEquals(sha256(file), result.sha256());
        assertEquals(LocalDateTime.of(2010, 12, 1, 8, 26), project.rows("data").getFirst()[4]);
    }

    @Test
    void convertsEveryTypeAndTreatsEmptyAndMarkersAsMissing() {
        Path file = TestFiles.write(dir, "types.csv", """
                id,when,day,ok,score,name
                1,2024-03-01 10:00:00,1.2.2024,yes,1.5,Ann
                2,,,,,
                NA,2024-03-02 11:00:00,2.2.2024,N,N/A,NA
                """);
        importAll(file, BadRowPolicy.FAIL);
        List<Object[]> rows = project.rows("data");
        assertArrayEquals(new Object[] {1L, LocalDateTime.of(2024, 3, 1, 10, 0), LocalDate.of(2024, 2, 1), true, 1.5, "Ann"},
                rows.get(0));
        assertArrayEquals(new Object[] {2L, null, null, null, null, null}, rows.get(1));
        assertArrayEquals(new Object[] {null, LocalDateTime.of(2024, 3, 2, 11, 0), LocalDate.of(2024, 2, 2), false, null, "NA"},
                rows.get(2));
    }

    @Test
    void usesTheColumnSpecsTheAnalystChanged() {
        Path file = TestFiles.resource("retail_small.csv");
        ImportOptions detected = options(file, "data", BadRowPolicy.FAIL);
        List<ColumnSpec> specs = new ArrayList<>(detected.columns());
        specs.set(6, specs.get(6).withType(ColumnType.TEXT, null));
        specs.set(4, new ColumnSpec("when", ColumnType.DATE, ColumnRole.TIMESTAMP, "M/d/yyyy H:mm").withType(
                ColumnType.DATETIME, "M/d/yyyy H:mm"));
        specs.set(1, specs.get(1).withRole(ColumnRole.NONE));
        ImportOptions changed = new ImportOptions("data", detected.format(), specs, BadRowPolicy.FAIL, null);

        ImportResult result = importer.importFile(project, file, changed, Progress.NONE, CancellationToken.create());
        assertEquals("17850.0", project.rows("data").getFirst()[6]);
        assertEquals(new DatasetColumn("when", ColumnType.DATETIME, ColumnRole.TIMESTAMP), result.columns().get(4));
        assertEquals(ColumnRole.NONE, result.columns().get(1).role());
    }

    /** Line 1 header, line 2–3 a record with a quoted newline, line 4 bad, line 5 short, line 6 good. */
    private Path fileWithBadRows() {
        return TestFiles.write(dir, "bad.csv", """
                Name,Quantity,Day
                "two
                lines",1,2024-01-01
                Tea,abc,2024-01-02
                Cake,3
                Jam,4,2024-02-30
                Bun,5,2024-01-05
                """);
    }

    private ImportOptions badRowOptions(Path file, BadRowPolicy policy) {
        List<ColumnSpec> specs = List.of(new ColumnSpec("Name", ColumnType.TEXT, ColumnRole.NONE, null),
                new ColumnSpec("Quantity", ColumnType.INTEGER, ColumnRole.QUANTITY, null),
                new ColumnSpec("Day", ColumnType.DATE, ColumnRole.TIMESTAMP, "yyyy-MM-dd"));
        return new ImportOptions("data", new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false), specs, policy, null);
    }

    private static final List<BadRow> EXPECTED_BAD_ROWS = List.of(
            new BadRow(4, "Quantity", "'abc' is not a whole number", "Tea,abc,2024-01-02"),
            new BadRow(5, null, "has 2 fields but the header has 3", "Cake,3"),
            new BadRow(6, "Day", "'2024-02-30' is not a date like yyyy-MM-dd", "Jam,4,2024-02-30"));

    @Test
    void skipsBadRowsWithLineNumbersWhereTheirRecordStarts() {
        Path file = fileWithBadRows();
        List<List<BadRow>> asked = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        BadRowPolicy policy = (sample, count) -> {
            asked.add(sample);
            total.set(count);
            return BadRowPolicy.Decision.SKIP;
        };
        ImportResult result = importer.importFile(project, file, badRowOptions(file, policy), Progress.NONE,
                CancellationToken.create());

        assertEquals(List.of(EXPECTED_BAD_ROWS), asked);
        assertEquals(3, total.get());
        assertEquals(2, result.rows());
        assertEquals(3, result.rejected());
        assertEquals(EXPECTED_BAD_ROWS, result.rejectedSample());
        assertEquals(List.of("two\nlines", "Bun"), project.rows("data").stream().map(r -> r[0]).toList());
        ImportLogEntry entry = project.importLog().getFirst();
        assertEquals(5, entry.rowsRead());
        assertEquals(3, entry.rowsRejected());
        assertEquals("3 rows rejected: 1 with a bad 'Quantity', 1 with the wrong number of fields, 1 with a bad 'Day'",
                entry.rejectSummary());
    }

    @Test
    void cancelsWithoutWritingWhenThePolicySaysSo() {
        Path file = fileWithBadRows();
        EngineException e = assertThrows(EngineException.class, () -> importer.importFile(project, file,
                badRowOptions(file, BadRowPolicy.FAIL), Progress.NONE, CancellationToken.create()));

        assertTrue(e.getMessage().startsWith("Nothing was imported from " + file + ": 3 rows of 5 did not fit"),
                e.getMessage());
        assertTrue(e.getMessage().contains("re-run with skip to import the rest"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4, column 'Quantity': 'abc' is not a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5: has 2 fields but the header has 3"), e.getMessage());
        assertFalse(project.hasDataset("data"));
        assertTrue(project.lastWriter.closed);
        assertFalse(project.lastWriter.committed);
    }

    @Test
    void writesAllRejectedRowsToTheRejectsFile() throws Exception {
        Path file = fileWithBadRows();
        Path rejects = dir.resolve("out/rejects.csv");
        ImportResult result = importer.importFile(project, file,
                badRowOptions(file, BadRowPolicy.SKIP).withRejectsFile(rejects), Progress.NONE, CancellationToken.create());

        assertEquals(rejects, result.rejectsFile());
        List<List<String>> written;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(rejects)) {
            written = StreamSupport.stream(reader.spliterator(), false).map(CsvRecord::getFields).toList();
        }
        assertEquals(List.of(
                List.of("line", "reason", "Name", "Quantity", "Day"),
                List.of("4", "column 'Quantity': 'abc' is not a whole number", "Tea", "abc", "2024-01-02"),
                List.of("5", "has 2 fields but the header has 3", "Cake", "3"),
                List.of("6", "column 'Day': '2024-02-30' is not a date like yyyy-MM-dd", "Jam", "4", "2024-02-30")),
                written);
    }

    @Test
    void keepsTheRejectsFileWhenBadRowsCancelTheImport() throws Exception {
        Path file = fileWithBadRows();
        Path rejects = dir.resolve("rejects.csv");
        EngineException e = assertThrows(EngineException.class, () -> importer.importFile(project, file,
                badRowOptions(file, BadRowPolicy.FAIL).withRejectsFile(rejects), Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("(all saved to " + rejects + ")"), e.getMessage());
        assertEquals(4, Files.readAllLines(rejects).size());
    }

    @Test
    void keepsOnlyTheFirstBadRowsButCountsThemAll() {
        StringBuilder sb = new StringBuilder("n\n");
        for (int i = 0; i < 1_500; i++) {
            sb.append("x").append(i).append('\n').append(i).append('\n');
        }
        Path file = TestFiles.write(dir, "many.csv", sb.toString());
        ImportOptions opts = new ImportOptions("data", new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false),
                List.of(new ColumnSpec("n", ColumnType.INTEGER, ColumnRole.NONE, null)), BadRowPolicy.SKIP, null);
        ImportResult result = importer.importFile(project, file, opts, Progress.NONE, CancellationToken.create());
        assertEquals(1_500, result.rows());
        assertEquals(1_500, result.rejected());
        assertEquals(CsvImporter.BAD_ROW_SAMPLE, result.rejectedSample().size());
        assertEquals(new BadRow(2, "n", "'x0' is not a whole number", "x0"), result.rejectedSample().getFirst());
    }

    private Path bigFile(int rows) {
        StringBuilder sb = new StringBuilder(rows * 12).append("id,value\n");
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(',').append(i % 100).append('\n');
        }
        return TestFiles.write(dir, "big.csv", sb.toString());
    }

    @ParameterizedTest(name = "gzip={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void reportsProgressInFileBytesEveryFiftyThousandRows(boolean gzip) throws Exception {
        Path file = bigFile(120_000);
        if (gzip) {
            file = TestFiles.gzip(dir, "big.csv.gz", Files.readString(file));
        }
        long size = Files.size(file);
        List<String> messages = new ArrayList<>();
        List<long[]> reports = new ArrayList<>();
        Progress progress = (done, total, message) -> {
            messages.add(message);
            reports.add(new long[] {done, total});
        };
        importer.importFile(project, file, options(file, "data", BadRowPolicy.FAIL), progress, CancellationToken.create());

        assertEquals(List.of("Imported 50,000 rows", "Imported 100,000 rows", "Imported 120,000 rows"), messages);
        for (long[] r : reports) {
            assertEquals(size, r[1], "the total is the file's size on disk");
            assertTrue(r[0] > 0 && r[0] <= size);
        }
        assertTrue(reports.get(0)[0] < reports.get(1)[0]);
        assertEquals(size, reports.getLast()[0]);
    }

    @Test
    void readsThousandsSeparatorsWhenTheSampleShowsThem() {
        Path file = TestFiles.write(dir, "eu.csv", "region;revenue;units\nNorth;1,234.50;1,200,000\nSouth;12,345,678.00;7\n");
        ImportOptions opts = options(file, "data", BadRowPolicy.FAIL);
        assertEquals(List.of(FieldConverter.GROUPED_DECIMAL, FieldConverter.GROUPED_INTEGER),
                opts.columns().subList(1, 3).stream().map(ColumnSpec::pattern).toList());
        importer.importFile(project, file, opts, Progress.NONE, CancellationToken.create());
        assertArrayEquals(new Object[] {"South", 12_345_678.0, 7L}, project.rows("data").get(1));
    }

    @Test
    void stopsWhenBytesBeyondTheInspectedStartAreNotUtf8() {
        StringBuilder sb = new StringBuilder("item,price\n");
        while (sb.length() < CsvInspector.HEAD_BYTES + 100_000) {
            sb.append("Tea,2.50\n");
        }
        byte[] start = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] pound = "Gift voucher \u00a340,40.00\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = TestFiles.write(dir, "latin.csv", TestFiles.concat(start, pound));
        ImportOptions opts = options(file, "data", BadRowPolicy.SKIP);
        assertEquals(StandardCharsets.UTF_8, opts.format().encoding());

        EngineException e = assertThrows(EngineException.class,
                () -> importer.importFile(project, file, opts, Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("is not valid UTF-8 text around line"), e.getMessage());
        assertTrue(e.getMessage().contains("choose that encoding and import again"), e.getMessage());
        assertFalse(project.hasDataset("data"));
    }

    @Test
    void stopsWithoutWritingWhenCancelled() {
        Path file = bigFile(120_000);
        Path rejects = dir.resolve("rejects.csv");
        CancellationToken token = CancellationToken.create();
        Progress cancelAtFirstReport = (done, total, message) -> token.cancel();
        assertThrows(CancelledException.class, () -> importer.importFile(project, file,
                options(file, "data", BadRowPolicy.FAIL).withRejectsFile(rejects), cancelAtFirstReport, token));
        assertFalse(project.hasDataset("data"));
        assertTrue(project.lastWriter.closed);
        assertFalse(project.lastWriter.committed);
        assertTrue(project.lastWriter.rowCount() < 120_000, "stopped early");
        assertFalse(Files.exists(rejects), "a partial rejects file is removed");
    }

    @Test
    void importsRowsWiderThanTheirHeaderUnderGeneratedNames() {
        Path file = TestFiles.write(dir, "trailing.csv", "id,name\n1,a,\n2,b,\n");
        ImportResult result = importAll(file, BadRowPolicy.FAIL);
        assertEquals(List.of("id", "name", "column_3"), result.columns().stream().map(DatasetColumn::name).toList());
        assertArrayEquals(new Object[] {2L, "b", null}, project.rows("data").get(1));
    }

    @Test
    void refusesADatasetNameInUseBeforeReadingTheFile() {
        project.with("Sales");
        Path missing = dir.resolve("not-even-there.csv");
        ImportOptions opts = new ImportOptions("sales", new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false),
                List.of(new ColumnSpec("a", ColumnType.TEXT, ColumnRole.NONE, null)), BadRowPolicy.FAIL, null);
        EngineException e = assertThrows(EngineException.class,
                () -> importer.importFile(project, missing, opts, Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("already has a dataset named 'sales'"), e.getMessage());
        assertEquals(0, project.newDatasetCalls);
    }

    @Test
    void refusesDuplicateColumnNamesInTheSpecs() {
        Path file = TestFiles.write(dir, "d.csv", "a,b\n1,2\n");
        List<ColumnSpec> specs = List.of(new ColumnSpec("Price", ColumnType.TEXT, ColumnRole.NONE, null),
                new ColumnSpec("price", ColumnType.TEXT, ColumnRole.NONE, null));
        ImportOptions opts = new ImportOptions("data", new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false),
                specs, BadRowPolicy.FAIL, null);
        EngineException e = assertThrows(EngineException.class,
                () -> importer.importFile(project, file, opts, Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains("'Price' (column 1) and 'price' (column 2)"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing|was not found",
        "empty|is empty",
        "binary|not a CSV or TSV text file",
        "semicolons|does not seem to use comma (,) as its delimiter",
        "wider|has 3 columns but the import settings list 2"})
    void explainsFilesItCannotImport(String kind, String expected) {
        Path file = switch (kind) {
            case "missing" -> dir.resolve("gone.csv");
            case "empty" -> TestFiles.write(dir, "empty.csv", "");
            case "binary" -> TestFiles.write(dir, "img.csv", HexFormat.of().parseHex("89504e470d0a1a0a"));
            case "semicolons" -> TestFiles.write(dir, "semi.csv", "a;b\n1;2\n3;4\n");
            default -> TestFiles.write(dir, "wide.csv", "a,b,c\n1,2,3\n");
        };
        ImportOptions opts = new ImportOptions("data", new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false),
                List.of(new ColumnSpec("a", ColumnType.TEXT, ColumnRole.NONE, null),
                        new ColumnSpec("b", ColumnType.TEXT, ColumnRole.NONE, null)), BadRowPolicy.FAIL, null);
        EngineException e = assertThrows(EngineException.class,
                () -> importer.importFile(project, file, opts, Progress.NONE, CancellationToken.create()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(project.hasDataset("data"));
    }
}
