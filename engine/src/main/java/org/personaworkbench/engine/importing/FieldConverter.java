package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns the characters of one field into the value its column stores (Long, Double, Boolean, LocalDate,
 * LocalDateTime or String), or null for a missing value. One instance per column and import: some keep
 * the last value to share equal objects, so they are not thread-safe.
 *
 * <p>Empty fields are missing. In typed (non-text) columns, blank fields and the usual missing-value
 * markers (NA, N/A, NULL, NaN, None, #N/A, nil, any case) are missing too; in text columns they are text.
 */
abstract sealed class FieldConverter {

    /** Returned by {@link #convert} when the text does not fit the column's type. */
    static final Object INVALID = new Object();

    /** The pattern that marks numbers written with thousands separators, such as 1,234,567. */
    static final String GROUPED_INTEGER = "#,##0";

    /** The pattern that marks decimals written with thousands separators, such as 1,234.50. */
    static final String GROUPED_DECIMAL = "#,##0.###";

    private static final String[] MISSING_MARKERS = {"na", "n/a", "null", "nan", "none", "#n/a", "nil"};

    /** The converter for a column spec. */
    static FieldConverter forSpec(ColumnSpec spec) {
        boolean grouping = spec.pattern() != null && spec.pattern().contains(",");
        return switch (spec.type()) {
            case INTEGER -> new WholeNumber(grouping);
            case DECIMAL -> new Decimal(grouping);
            case BOOLEAN -> new Flag();
            case DATE, DATETIME -> temporal(spec);
            case TEXT -> new Text();
        };
    }

    /**
     * The value of the field, null when missing, or {@link #INVALID}.
     */
    final Object apply(char[] b, int off, int len) {
        if (len == 0) {
            return null;
        }
        Object value = convert(b, off, len);
        if (value == INVALID && isMissingMarker(b, off, len)) {
            return null;
        }
        return value;
    }

    abstract Object convert(char[] b, int off, int len);

    /** Why a value was refused, for example "'abc' is not a whole number". */
    abstract String problem(String raw);

    static String quoted(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 37) + "..." : raw;
        return "'" + shown + "'";
    }

    /** True for blank text and the usual missing-value markers. */
    static boolean isMissingMarker(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && Character.isWhitespace(b[i])) {
            i++;
        }
        while (end > i && Character.isWhitespace(b[end - 1])) {
            end--;
        }
        if (i == end) {
            return true;
        }
        int n = end - i;
        outer:
        for (String marker : MISSING_MARKERS) {
            if (marker.length() != n) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (Character.toLowerCase(b[i + k]) != marker.charAt(k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isMissingMarker(String s) {
        return isMissingMarker(s.toCharArray(), 0, s.length());
    }

    private static FieldConverter temporal(ColumnSpec spec) {
        String pattern = spec.pattern();
        boolean dateTime = spec.type() == ColumnType.DATETIME;
        if (pattern == null || pattern.isBlank()) {
            pattern = dateTime ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd";
        }
        TemporalLayout layout = TemporalLayout.forPattern(pattern);
        if (layout != null && layout.hasTime() == dateTime) {
            return new KnownTemporal(layout, dateTime);
        }
        try {
            return new PatternTemporal(DateTimeFormatter.ofPattern(pattern, Locale.ROOT), pattern, dateTime);
        } catch (IllegalArgumentException e) {
            throw new EngineException("The date pattern '" + pattern + "' of column '" + spec.name()
                    + "' is not valid (" + e.getMessage() + "). Use java.time letters such as yyyy-MM-dd HH:mm.", e);
        }
    }

    /** INTEGER: a Long. */
    static final class WholeNumber extends FieldConverter {
        private final boolean grouping;

        WholeNumber(boolean grouping) {
            this.grouping = grouping;
        }

        @Override
        Object convert(char[] b, int off, int len) {
            long v = FastNumbers.parseLong(b, off, len, grouping);
            return v == FastNumbers.NOT_A_NUMBER ? INVALID : Long.valueOf(v);
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + " is not a whole number";
        }
    }

    /** DECIMAL: a Double. */
    static final class Decimal extends FieldConverter {
        private final boolean grouping;

        Decimal(boolean grouping) {
            this.grouping = grouping;
        }

        @Override
        Object convert(char[] b, int off, int len) {
            double v = FastNumbers.parseDouble(b, off, len, grouping);
            return Double.isNaN(v) ? INVALID : Double.valueOf(v);
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + " is not a number";
        }
    }

    /** BOOLEAN: true/false, yes/no, t/f, y/n in any case; not 0/1. */
    static final class Flag extends FieldConverter {
        @Override
        Object convert(char[] b, int off, int len) {
            int i = off;
            int end = off + len;
            while (i < end && b[i] == ' ') {
                i++;
            }
            while (end > i && b[end - 1] == ' ') {
                end--;
            }
            Boolean v = parse(b, i, end - i);
            return v == null ? INVALID : v;
        }

        static Boolean parse(char[] b, int off, int len) {
            if (len == 0 || len > 5) {
                return null;
            }
            char c = Character.toLowerCase(b[off]);
            String word = switch (c) {
                case 't' -> len == 1 ? "t" : "true";
                case 'f' -> len == 1 ? "f" : "false";
                case 'y' -> len == 1 ? "y" : "yes";
                case 'n' -> len == 1 ? "n" : "no";
                default -> null;
            };
            if (word == null || word.length() != len) {
                return null;
            }
            for (int k = 1; k < len; k++) {
                if (Character.toLowerCase(b[off + k]) != word.charAt(k)) {
                    return null;
                }
            }
            return c == 't' || c == 'y';
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + " is not true/false, yes/no, t/f or y/n";
        }
    }

    /** TEXT: the field as it is; repeats of the previous value share one String. */
    static final class Text extends FieldConverter {
        private String last = "";

        @Override
        Object convert(char[] b, int off, int len) {
            String prev = last;
            if (prev.length() == len) {
                int k = 0;
                while (k < len && prev.charAt(k) == b[off + k]) {
                    k++;
                }
                if (k == len) {
                    return prev;
                }
            }
            String s = new String(b, off, len);
            last = s;
            return s;
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + " is not text";
        }
    }

    /** DATE or DATETIME in one of the layouts of {@link TemporalLayout}, parsed by hand. */
    static final class KnownTemporal extends FieldConverter {
        private final TemporalLayout layout;
        private final boolean dateTime;
        private final TemporalScanner scanner = new TemporalScanner();

        KnownTemporal(TemporalLayout layout, boolean dateTime) {
            this.layout = layout;
            this.dateTime = dateTime;
        }

        @Override
        Object convert(char[] b, int off, int len) {
            if (!scanner.scan(b, off, len)) {
                return INVALID;
            }
            Object v = scanner.build(layout);
            return v == null ? INVALID : v;
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + (dateTime ? " is not a date and time like " : " is not a date like ")
                    + layout.pattern().replace("'", "");
        }
    }

    /** DATE or DATETIME in a pattern the analyst typed, parsed by java.time. */
    static final class PatternTemporal extends FieldConverter {
        private final DateTimeFormatter formatter;
        private final String pattern;
        private final boolean dateTime;

        PatternTemporal(DateTimeFormatter formatter, String pattern, boolean dateTime) {
            this.formatter = formatter;
            this.pattern = pattern;
            this.dateTime = dateTime;
        }

        @Override
        Object convert(char[] b, int off, int len) {
            String s = new String(b, off, len).strip();
            try {
                return dateTime ? LocalDateTime.parse(s, formatter) : LocalDate.parse(s, formatter);
            } catch (DateTimeParseException e) {
                return INVALID;
            }
        }

        @Override
        String problem(String raw) {
            return quoted(raw) + (dateTime ? " is not a date and time like " : " is not a date like ") + pattern;
        }
    }
}
