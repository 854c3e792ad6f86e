package org.personaworkbench.engine.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TemporalParsingTest {

    private static Object convert(ColumnType type, String pattern, String text) {
        FieldConverter converter = FieldConverter.forSpec(new ColumnSpec("c", type, ColumnRole.NONE, pattern));
        return converter.apply(text.toCharArray(), 0, text.length());
    }

    @ParameterizedTest(name = "{1} with {0}")
    @CsvSource(delimiter = '|', value = {
        "yyyy-MM-dd|2011-12-09", "d/M/yyyy|25/12/2010", "d/M/yyyy|1/2/2010", "M/d/yyyy|12/1/2010",
        "M/d/yyyy|02/28/2011", "d.M.yyyy|24.12.2010", "yyyy/M/d|2010/12/01", "d-M-yyyy|31-01-2011"})
    void readsDatesLikeJavaTime(String pattern, String text) {
        LocalDate expected = LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        assertEquals(expected, convert(ColumnType.DATE, pattern, text));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @CsvSource(delimiter = '|', value = {
        "yyyy-MM-dd HH:mm:ss|2010-12-01 08:26:00", "yyyy-MM-dd'T'HH:mm:ss|2011-12-09T12:50:59",
        "yyyy-MM-dd HH:mm|2010-12-01 08:26", "M/d/yyyy H:mm|12/1/2010 8:26", "d/M/yyyy H:mm:ss|31/12/2010 23:59:59",
        "d.M.yyyy H:mm|1.2.2011 07:05", "yyyy-MM-dd HH:mm:ss.SSS|2011-01-02 03:04:05.678"})
    void readsDateTimesLikeJavaTime(String pattern, String text) {
        LocalDateTime expected = LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        assertEquals(expected, convert(ColumnType.DATETIME, pattern, text));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @CsvSource(delimiter = '|', value = {
        "yyyy-MM-dd HH:mm|2010-12-01 08:26:13|2010-12-01T08:26:13",
        "yyyy-MM-dd HH:mm:ss|2010-12-01 08:26|2010-12-01T08:26",
        "M/d/yyyy H:mm|12/01/2010 08:26|2010-12-01T08:26",
        "yyyy-MM-dd'T'HH:mm:ss|2010-12-01T08:26:00.5|2010-12-01T08:26:00.5"})
    void readsOptionalSecondsAndFractionWhateverThePatternShows(String pattern, String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), convert(ColumnType.DATETIME, pattern, text));
    }

    @ParameterizedTest(name = "{1} with {0} is refused")
    @CsvSource(delimiter = '|', value = {
        "DATE|yyyy-MM-dd|2011-02-29", "DATE|yyyy-MM-dd|2011-13-01", "DATE|M/d/yyyy|13/1/2010",
        "DATE|d/M/yyyy|1/13/2010", "DATE|yyyy-MM-dd|2011/01/01", "DATE|yyyy-MM-dd|2011-01-01 10:00",
        "DATETIME|yyyy-MM-dd HH:mm:ss|2011-01-01", "DATETIME|yyyy-MM-dd HH:mm:ss|2011-01-01 24:00:00",
        "DATETIME|yyyy-MM-dd HH:mm:ss|2011-01-01 10:61:00", "DATE|d.M.yyyy|1.2.11", "DATE|yyyy-MM-dd|soon"})
    void refusesValuesThatAreNotRealDatesInTheLayout(ColumnType type, String pattern, String text) {
        assertSame(FieldConverter.INVALID, convert(type, pattern, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dd MMM yyyy|05 Jan 2011|2011-01-05", "yyyyMMdd|20110105|2011-01-05"})
    void fallsBackToJavaTimeForPatternsTypedByHand(String pattern, String text, String expected) {
        assertEquals(LocalDate.parse(expected), convert(ColumnType.DATE, pattern, text));
    }

    @org.junit.jupiter.api.Test
    void sharesOneObjectForARunOfEqualTimestamps() {
        FieldConverter converter = FieldConverter.forSpec(
                new ColumnSpec("t", ColumnType.DATETIME, ColumnRole.NONE, "yyyy-MM-dd HH:mm:ss"));
        char[] text = "2010-12-01 08:26:00".toCharArray();
        Object first = converter.apply(text, 0, text.length);
        assertSame(first, converter.apply(text, 0, text.length));
    }
}
