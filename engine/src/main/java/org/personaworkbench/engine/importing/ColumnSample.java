package org.personaworkbench.engine.importing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the evidence about one column from sampled values, then infers its type: BOOLEAN, INTEGER,
 * DECIMAL, DATE, DATETIME (with the pattern that matched) or TEXT. Empty values and missing-value markers
 * are not evidence. Whole numbers written with leading zeros ("00123") keep a column TEXT, since they are
 * codes, not quantities. Also keeps what {@link RoleSuggester} needs: lengths and a few distinct values.
 */
final class ColumnSample {

    /** Distinct values remembered for role suggestion. */
    static final int DISTINCT_LIMIT = 50;

    private long empty;
    private long markers;
    private long values;
    private long totalLength;

    private boolean bool = true;
    private boolean integer = true;
    private boolean decimal = true;
    private boolean leadingZeros;
    private boolean allIntegral = true;
    private boolean zeroOne = true;
    private boolean groupedOk = true;
    private boolean groupingSeen;
    private boolean groupingClear;
    private boolean groupedFraction;

    private boolean temporal = true;
    private char dateSeparator;
    private boolean yearFirst;
    private boolean yearLast;
    private boolean firstOver12;
    private boolean secondOver12;
    private boolean withTime;
    private boolean withoutTime;
    private boolean seconds;
    private boolean fraction;
    private char timeSeparator;

    private final Set<String> distinct = new HashSet<>();
    private boolean distinctOverflow;
    private final TemporalScanner scanner = new TemporalScanner();

    /** The inferred type and the pattern (date layouts, grouped numbers) it was read with. */
    record Inferred(ColumnType type, String pattern) {
    }

    void add(String value) {
        if (value.isEmpty()) {
            empty++;
            return;
        }
        if (FieldConverter.isMissingMarker(value)) {
            markers++;
            return;
        }
        values++;
        totalLength += value.length();
        if (!distinctOverflow) {
            distinct.add(value.strip().toLowerCase(Locale.ROOT));
            distinctOverflow = distinct.size() > DISTINCT_LIMIT;
        }
        String text = value.strip();
        char[] chars = text.toCharArray();
        if (bool) {
            bool = FieldConverter.Flag.parse(chars, 0, chars.length) != null;
        }
        if (integer || decimal || groupedOk) {
            numbers(text, chars);
        }
        if (temporal) {
            temporal(chars);
        }
    }

    /** Number evidence from one stripped value. */
    private void numbers(String s, char[] chars) {
        int len = chars.length;
        int digitsStart = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (len > digitsStart + 1 && chars[digitsStart] == '0' && Character.isDigit(chars[digitsStart + 1])) {
            leadingZeros = true;
        }
        integer = integer && s.indexOf('.') < 0 && FastNumbers.parseLong(chars, 0, len, false) != FastNumbers.NOT_A_NUMBER;
        zeroOne = zeroOne && integer && (s.equals("0") || s.equals("1"));
        if (!integer && decimal) {
            double d = FastNumbers.parseDouble(chars, 0, len, false);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                decimal = false;
            } else if (d != Math.rint(d) || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
                allIntegral = false;
            }
        }
        if (groupedOk) {
            long commas = s.chars().filter(c -> c == ',').count();
            groupedFraction |= s.indexOf('.') >= 0;
            if (commas > 0) {
                groupingSeen = true;
                groupingClear |= commas > 1 || s.indexOf('.') > s.lastIndexOf(',');
            }
            groupedOk = !Double.isNaN(FastNumbers.parseDouble(chars, 0, len, true));
        }
    }

    private void temporal(char[] chars) {
        TemporalScanner s = scanner;
        if (!s.scan(chars, 0, chars.length)) {
            temporal = false;
            return;
        }
        if (dateSeparator == 0) {
            dateSeparator = s.dateSeparator;
        } else if (dateSeparator != s.dateSeparator) {
            temporal = false;
            return;
        }
        if (s.firstDigits == 4 && s.thirdDigits <= 2) {
            yearFirst = true;
            if (s.second < 1 || s.second > 12 || s.third < 1 || s.third > 31) {
                temporal = false;
            }
        } else if (s.thirdDigits == 4 && s.firstDigits <= 2) {
            yearLast = true;
            if (s.first < 1 || s.second < 1 || s.first > 31 || s.second > 31) {
                temporal = false;
            }
            firstOver12 |= s.first > 12;
            secondOver12 |= s.second > 12;
        } else {
            temporal = false;
        }
        if (yearFirst && yearLast || firstOver12 && secondOver12) {
            temporal = false;
        }
        if (s.hasTime) {
            withTime = true;
            seconds |= s.hasSeconds;
            fraction |= s.hasFraction;
            if (timeSeparator == 0) {
                timeSeparator = s.timeSeparator;
            } else if (timeSeparator != s.timeSeparator) {
                temporal = false;
            }
        } else {
            withoutTime = true;
        }
        if (withTime && withoutTime) {
            temporal = false;
        }
    }

    /** The type that fits every sampled value (TEXT when no value was seen). */
    Inferred infer() {
        if (values == 0) {
            return new Inferred(ColumnType.TEXT, null);
        }
        if (bool) {
            return new Inferred(ColumnType.BOOLEAN, null);
        }
        if (!leadingZeros) {
            if (integer) {
                return new Inferred(ColumnType.INTEGER, null);
            }
            if (decimal) {
                return new Inferred(ColumnType.DECIMAL, null);
            }
            if (groupedOk && groupingSeen && groupingClear) {
                return !groupedFraction ? new Inferred(ColumnType.INTEGER, FieldConverter.GROUPED_INTEGER)
                        : new Inferred(ColumnType.DECIMAL, FieldConverter.GROUPED_DECIMAL);
            }
        }
        if (temporal) {
            TemporalLayout.DateOrder order = dateOrder();
            if (order != null) {
                TemporalLayout.Time time = !withTime ? TemporalLayout.Time.NONE
                        : fraction ? TemporalLayout.Time.FRACTION
                        : seconds ? TemporalLayout.Time.SECONDS : TemporalLayout.Time.MINUTES;
                TemporalLayout layout = new TemporalLayout(order, time, withTime ? timeSeparator : ' ');
                return new Inferred(withTime ? ColumnType.DATETIME : ColumnType.DATE, layout.pattern());
            }
        }
        return new Inferred(ColumnType.TEXT, null);
    }

    private TemporalLayout.DateOrder dateOrder() {
        if (yearFirst) {
            return switch (dateSeparator) {
                case '-' -> TemporalLayout.DateOrder.ISO;
                case '/' -> TemporalLayout.DateOrder.YMD_SLASH;
                default -> null;
            };
        }
        return switch (dateSeparator) {
            case '/' -> firstOver12 ? TemporalLayout.DateOrder.DMY_SLASH : TemporalLayout.DateOrder.MDY_SLASH;
            case '.' -> TemporalLayout.DateOrder.DMY_DOT;
            case '-' -> TemporalLayout.DateOrder.DMY_DASH;
            default -> null;
        };
    }

    /** Whether every value that was a number was a whole one (17850.0 counts as whole). */
    boolean allIntegral() {
        return allIntegral;
    }

    /** True when every value was 0 or 1. */
    boolean zeroOne() {
        return zeroOne && values > 0;
    }

    /** Empty values, plus missing-value markers when the column is not text. */
    long emptyCount(ColumnType type) {
        return empty + (type == ColumnType.TEXT ? 0 : markers);
    }

    long values() {
        return values;
    }

    double averageLength() {
        return values == 0 ? 0 : (double) totalLength / values;
    }

    /** Up to {@link #DISTINCT_LIMIT} distinct values, stripped and lower-cased; null when there were more. */
    Set<String> distinctValues() {
        return distinctOverflow ? null : Set.copyOf(distinct);
    }
}
