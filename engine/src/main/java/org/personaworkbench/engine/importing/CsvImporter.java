package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.DatasetWriter;
import org.personaworkbench.engine.project.ImportLogEntry;
import org.personaworkbench.engine.project.Project;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a CSV/TSV file (plain or .gz) into a new dataset of a project, converting each field to its
 * column's type. Rows that do not fit are collected with line numbers and reasons; the
 * {@link BadRowPolicy} then decides to skip them or cancel. Cancel or failure leaves the project as it was.
 *
 * <p>The file is read once: parsing, conversion, byte counting for progress and the SHA-256 for the
 * import log all happen in that one pass. Checks that need no data (dataset name in use, duplicate
 * column names, missing, empty or binary file, wrong delimiter) run before anything is written.
 */
public final class CsvImporter {

    /** At most this many bad rows are kept in memory and reported in full. */
    public static final int BAD_ROW_SAMPLE = 1_000;

    /** Progress is reported about this often, in rows. */
    static final int PROGRESS_ROWS = 50_000;

    /** Cancellation is checked this often, in rows (a power of two minus one, used as a mask). */
    static final int CANCEL_CHECK_MASK = 4_095;

    /** Bad rows listed in the message when the import is cancelled because of them. */
    static final int BAD_ROWS_IN_MESSAGE = 5;

    private static final int CHECK_BYTES = 64 << 10;

    /**
     * Imports the file as a new dataset, all or nothing.
     *
     * @param progress told the file bytes read of the file's size every {@value #PROGRESS_ROWS} rows; may be null
     * @param cancel   checked every few thousand rows; may be null
     * @throws org.personaworkbench.engine.common.EngineException for a name in use, duplicate column names, a
     *         missing, unreadable, empty or binary file, a wrong delimiter, text not in the chosen encoding, or
     *         bad rows the policy refused (the message lists the first ones)
     * @throws org.personaworkbench.engine.common.CancelledException when cancelled; nothing was written
     */
    public ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                                   CancellationToken cancel) {
        long started = System.nanoTime();
        Progress report = progress == null ? Progress.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.create() : cancel;
        List<ColumnSpec> specs = options.columns();
        checkBeforeReading(project, file, options);
        FieldConverter[] converters = specs.stream().map(FieldConverter::forSpec).toArray(FieldConverter[]::new);
        List<DatasetColumn> columns = specs.stream()
                .map(s -> new DatasetColumn(s.name(), s.type(), s.role())).toList();
        List<String> names = specs.stream().map(ColumnSpec::name).toList();

        Run run = new Run(file, options, names);
        try (SourceFile source = SourceFile.open(file);
             DatasetWriter writer = project.newDataset(options.datasetName(), columns)) {
            run.rejects = options.rejectsFile() == null ? null : RejectsWriter.open(options.rejectsFile(), names);
            String sha256 = streamRows(source, writer, new ConvertingHandler(converters, options.format().header()),
                    run, report, token);
            run.closeRejects(); // kept from here on, even when the policy cancels: it lists what was wrong
            if (run.rejected > 0
                    && options.badRowPolicy().decide(List.copyOf(run.sample), run.rejected) == BadRowPolicy.Decision.CANCEL) {
                throw run.cancelledForBadRows();
            }
            DatasetInfo info = writer.commit(new ImportLogEntry(options.datasetName(),
                    file.toAbsolutePath().toString(), sha256, Instant.now(), run.read, run.rejected, run.summary()));
            report.report(source.size(), source.size(), rowsMessage(info.rows()));
            return new ImportResult(info.name(), info.rows(), info.columns(), run.rejected, run.sample,
                    (System.nanoTime() - started) / 1e9, sha256, options.rejectsFile());
        } catch (RuntimeException e) {
            run.discardRejects(); // a partial rejects file from a cancelled or failed read would mislead
            throw e;
        }
    }

    /** Reads every record once, appending good rows and collecting bad ones; returns the file's SHA-256. */
    private static String streamRows(SourceFile source, DatasetWriter writer, ConvertingHandler handler, Run run,
                                     Progress report, CancellationToken token) {
        Path file = run.file;
        CsvFormat format = run.options.format();
        int width = run.names.size();
        try (CsvReader<ConvertingHandler> reader = CsvReader.builder()
                .fieldSeparator(format.delimiter())
                .quoteCharacter(format.quote())
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .build(handler, textReader(source, format))) {
            long nextReport = PROGRESS_ROWS;
            for (ConvertingHandler record : reader) {
                if (record.isHeader()) {
                    checkHeaderWidth(file, record.fieldCount(), width);
                    continue;
                }
                long read = ++run.read;
                if (record.isGood()) {
                    writer.append(record.row());
                } else {
                    run.reject(record);
                }
                if ((read & CANCEL_CHECK_MASK) == 0) {
                    token.throwIfCancelled();
                }
                if (read >= nextReport) {
                    nextReport += PROGRESS_ROWS;
                    report.report(source.bytesRead(), source.size(), rowsMessage(read));
                }
            }
            token.throwIfCancelled();
            return source.finishSha256(); // before the reader closes the stream
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notInEncoding(file, format, handler.line());
            }
            throw SourceFile.unreadable(file, e.getCause());
        } catch (CsvParseException e) {
            throw new EngineException("The file " + file + " could not be read as CSV: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
                    + ". Check the delimiter and that quotes are balanced.", e);
        } catch (IOException e) {
            throw SourceFile.unreadable(file, e);
        }
    }

    private static void checkBeforeReading(Project project, Path file, ImportOptions options) {
        String name = options.datasetName();
        if (name.isBlank()) {
            throw new EngineException("The dataset needs a name. Type a name for the data from " + file + ".");
        }
        if (project.hasDataset(name)) {
            throw new EngineException("The project already has a dataset named '" + name + "' (names ignore case). "
                    + "Choose another name, or delete the existing dataset first.");
        }
        if (options.columns().isEmpty()) {
            throw new EngineException("No columns were chosen for " + file + ". Inspect the file again to list its columns.");
        }
        ColumnNames.requireUnique(file, options.columns().stream().map(ColumnSpec::name).toList());
        if (options.columns().stream().anyMatch(c -> c.name().isBlank())) {
            throw new EngineException("Every column of " + file + " needs a name. Fill in the empty names.");
        }
        SourceFile.Head head = SourceFile.readHead(file, CHECK_BYTES);
        ContentCheck.check(file, head);
        CsvFormat format = options.format();
        DelimiterCheck.verify(file, new String(head.bytes(), format.encoding()), format.delimiter(), format.quote());
    }

    /**
     * A reader that refuses malformed UTF-8 instead of replacing it: the inspector looks only at the start
     * of a file, so a Windows-1252 byte further down must stop the import rather than become '\uFFFD'.
     */
    private static Reader textReader(SourceFile source, CsvFormat format) {
        Charset charset = format.encoding();
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return new InputStreamReader(source.text(), charset);
        }
        return new InputStreamReader(source.text(), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static EngineException notInEncoding(Path file, CsvFormat format, long line) {
        return new EngineException("Nothing was imported: the file " + file + " is not valid "
                + format.encoding().displayName() + " text around line " + line + " (the start of the file was). "
                + "It was probably saved as Windows-1252 or ISO-8859-1: choose that encoding and import again.");
    }

    /** A header may be shorter than the specs (cells missing, named by the inspector), not longer. */
    private static void checkHeaderWidth(Path file, int found, int expected) {
        if (found > expected) {
            throw new EngineException("The header of " + file + " has " + found + " columns but the import settings "
                    + "list " + expected + ". The file may have changed since it was inspected: inspect it again.");
        }
    }

    static String rowsMessage(long rows) {
        return String.format(Locale.ROOT, "Imported %,d rows", rows);
    }

    /** The state of one import: counts, the bad-row sample, the rejects file. */
    private static final class Run {
        private final Path file;
        private final ImportOptions options;
        private final List<String> names;
        private final List<BadRow> sample = new ArrayList<>();
        private final Map<String, Long> reasons = new LinkedHashMap<>();
        private RejectsWriter rejects;
        private long read;
        private long rejected;

        Run(Path file, ImportOptions options, List<String> names) {
            this.file = file;
            this.options = options;
            this.names = names;
        }

        void reject(ConvertingHandler record) {
            rejected++;
            int bad = record.badColumn();
            String column;
            String reason;
            if (bad == ConvertingHandler.WRONG_FIELD_COUNT) {
                column = null;
                reason = RowProblems.wrongFieldCount(record.fieldCount(), names.size());
                reasons.merge("the wrong number of fields", 1L, Long::sum);
            } else {
                column = names.get(bad);
                reason = FieldConverter.forSpec(options.columns().get(bad)).problem(record.field(bad));
                reasons.merge("a bad '" + column + "'", 1L, Long::sum);
            }
            if (sample.size() < BAD_ROW_SAMPLE || rejects != null) {
                String[] fields = record.fields();
                if (sample.size() < BAD_ROW_SAMPLE) {
                    sample.add(new BadRow(record.line(), column, reason,
                            String.join(String.valueOf(options.format().delimiter()), fields)));
                }
                if (rejects != null) {
                    rejects.write(record.line(), column == null ? reason : "column '" + column + "': " + reason, fields);
                }
            }
        }

        /** For the import log: "3 rows rejected: 2 with a bad 'Quantity', 1 with the wrong number of fields". */
        String summary() {
            if (rejected == 0) {
                return null;
            }
            StringBuilder sb = new StringBuilder(RowProblems.count(rejected, "row")).append(" rejected: ");
            int shown = 0;
            for (Map.Entry<String, Long> e : reasons.entrySet()) {
                if (shown++ == 3) {
                    sb.append(", …");
                    break;
                }
                sb.append(shown > 1 ? ", " : "").append(String.format(Locale.ROOT, "%,d with ", e.getValue()))
                        .append(e.getKey());
            }
            return sb.toString();
        }

        EngineException cancelledForBadRows() {
            return new EngineException("Nothing was imported from " + file + ": "
                    + RowProblems.count(rejected, "row") + " of " + String.format(Locale.ROOT, "%,d", read)
                    + " did not fit their columns"
                    + (options.rejectsFile() == null ? "" : " (all saved to " + options.rejectsFile() + ")")
                    + ". Fix the file or the column types, or re-run with skip to import the rest. First bad rows:"
                    + RowProblems.firstFew(sample, BAD_ROWS_IN_MESSAGE),
                    RowProblems.firstFew(sample, BAD_ROW_SAMPLE));
        }

        void closeRejects() {
            if (rejects != null) {
                RejectsWriter r = rejects;
                rejects = null;
                r.close();
            }
        }

        void discardRejects() {
            if (rejects != null) {
                RejectsWriter r = rejects;
                rejects = null;
                r.discard();
            }
        }
    }
}
