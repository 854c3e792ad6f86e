package org.personaworkbench.engine.experiments;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.HeaderCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads per-user experiment rows from a CSV with a header into {@link Arm}s (one per variant, in order of first
 * appearance). Conversions may be 0/1, true/false or yes/no; errors name the file, the line and the column.
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

    private static final class Builder {
        final String name;
        long users;
        long conversions;
        final List<Boolean> converted = new ArrayList<>();
        final DoubleList metric = new DoubleList();
        final DoubleList covariate = new DoubleList();
        final List<String> segment = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }
    }

    private static final class DoubleList {
        double[] values = new double[1024];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** Reads the file; rows with an empty variant are skipped. */
    public static List<Arm> read(Path file, Columns columns, CancellationToken cancel) {
        Map<String, Builder> arms = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> reader = HeaderCsv.open(file)) {
            int variant = -1;
            int conversion = -1;
            int metric = -1;
            int covariate = -1;
            int segment = -1;
            boolean header = true;
            long n = 0;
            for (CsvRecord r : reader) {
                if (header) {
                    List<String> names = r.getFields().stream().map(s -> s.trim().replace("\uFEFF", "")).toList();
                    variant = HeaderCsv.column(file, names, columns.variant(), "--variant-col");
                    conversion = columns.conversion() == null ? -1
                            : HeaderCsv.column(file, names, columns.conversion(), "--conversion-col");
                    metric = columns.metric() == null ? -1 : HeaderCsv.column(file, names, columns.metric(), "--metric-col");
                    covariate = columns.covariate() == null ? -1
                            : HeaderCsv.column(file, names, columns.covariate(), "--covariate-col");
                    segment = columns.segment() == null ? -1
                            : HeaderCsv.column(file, names, columns.segment(), "--segment-col");
                    header = false;
                    continue;
                }
                if ((++n & 0x3FFF) == 0) {
                    cancel.throwIfCancelled();
                }
                long line = r.getStartingLineNumber();
                String v = field(r, variant);
                if (v.isEmpty()) {
                    continue;
                }
                Builder b = arms.computeIfAbsent(v, Builder::new);
                b.users++;
                if (conversion >= 0) {
                    boolean c = bool(file, line, columns.conversion(), field(r, conversion));
                    b.converted.add(c);
                    if (c) {
                        b.conversions++;
                    }
                } else {
                    b.converted.add(false);
                }
                if (metric >= 0) {
                    b.metric.add(number(file, line, columns.metric(), field(r, metric)));
                }
                if (covariate >= 0) {
                    b.covariate.add(number(file, line, columns.covariate(), field(r, covariate)));
                }
                if (segment >= 0) {
                    String s = field(r, segment);
                    b.segment.add(s.isEmpty() ? "(blank)" : s);
                }
            }
            if (header) {
                throw new EngineException("The file " + file + " is empty.");
            }
        } catch (CsvParseException e) {
            throw new EngineException("The file " + file + " could not be read as CSV: " + e.getMessage()
                    + ". Check that quotes are balanced.", e);
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        List<Arm> out = new ArrayList<>();
        for (Builder b : arms.values()) {
            boolean[] converted = new boolean[b.converted.size()];
            for (int i = 0; i < converted.length; i++) {
                converted[i] = b.converted.get(i);
            }
            double[] m = columns.metric() == null ? null : b.metric.toArray();
            double sum = m == null ? Double.NaN : java.util.Arrays.stream(m).sum();
            double sumSq = m == null ? Double.NaN : java.util.Arrays.stream(m).map(x -> x * x).sum();
            out.add(new Arm(b.name, b.users, b.conversions, sum, sumSq, m,
                    columns.covariate() == null ? null : b.covariate.toArray(), converted,
                    columns.segment() == null ? null : b.segment.toArray(String[]::new)));
        }
        return out;
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
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> reader = HeaderCsv.open(file)) {
            int variant = -1;
            int users = -1;
            int conversions = -1;
            int sum = -1;
            int sumSq = -1;
            boolean header = true;
            for (CsvRecord r : reader) {
                if (header) {
                    List<String> names = r.getFields().stream().map(s -> s.trim().replace("\uFEFF", "")).toList();
                    variant = HeaderCsv.column(file, names, columns.variant(), "--variant-col");
                    users = HeaderCsv.column(file, names, columns.users(), "--users-col");
                    conversions = HeaderCsv.column(file, names, columns.conversions(), "--conversion-col");
                    sum = columns.metricSum() == null ? -1 : HeaderCsv.column(file, names, columns.metricSum(), "--metric-sum-col");
                    sumSq = columns.metricSumSquares() == null ? -1
                            : HeaderCsv.column(file, names, columns.metricSumSquares(), "--metric-sumsq-col");
                    header = false;
                    continue;
                }
                cancel.throwIfCancelled();
                long line = r.getStartingLineNumber();
                String v = field(r, variant);
                if (v.isEmpty()) {
                    continue;
                }
                long n = count(file, line, columns.users(), field(r, users));
                long x = count(file, line, columns.conversions(), field(r, conversions));
                if (x > n) {
                    throw new EngineException(file + ", line " + line + ": " + x + " conversions out of " + n
                            + " users is impossible.");
                }
                long[] c = counts.computeIfAbsent(v, k -> new long[2]);
                c[0] = Math.addExact(c[0], n);
                c[1] = Math.addExact(c[1], x);
                double[] m = sums.computeIfAbsent(v, k -> new double[2]);
                if (sum >= 0) {
                    m[0] += number(file, line, columns.metricSum(), field(r, sum));
                    m[1] += number(file, line, columns.metricSumSquares(), field(r, sumSq));
                }
            }
            if (header) {
                throw new EngineException("The file " + file + " is empty.");
            }
        } catch (CsvParseException e) {
            throw new EngineException("The file " + file + " could not be read as CSV: " + e.getMessage()
                    + ". Check that quotes are balanced.", e);
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
        List<Arm> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            double[] m = sums.get(e.getKey());
            out.add(columns.metricSum() == null ? Arm.counts(e.getKey(), e.getValue()[0], e.getValue()[1])
                    : Arm.aggregated(e.getKey(), e.getValue()[0], e.getValue()[1], m[0], m[1]));
        }
        return out;
    }

    private static long count(Path file, long line, String column, String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new EngineException(file + ", line " + line + ", column '" + column + "': '" + text
                    + "' is not a count (a whole number, 0 or more).");
        }
    }

    static boolean bool(Path file, long line, String column, String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true", "yes", "y", "t" -> {
                return true;
            }
            case "0", "0.0", "false", "no", "n", "f" -> {
                return false;
            }
            default -> throw new EngineException(file + ", line " + line + ", column '" + column + "': '" + text
                    + "' is not a conversion (use 0/1, true/false or yes/no).");
        }
    }

    private static double number(Path file, long line, String column, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new EngineException(file + ", line " + line + ", column '" + column + "': '" + text
                    + "' is not a number.");
        }
    }

    private static String field(CsvRecord r, int index) {
        return index < r.getFieldCount() ? r.getField(index).trim() : "";
    }



}
