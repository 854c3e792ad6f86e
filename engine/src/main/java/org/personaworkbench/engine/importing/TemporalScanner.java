package org.personaworkbench.engine.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads the shape of a date or date-time straight from characters: three numbers with a separator, then
 * optionally a time. One instance serves one column of one import (it keeps the last value so that runs
 * of equal timestamps, common in transaction files, share one object); not thread-safe.
 *
 * <p>Why not {@link java.time.format.DateTimeFormatter}: on the 1,000,000 ISO timestamps of the bench
 * file it takes 280–340 ns per value against 38–42 ns here (see {@code ImportBench}).
 */
final class TemporalScanner {

    // the last scan
    int first;
    int second;
    int third;
    int firstDigits;
    int secondDigits;
    int thirdDigits;
    char dateSeparator;
    boolean hasTime;
    char timeSeparator;
    int hour;
    int minute;
    int secondOfMinute;
    int nano;
    boolean hasSeconds;
    boolean hasFraction;

    // the last value built, reused when the next one is equal
    private long lastKey = Long.MIN_VALUE;
    private int lastNano;
    private Object lastValue;

    /** Scans the text; false when it does not have the shape of a date or date-time. */
    boolean scan(char[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && b[i] == ' ') {
            i++;
        }
        while (end > i && b[end - 1] == ' ') {
            end--;
        }
        // first number
        int start = i;
        int v = 0;
        while (i < end && i - start < 4 && isDigit(b[i])) {
            v = v * 10 + (b[i++] - '0');
        }
        firstDigits = i - start;
        if (firstDigits == 0 || i >= end) {
            return false;
        }
        first = v;
        char sep = b[i];
        if (sep != '-' && sep != '/' && sep != '.') {
            return false;
        }
        dateSeparator = sep;
        i++;
        start = i;
        v = 0;
        while (i < end && i - start < 2 && isDigit(b[i])) {
            v = v * 10 + (b[i++] - '0');
        }
        secondDigits = i - start;
        if (secondDigits == 0 || i >= end || b[i] != sep) {
            return false;
        }
        second = v;
        i++;
        start = i;
        v = 0;
        while (i < end && i - start < 4 && isDigit(b[i])) {
            v = v * 10 + (b[i++] - '0');
        }
        thirdDigits = i - start;
        if (thirdDigits == 0) {
            return false;
        }
        third = v;
        hasTime = false;
        hasSeconds = false;
        hasFraction = false;
        hour = 0;
        minute = 0;
        secondOfMinute = 0;
        nano = 0;
        if (i == end) {
            return true;
        }
        char ts = b[i];
        if (ts != ' ' && ts != 'T') {
            return false;
        }
        timeSeparator = ts;
        i++;
        start = i;
        v = 0;
        while (i < end && i - start < 2 && isDigit(b[i])) {
            v = v * 10 + (b[i++] - '0');
        }
        if (i == start || i + 3 > end || b[i] != ':' || !isDigit(b[i + 1]) || !isDigit(b[i + 2])) {
            return false;
        }
        hour = v;
        minute = (b[i + 1] - '0') * 10 + (b[i + 2] - '0');
        i += 3;
        if (i < end && b[i] == ':') {
            if (i + 3 > end || !isDigit(b[i + 1]) || !isDigit(b[i + 2])) {
                return false;
            }
            secondOfMinute = (b[i + 1] - '0') * 10 + (b[i + 2] - '0');
            hasSeconds = true;
            i += 3;
            if (i < end && b[i] == '.') {
                i++;
                start = i;
                int frac = 0;
                while (i < end && i - start < 9 && isDigit(b[i])) {
                    frac = frac * 10 + (b[i++] - '0');
                }
                int digits = i - start;
                if (digits == 0) {
                    return false;
                }
                for (int k = digits; k < 9; k++) {
                    frac *= 10;
                }
                nano = frac;
                hasFraction = true;
            }
        }
        if (i != end) {
            return false;
        }
        hasTime = true;
        return hour <= 23 && minute <= 59 && secondOfMinute <= 59;
    }

    /**
     * Builds the value of the last scan read with this layout: a LocalDate or LocalDateTime, or null when
     * the text does not fit the layout or is not a real date (say 31/2/2011).
     */
    Object build(TemporalLayout layout) {
        TemporalLayout.DateOrder order = layout.order();
        if (dateSeparator != order.separator || hasTime != layout.hasTime()) {
            return null;
        }
        int year;
        int month;
        int day;
        switch (order) {
            case ISO, YMD_SLASH -> {
                if (firstDigits != 4 || thirdDigits > 2) {
                    return null;
                }
                year = first;
                month = second;
                day = third;
            }
            case MDY_SLASH -> {
                if (thirdDigits != 4 || firstDigits > 2) {
                    return null;
                }
                year = third;
                month = first;
                day = second;
            }
            default -> {
                if (thirdDigits != 4 || firstDigits > 2) {
                    return null;
                }
                year = third;
                month = second;
                day = first;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31
                || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long key = ((((year * 16L + month) * 32 + day) * 32 + hour) * 64 + minute) * 64 + secondOfMinute;
        if (key == lastKey && nano == lastNano) {
            return lastValue;
        }
        Object value = hasTime
                ? LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, secondOfMinute, nano))
                : LocalDate.of(year, month, day);
        lastKey = key;
        lastNano = nano;
        lastValue = value;
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
