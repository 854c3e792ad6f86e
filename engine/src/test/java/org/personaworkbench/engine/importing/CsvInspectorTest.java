package org.personaworkbench.engine.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.personaworkbench.engine.common.EngineException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvInspectorTest {

    @TempDir
    Path dir;

    private final CsvInspector inspector = new CsvInspector();

    private CsvPreview inspect(Path file) {
        return inspector.inspect(file, FormatOverrides.none());
    }

    private static PreviewColumn column(CsvPreview preview, String name) {
        return preview.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void describesAnOnlineRetailStyleFile() {
        CsvPreview preview = inspect(TestFiles.resource("retail_small.csv"));
        assertEquals(new CsvFormat(',', '"', StandardCharsets.UTF_8, true, false), preview.format());
        assertEquals(List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                "CustomerID", "Country"), preview.columns().stream().map(PreviewColumn::name).toList());
        assertAll(
                () -> assertEquals(new PreviewColumn("InvoiceNo", ColumnType.TEXT, null, ColumnRole.NONE, 0),
                        column(preview, "InvoiceNo")),
                () -> assertEquals(ColumnRole.ITEM_ID, column(preview, "StockCode").suggestedRole()),
                () -> assertEquals(ColumnRole.TEXT, column(preview, "Description").suggestedRole()),
                () -> assertEquals(new PreviewColumn("Quantity", ColumnType.INTEGER, null, ColumnRole.QUANTITY, 0),
                        column(preview, "Quantity")),
                () -> assertEquals(new PreviewColumn("InvoiceDate", ColumnType.DATETIME, "M/d/yyyy H:mm",
                        ColumnRole.TIMESTAMP, 0), column(preview, "InvoiceDate")),
                () -> assertEquals(new PreviewColumn("UnitPrice", ColumnType.DECIMAL, null, ColumnRole.PRICE, 0),
                        column(preview, "UnitPrice")),
                () -> assertEquals(new PreviewColumn("CustomerID", ColumnType.INTEGER, null, ColumnRole.CUSTOMER_ID, 1),
                        column(preview, "CustomerID")),
                () -> assertEquals(ColumnRole.CATEGORY, column(preview, "Country").suggestedRole()));
        assertEquals(6, preview.sampledRows());
        assertEquals(List.of("536367", "84879", "ASSORTED COLOUR BIRD\nORNAMENT", "32", "12/1/2010 8:34", "1.69",
                "13047.0", "United Kingdom"), preview.rows().get(3));
        assertEquals("HAND WARMER \"UNION JACK\"", preview.rows().get(2).get(2));
        assertTrue(preview.badRowsInSample().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(chars = {',', '\t', ';', '|'})
    void detectsTheDelimiter(char delimiter) {
        String d = String.valueOf(delimiter);
        Path file = TestFiles.write(dir, "d.txt", String.join(d, "id", "name", "price") + "\n"
                + String.join(d, "1", "\"Tea" + d + " green\"", "2.5") + "\n" + String.join(d, "2", "Cake", "3.25") + "\n");
        CsvPreview preview = inspect(file);
        assertEquals(delimiter, preview.format().delimiter());
        assertEquals(3, preview.columns().size());
        assertEquals("Tea" + d + " green", preview.rows().get(0).get(1));
    }

    @Test
    void readsTabSeparatedFiles() {
        CsvPreview preview = inspect(TestFiles.resource("orders.tsv"));
        assertEquals('\t', preview.format().delimiter());
        assertEquals(new PreviewColumn("ordered_at", ColumnType.DATETIME, "yyyy-MM-dd HH:mm:ss", ColumnRole.TIMESTAMP, 0),
                column(preview, "ordered_at"));
        assertEquals(ColumnRole.CUSTOMER_ID, column(preview, "user_id").suggestedRole());
        assertEquals(ColumnRole.ITEM_ID, column(preview, "sku").suggestedRole());
        assertEquals(ColumnRole.CATEGORY, column(preview, "channel").suggestedRole());
    }

    @Test
    void suggestsExperimentRoles() {
        CsvPreview preview = inspect(TestFiles.resource("ab_test.csv"));
        assertEquals(List.of(ColumnRole.CUSTOMER_ID, ColumnRole.VARIANT, ColumnRole.OUTCOME, ColumnRole.AMOUNT),
                preview.columns().stream().map(PreviewColumn::suggestedRole).toList());
        assertEquals(ColumnType.INTEGER, column(preview, "converted").inferredType());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "UTF-8 with BOM,   efbbbf,     UTF-8",
        "UTF-8,            '',         UTF-8"})
    void detectsUtf8WithOrWithoutBom(String label, String prefixHex, String expected) {
        byte[] body = "name,city\nZoë,Köln\n".getBytes(StandardCharsets.UTF_8);
        Path file = TestFiles.write(dir, "u.csv", TestFiles.concat(HexFormat.of().parseHex(prefixHex), body));
        CsvPreview preview = inspect(file);
        assertEquals(Charset.forName(expected), preview.format().encoding());
        assertEquals("name", preview.columns().getFirst().name(), "the BOM is not part of the first name");
        assertEquals(List.of("Zoë", "Köln"), preview.rows().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"windows-1252, windows-1252", "ISO-8859-1, ISO-8859-1"})
    void detectsSingleByteEncodings(String written, String expected) {
        String text = "name,price\nCafé,2\n" + (written.equals("windows-1252") ? "“Best” tea,3\n" : "Größe,4\n");
        Path file = TestFiles.write(dir, "e.csv", text, Charset.forName(written));
        CsvPreview preview = inspect(file);
        assertEquals(Charset.forName(expected), preview.format().encoding());
        assertEquals("Café", preview.rows().getFirst().getFirst());
    }

    @Test
    void readsGzipByItsMagicBytesWhateverTheName() {
        String text = "a,b\n1,x\n2,y\n";
        for (String name : List.of("data.csv.gz", "data.csv")) {
            Path file = TestFiles.gzip(dir, name, text);
            CsvPreview preview = inspect(file);
            assertTrue(preview.format().gzip(), name);
            assertEquals(List.of(List.of("1", "x"), List.of("2", "y")), preview.rows(), name);
        }
    }

    @Test
    void detectsAMissingHeader() {
        Path file = TestFiles.write(dir, "h.csv", "1,Tea,2.5\n2,Cake,3.25\n");
        CsvPreview preview = inspect(file);
        assertFalse(preview.format().header());
        assertEquals(List.of("column_1", "column_2", "column_3"), preview.columns().stream().map(PreviewColumn::name).toList());
        assertEquals(2, preview.sampledRows());
        assertEquals(ColumnType.INTEGER, preview.columns().getFirst().inferredType());
    }

    @Test
    void honoursFormatOverrides() {
        Path file = TestFiles.write(dir, "o.csv", "a;b\n1;x,y\n2;z\n", StandardCharsets.ISO_8859_1);
        CsvPreview preview = inspector.inspect(file, new FormatOverrides(';', StandardCharsets.ISO_8859_1, false));
        assertEquals(new CsvFormat(';', '"', StandardCharsets.ISO_8859_1, false, false), preview.format());
        assertEquals(List.of("a", "b"), preview.rows().getFirst());
        assertEquals(3, preview.sampledRows());
    }

    @Test
    void namesMissingHeaderCellsByPosition() {
        Path file = TestFiles.write(dir, "m.csv", "id,,price,\n1,a,2,x\n");
        CsvPreview preview = inspect(file);
        assertEquals(List.of("id", "column_2", "price", "column_4"),
                preview.columns().stream().map(PreviewColumn::name).toList());
    }

    @Test
    void namesColumnsMissingFromAHeaderShorterThanTheRows() {
        Path file = TestFiles.write(dir, "short.csv", "id,name\n1,a,x\n2,b,y\n3,c\n");
        CsvPreview preview = inspect(file);
        assertEquals(List.of("id", "name", "column_3"), preview.columns().stream().map(PreviewColumn::name).toList());
        assertEquals(List.of(new BadRow(4, null, "has 2 fields but the header has 3", "3,c")), preview.badRowsInSample());
    }

    @Test
    void listsRowsWithTheWrongFieldCountInTheSample() {
        Path file = TestFiles.write(dir, "w.csv", "a,b\n1,2\n3\n4,5,6\n");
        CsvPreview preview = inspect(file);
        assertEquals(List.of(new BadRow(3, null, "has 1 field but the header has 2", "3"),
                new BadRow(4, null, "has 3 fields but the header has 2", "4,5,6")), preview.badRowsInSample());
    }

    @Test
    void readsOnlyTheStartOfABigFile() {
        StringBuilder sb = new StringBuilder("id,value\n");
        for (int i = 0; i < 30_000; i++) {
            sb.append(i).append(',').append(i % 7).append('\n');
        }
        sb.append("x,not a number\n"); // beyond the sample
        CsvPreview preview = inspect(TestFiles.write(dir, "big.csv", sb.toString()));
        assertEquals(CsvInspector.INFERENCE_ROWS, preview.sampledRows());
        assertEquals(CsvInspector.PREVIEW_ROWS, preview.rows().size());
        assertEquals(ColumnType.INTEGER, preview.columns().get(1).inferredType());
    }

    @Test
    void reportsAnEmptyFile() {
        for (String text : List.of("", "\n\n  \r\n")) {
            Path file = TestFiles.write(dir, "empty.csv", text);
            EngineException e = assertThrows(EngineException.class, () -> inspect(file));
            assertTrue(e.getMessage().contains("empty.csv is empty"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "89504e470d0a1a0a0000000d49484452, PNG image",
        "504b0304140000000800,             ZIP archive or an Excel .xlsx workbook",
        "d0cf11e0a1b11ae1,                 old Excel .xls",
        "255044462d312e34,                 PDF document",
        "6e616d650a00010203,               contains NUL bytes",
        "fffe6e00610000,                   UTF-16"})
    void refusesBinaryFilesSayingWhatTheyLookLike(String hex, String expected) {
        Path file = TestFiles.write(dir, "data.csv", HexFormat.of().parseHex(hex));
        EngineException e = assertThrows(EngineException.class, () -> inspect(file));
        assertTrue(e.getMessage().contains("data.csv is not a CSV or TSV text file"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void saysWhenTheChosenDelimiterDoesNotSplitTheFile() {
        Path file = TestFiles.write(dir, "c.csv", "a,b,c\n1,2,3\n4,5,6\n");
        EngineException e = assertThrows(EngineException.class,
                () -> inspector.inspect(file, new FormatOverrides(';', null, null)));
        assertTrue(e.getMessage().contains("does not seem to use semicolon (;)"), e.getMessage());
        assertTrue(e.getMessage().contains("Choose comma (,) as the delimiter"), e.getMessage());
    }

    @Test
    void acceptsAOneColumnFileWithAnyDelimiter() {
        Path file = TestFiles.write(dir, "one.csv", "email\na@example.com\nb@example.com\n");
        assertEquals(1, inspector.inspect(file, new FormatOverrides(';', null, null)).columns().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id,Name,name\n1,a,b\n", "id,price,price\n1,2,3\n"})
    void refusesDuplicateColumnNamesIgnoringCase(String text) {
        Path file = TestFiles.write(dir, "dup.csv", text);
        EngineException e = assertThrows(EngineException.class, () -> inspect(file));
        assertTrue(e.getMessage().contains("duplicate column names"), e.getMessage());
        assertTrue(e.getMessage().contains("(column 2) and '"), e.getMessage());
        assertTrue(e.getMessage().contains("(column 3)"), e.getMessage());
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("nowhere.csv");
        EngineException e = assertThrows(EngineException.class, () -> inspect(file));
        assertTrue(e.getMessage().contains("nowhere.csv was not found"), e.getMessage());
    }

    @Test
    void reportsAFolderChosenAsAFile() {
        EngineException e = assertThrows(EngineException.class, () -> inspect(dir));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void reportsAnUnreadableFile() throws Exception {
        Path file = TestFiles.write(dir, "secret.csv", "a\n1\n");
        Files.setPosixFilePermissions(file, java.util.Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as a user who reads anything");
        EngineException e = assertThrows(EngineException.class, () -> inspect(file));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void reportsADamagedGzipFile() {
        byte[] gz = HexFormat.of().parseHex("1f8b08000000000000ff");
        Path file = TestFiles.write(dir, "cut.csv.gz", gz);
        EngineException e = assertThrows(EngineException.class, () -> inspect(file));
        assertTrue(e.getMessage().contains("damaged or cut short"), e.getMessage());
    }
}
