package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.personaworkbench.engine.common.EngineException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the start of a CSV/TSV file (plain or .gz) and tells how it is written and what its columns
 * hold, without writing anything: encoding, delimiter and header detection, type inference on a
 * sample, role suggestions, and the first rows for a preview table.
 *
 * <p>Only the first {@link #HEAD_BYTES} bytes of text (and at most {@link #INFERENCE_ROWS} records of
 * them) are read, so inspecting a gigabyte file is as quick as a small one. A value further down that
 * does not fit the inferred type shows up as a bad row on import.
 */
public final class CsvInspector {

    /** Rows shown in a preview. */
    public static final int PREVIEW_ROWS = 200;

    /** Rows sampled to infer column types. */
    public static final int INFERENCE_ROWS = 10_000;

    /** At most this many bytes of text are read from the start of the file. */
    public static final int HEAD_BYTES = 4 << 20;

    static final char QUOTE = '"';

    /**
     * @throws org.personaworkbench.engine.common.EngineException for an empty, binary or unreadable file,
     *         duplicate column names, or a file that does not use the chosen delimiter
     */
    public CsvPreview inspect(Path file, FormatOverrides overrides) {
        FormatOverrides fixed = overrides == null ? FormatOverrides.none() : overrides;
        SourceFile.Head head = SourceFile.readHead(file, HEAD_BYTES);
        ContentCheck.check(file, head);
        Charset encoding = fixed.encoding() != null ? fixed.encoding()
                : EncodingDetector.detect(head.bytes(), head.hadBom(), head.truncated());
        String text = new String(head.bytes(), encoding);
        char delimiter;
        if (fixed.delimiter() != null) {
            delimiter = fixed.delimiter();
            DelimiterCheck.verify(file, text, delimiter, QUOTE);
        } else {
            delimiter = DelimiterDetector.detect(text, QUOTE);
        }
        List<CsvRecord> records = readRecords(file, text, delimiter, head.truncated());
        if (records.isEmpty()) {
            throw new EngineException("The file " + file + " is empty (it holds only blank lines). "
                    + "Choose a CSV or TSV file with a header row and data.");
        }
        boolean header = fixed.header() != null ? fixed.header() : HeaderDetector.hasHeader(records);
        CsvFormat format = new CsvFormat(delimiter, QUOTE, encoding, header, head.gzip());
        return preview(file, format, records);
    }

    private static CsvPreview preview(Path file, CsvFormat format, List<CsvRecord> records) {
        List<CsvRecord> data = format.header() ? records.subList(1, records.size()) : records;
        if (data.size() > INFERENCE_ROWS) {
            data = data.subList(0, INFERENCE_ROWS);
        }
        // when most rows are wider than the header (say "1,2," under "a,b"), header cells are missing: name them
        int width = format.header() ? Math.max(records.getFirst().getFieldCount(), majorityWidth(data))
                : usualWidth(records);
        List<String> names = format.header()
                ? ColumnNames.fromHeader(file, records.getFirst().getFields(), width)
                : ColumnNames.generated(width);
        ColumnSample[] samples = sample(data, width);
        List<BadRow> bad = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord r : data) {
            if (r.getFieldCount() != width && bad.size() < CsvImporter.BAD_ROW_SAMPLE) {
                bad.add(new BadRow(r.getStartingLineNumber(), null,
                        RowProblems.wrongFieldCount(r.getFieldCount(), width),
                        String.join(String.valueOf(format.delimiter()), r.getFields())));
            }
            if (rows.size() < PREVIEW_ROWS) {
                rows.add(r.getFields());
            }
        }
        List<PreviewColumn> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(describe(names.get(i), samples[i]));
        }
        return new CsvPreview(file, format, columns, rows, data.size(), bad);
    }

    /** The most common field count of the records (the larger one on a tie); 0 for none. */
    static int usualWidth(List<CsvRecord> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = 0;
        int bestCount = 0;
        for (CsvRecord r : records) {
            int width = r.getFieldCount();
            int count = counts.merge(width, 1, Integer::sum);
            if (count > bestCount || count == bestCount && width > best) {
                best = width;
                bestCount = count;
            }
        }
        return best;
    }

    /** The field count more than half of the records have, or 0 when none has. */
    static int majorityWidth(List<CsvRecord> records) {
        int usual = usualWidth(records);
        long holding = records.stream().filter(r -> r.getFieldCount() == usual).count();
        return holding * 2 > records.size() ? usual : 0;
    }

    /** Type, pattern and role of one column from its sample. */
    static PreviewColumn describe(String name, ColumnSample sample) {
        ColumnSample.Inferred inferred = sample.infer();
        ColumnType type = inferred.type();
        String pattern = inferred.pattern();
        ColumnRole role = RoleSuggester.suggest(name, type, sample);
        if (type == ColumnType.DECIMAL && pattern == null && sample.allIntegral()
                && (role == ColumnRole.CUSTOMER_ID || role == ColumnRole.ITEM_ID)) {
            // ids exported through a float column, such as 17850.0 in the Online Retail data
            type = ColumnType.INTEGER;
        }
        return new PreviewColumn(name, type, pattern, role, sample.emptyCount(type));
    }

    /** Samples of the records that have the expected field count. */
    static ColumnSample[] sample(List<CsvRecord> data, int width) {
        ColumnSample[] samples = new ColumnSample[width];
        for (int i = 0; i < width; i++) {
            samples[i] = new ColumnSample();
        }
        for (CsvRecord r : data) {
            if (r.getFieldCount() == width) {
                for (int i = 0; i < width; i++) {
                    samples[i].add(r.getField(i));
                }
            }
        }
        return samples;
    }

    private static List<CsvRecord> readRecords(Path file, String text, char delimiter, boolean truncated) {
        List<CsvRecord> records = new ArrayList<>();
        boolean complete = true;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .quoteCharacter(QUOTE)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            for (CsvRecord r : reader) {
                records.add(r);
                if (records.size() > INFERENCE_ROWS) {
                    complete = false;
                    break;
                }
            }
        } catch (CsvParseException e) {
            if (!truncated) {
                throw new EngineException("The file " + file + " could not be read as CSV: "
                        + e.getMessage() + ". Check the delimiter and that quotes are balanced.", e);
            }
            complete = false;
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail", e);
        }
        if (truncated && complete && records.size() > 1) {
            records.removeLast(); // it may be cut in the middle
        }
        return records;
    }
}
