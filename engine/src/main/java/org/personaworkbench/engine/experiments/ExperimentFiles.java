package org.personaworkbench.engine.experiments;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.HeaderCsv;
import org.personaworkbench.engine.common.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads per-user or aggregated experiment rows from a CSV with a header into {@link Arm}s (one per variant, in
 * order of first appearance) through {@link ArmRows}, which project datasets use too. Conversions may be 0/1,
 * true/false or yes/no; rows with an empty variant or chosen value are skipped; errors name the file, the line
 * and the column.
 */
public final class ExperimentFiles {

    private ExperimentFiles() {
    }

    /** The columns to read; only the variant is required, the others may be null. */
    public record Columns(String variant, String conversion, String metric, String covariate, String segment) {
        public Columns {
            if (variant == null) {
                throw new IllegalArgumentException("An experiment CSV needs the variant column.");
            }
            if (covariate != null && metric == null) {
                throw new IllegalArgumentException("A CUPED covariate needs a metric column too.");
            }
        }
    }

    /** Reads the file; rows with an empty variant or an empty chosen value are skipped. */
    public static List<Arm> read(Path file, Columns columns, CancellationToken cancel) {
        return read(file, columns, columns.segment() == null ? SegmentLabels.none()
                : SegmentLabels.column(columns.segment()), Progress.NONE, cancel).arms();
    }

    /**
     * Reads per-user rows; the segment column's text goes through {@code labels} (a column's value or a joined
     * persona or rule segment).
     */
    static ArmRows.Result read(Path file, Columns columns, SegmentLabels labels, Progress progress,
                               CancellationToken cancel) {
        return read(file, columns, labels, "--segment-col", progress, cancel);
    }

    /** {@code segmentOption} names the segment column's option in messages (the customer id for a join). */
    static ArmRows.Result read(Path file, Columns columns, SegmentLabels labels, String segmentOption,
                               Progress progress, CancellationToken cancel) {
        ArmRows rows = ArmRows.perUser(columns, labels);
        try (CsvReader<CsvRecord> reader = HeaderCsv.open(file)) {
            int[] at = null;
            for (CsvRecord r : reader) {
                if (at == null) {
                    List<String> names = header(r);
                    at = new int[] {HeaderCsv.column(file, names, columns.variant(), "--variant-col"),
                            index(file, names, columns.conversion(), "--conversion-col"),
                            index(file, names, columns.metric(), "--metric-col"),
                            index(file, names, columns.covariate(), "--covariate-col"),
                            index(file, names, columns.segment(), segmentOption)};
                    continue;
                }
                tick(rows.rows(), progress, cancel);
                long line = r.getStartingLineNumber();
                rows.user(field(r, at[0]), chosen(r, at[1]), chosen(r, at[2]), chosen(r, at[3]), chosen(r, at[4]),
                        () -> file + ", line " + line);
            }
            if (at == null) {
                throw new EngineException("The file " + file + " is empty.");
            }
        } catch (CsvParseException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        progress.report(rows.rows(), rows.rows(), "Read " + String.format(java.util.Locale.ROOT, "%,d", rows.rows())
                + " rows");
        return rows.result();
    }

    /**
     * The columns of an aggregated file: one or more rows per variant holding users, conversions and optionally
     * the metric's sum and sum of squares over those users (rows of the same variant are added up).
     */
    public record AggregateColumns(String variant, String users, String conversions, String metricSum,
                                   String metricSumSquares) {
        public AggregateColumns {
            if (variant == null || users == null || conversions == null) {
                throw new IllegalArgumentException("An aggregated experiment CSV needs the variant, users and "
                        + "conversions columns.");
            }
            if ((metricSum == null) != (metricSumSquares == null)) {
                throw new IllegalArgumentException("Give both the metric's sum and its sum of squares, or neither.");
            }
        }
    }

    /** Reads aggregated rows (variant, users, conversions[, metric sum, metric sum of squares]). */
    public static List<Arm> readAggregated(Path file, AggregateColumns columns, CancellationToken cancel) {
        return readAggregated(file, columns, Progress.NONE, cancel).arms();
    }

    static ArmRows.Result readAggregated(Path file, AggregateColumns columns, Progress progress,
                                         CancellationToken cancel) {
        ArmRows rows = ArmRows.aggregated(columns);
        try (CsvReader<CsvRecord> reader = HeaderCsv.open(file)) {
            int[] at = null;
            for (CsvRecord r : reader) {
                if (at == null) {
                    List<String> names = header(r);
                    at = new int[] {HeaderCsv.column(file, names, columns.variant(), "--variant-col"),
                            HeaderCsv.column(file, names, columns.users(), "--users-col"),
                            HeaderCsv.column(file, names, columns.conversions(), "--conversion-col"),
                            index(file, names, columns.metricSum(), "--metric-sum-col"),
                            index(file, names, columns.metricSumSquares(), "--metric-sumsq-col")};
                    continue;
                }
                tick(rows.rows(), progress, cancel);
                long line = r.getStartingLineNumber();
                rows.aggregate(field(r, at[0]), field(r, at[1]), field(r, at[2]), chosen(r, at[3]), chosen(r, at[4]),
                        () -> file + ", line " + line);
            }
            if (at == null) {
                throw new EngineException("The file " + file + " is empty.");
            }
        } catch (CsvParseException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        return rows.result();
    }

    /** Every few thousand rows: cancellation and a progress report (the total is unknown while reading). */
    static void tick(long rows, Progress progress, CancellationToken cancel) {
        if ((rows & 0x3FFF) == 0x3FFF) {
            cancel.throwIfCancelled();
            progress.report(rows + 1, -1, "Read " + String.format(java.util.Locale.ROOT, "%,d", rows + 1) + " rows");
        }
    }

    private static List<String> header(CsvRecord r) {
        return r.getFields().stream().map(s -> s.trim().replace("\uFEFF", "")).toList();
    }

    private static int index(Path file, List<String> names, String column, String option) {
        return column == null ? -1 : HeaderCsv.column(file, names, column, option);
    }

    private static EngineException unreadable(Path file, CsvParseException e) {
        return new EngineException("The file " + file + " could not be read as CSV: " + e.getMessage()
                + ". Check that quotes are balanced.", e);
    }

    /** The cell of a chosen column (null when the column was not chosen). */
    private static String chosen(CsvRecord r, int index) {
        return index < 0 ? null : field(r, index);
    }

    private static String field(CsvRecord r, int index) {
        return index < r.getFieldCount() ? r.getField(index).trim() : "";
    }
}
