package org.personaworkbench.engine.importing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The date and date-time layouts the workbench recognises by itself, each with its java.time pattern
 * text (what is stored in {@link ColumnSpec#pattern()}) and a hand-rolled parser for that layout.
 *
 * <p>Day, month and hour accept one or two digits, and the time accepts optional seconds and an optional
 * fraction of up to nine digits, whatever the pattern text says, so that "12/1/2010 8:26" and
 * "12/01/2010 08:26:00" read alike. A pattern text not produced here is parsed by
 * {@link java.time.format.DateTimeFormatter} instead (see {@link TemporalParser}).
 */
record TemporalLayout(DateOrder order, Time time, char timeSeparator) {

    /** Which of the three date numbers is the year, month and day, and what separates them. */
    enum DateOrder {
        ISO("yyyy-MM-dd", '-', true), YMD_SLASH("yyyy/M/d", '/', true), MDY_SLASH("M/d/yyyy", '/', false),
        DMY_SLASH("d/M/yyyy", '/', false), DMY_DOT("d.M.yyyy", '.', false), DMY_DASH("d-M-yyyy", '-', false);

        final String pattern;
        final char separator;
        final boolean yearFirst;

        DateOrder(String pattern, char separator, boolean yearFirst) {
            this.pattern = pattern;
            this.separator = separator;
            this.yearFirst = yearFirst;
        }
    }

    /** Whether a time follows the date, and how much of it the pattern text shows. */
    enum Time { NONE, MINUTES, SECONDS, FRACTION }

    private static final Map<String, TemporalLayout> BY_PATTERN = allLayouts();

    /** The layout whose pattern text this is, or null when the text is not one of ours. */
    static TemporalLayout forPattern(String pattern) {
        return pattern == null ? null : BY_PATTERN.get(pattern);
    }

    boolean hasTime() {
        return time != Time.NONE;
    }

    /** The java.time pattern text, for example {@code "d/M/yyyy H:mm"} or {@code "yyyy-MM-dd'T'HH:mm:ss"}. */
    String pattern() {
        if (time == Time.NONE) {
            return order.pattern;
        }
        String hour = order == DateOrder.ISO ? "HH" : "H";
        String t = switch (time) {
            case MINUTES -> hour + ":mm";
            case SECONDS -> hour + ":mm:ss";
            default -> hour + ":mm:ss.SSS";
        };
        return order.pattern + (timeSeparator == 'T' ? "'T'" : " ") + t;
    }

    private static Map<String, TemporalLayout> allLayouts() {
        Map<String, TemporalLayout> map = new LinkedHashMap<>();
        for (DateOrder order : DateOrder.values()) {
            for (Time time : Time.values()) {
                for (char sep : new char[] {' ', 'T'}) {
                    TemporalLayout layout = new TemporalLayout(order, time, time == Time.NONE ? ' ' : sep);
                    map.putIfAbsent(layout.pattern(), layout);
                }
            }
        }
        return Map.copyOf(map);
    }
}
