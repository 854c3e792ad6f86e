package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.EngineException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds experiment rows up into {@link Arm}s (one per variant, in order of first appearance), whether the rows come
 * from a CSV file or a project dataset: both hand over each chosen cell as text, so conversions (0/1, true/false,
 * yes/no), numbers and counts are parsed, skipped or rejected in this one place. Rows with an empty variant or an
 * empty chosen value are skipped and counted; a value that cannot be read is an error naming where it is.
 */
final class ArmRows {

    /** Per-user rows: which columns were chosen (null = not chosen) and how a user's breakdown key is labelled. */
    private final ExperimentFiles.Columns columns;
    private final SegmentLabels labels;
    private final ExperimentFiles.AggregateColumns aggregate;
    private final Map<String, Builder> arms = new LinkedHashMap<>();
    private long used;
    private long skipped;

    private ArmRows(ExperimentFiles.Columns columns, SegmentLabels labels, ExperimentFiles.AggregateColumns aggregate) {
        this.columns = columns;
        this.labels = labels;
        this.aggregate = aggregate;
    }

    /** Rows of one user each; {@code labels} turns the segment column's text into the breakdown label. */
    static ArmRows perUser(ExperimentFiles.Columns columns, SegmentLabels labels) {
        return new ArmRows(columns, labels, null);
    }

    /** Rows of users, conversions and metric sums, added up per variant. */
    static ArmRows aggregated(ExperimentFiles.AggregateColumns columns) {
        return new ArmRows(null, SegmentLabels.none(), columns);
    }

    /** The arms read, how many rows went into them and how many were skipped. */
    record Result(List<Arm> arms, long rowsUsed, long rowsSkipped, long unmatched) {
    }

    private static final class Builder {
        final String name;
        long users;
        long conversions;
        final BooleanList converted = new BooleanList();
        final LongList arrival = new LongList();
        final DoubleList metric = new DoubleList();
        final DoubleList covariate = new DoubleList();
        final List<String> segment = new ArrayList<>();
        double sum;
        double sumSquares;

        Builder(String name) {
            this.name = name;
        }
    }

    /**
     * One per-user row: the trimmed text of the variant, conversion, metric, covariate and segment cells (null
     * for columns not chosen); {@code where} names the row for messages ("file.csv, line 12").
     */
    void user(String variant, String conversion, String metric, String covariate, String segment,
              Supplier<String> where) {
        if (variant.isEmpty() || isEmpty(conversion) || isEmpty(metric) || isEmpty(covariate)) {
            skipped++;
            return;
        }
        boolean c = conversion != null && conversion(where, columns.conversion(), conversion);
        double m = metric == null ? Double.NaN : number(where, columns.metric(), metric);
        double x = covariate == null ? Double.NaN : number(where, columns.covariate(), covariate);
        Builder b = arms.computeIfAbsent(variant, Builder::new);
        b.users++;
        b.converted.add(c);
        b.arrival.add(used);
        if (c) {
            b.conversions++;
        }
        if (metric != null) {
            b.metric.add(m);
        }
        if (covariate != null) {
            b.covariate.add(x);
        }
        if (segment != null) {
            b.segment.add(labels.label(segment));
        }
        used++;
    }

    /** One aggregated row: variant, users, conversions and optionally the metric's sum and sum of squares. */
    void aggregate(String variant, String users, String conversions, String sum, String sumSquares,
                   Supplier<String> where) {
        if (variant.isEmpty() || users.isEmpty() || conversions.isEmpty() || isEmpty(sum) || isEmpty(sumSquares)) {
            skipped++;
            return;
        }
        long n = count(where, aggregate.users(), users);
        long x = count(where, aggregate.conversions(), conversions);
        if (x > n) {
            throw new EngineException(where.get() + ": " + x + " conversions out of " + n + " users is impossible.");
        }
        Builder b = arms.computeIfAbsent(variant, Builder::new);
        b.users = Math.addExact(b.users, n);
        b.conversions = Math.addExact(b.conversions, x);
        if (sum != null) {
            b.sum += number(where, aggregate.metricSum(), sum);
            b.sumSquares += number(where, aggregate.metricSumSquares(), sumSquares);
        }
        used++;
    }

    /** Rows handed over so far (used and skipped). */
    long rows() {
        return used + skipped;
    }

    Result result() {
        List<Arm> out = new ArrayList<>();
        for (Builder b : arms.values()) {
            if (aggregate != null) {
                out.add(aggregate.metricSum() == null ? Arm.counts(b.name, b.users, b.conversions)
                        : Arm.aggregated(b.name, b.users, b.conversions, b.sum, b.sumSquares));
                continue;
            }
            double[] m = columns.metric() == null ? null : b.metric.toArray();
            double sum = m == null ? Double.NaN : Arrays.stream(m).sum();
            double sumSq = m == null ? Double.NaN : Arrays.stream(m).map(v -> v * v).sum();
            out.add(new Arm(b.name, b.users, b.conversions, sum, sumSq, m,
                    columns.covariate() == null ? null : b.covariate.toArray(), b.converted.toArray(),
                    columns.segment() == null ? null : b.segment.toArray(String[]::new), b.arrival.toArray()));
        }
        return new Result(out, used, skipped, labels.unmatched());
    }

    private static boolean isEmpty(String chosen) {
        return chosen != null && chosen.isEmpty();
    }

    /** A conversion cell: 1/0, true/false, yes/no (also 1.0/0.0, y/n, t/f), any case. */
    static boolean conversion(Supplier<String> where, String column, String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "1.0", "true", "yes", "y", "t" -> {
                return true;
            }
            case "0", "0.0", "false", "no", "n", "f" -> {
                return false;
            }
            default -> throw new EngineException(where.get() + ", column '" + column + "': '" + text
                    + "' is not a conversion (use 0/1, true/false or yes/no).");
        }
    }

    static double number(Supplier<String> where, String column, String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new EngineException(where.get() + ", column '" + column + "': '" + text + "' is not a number.");
        }
    }

    static long count(Supplier<String> where, String column, String text) {
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            try {
                // a DECIMAL dataset column reads as "120.0"; whole values are counts too
                double d = Double.parseDouble(text.trim());
                if (d >= 0 && d == Math.rint(d) && d < 0x1p62) {
                    return (long) d;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new EngineException(where.get() + ", column '" + column + "': '" + text
                    + "' is not a count (a whole number, 0 or more).");
        }
    }

    private static final class DoubleList {
        double[] values = new double[1024];
        int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class BooleanList {
        boolean[] values = new boolean[1024];
        int size;

        void add(boolean v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        boolean[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
