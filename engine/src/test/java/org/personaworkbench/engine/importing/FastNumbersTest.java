package org.personaworkbench.engine.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastNumbersTest {

    private static long parseLong(String s, boolean grouping) {
        return FastNumbers.parseLong(s.toCharArray(), 0, s.length(), grouping);
    }

    private static double parseDouble(String s, boolean grouping) {
        return FastNumbers.parseDouble(s.toCharArray(), 0, s.length(), grouping);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "7|7", "-12|-12", "+5|5", "' 42 '|42", "17850.0|17850", "3.000|3",
        "9223372036854775807|9223372036854775807", "-9223372036854775807|-9223372036854775807", "00123|123"})
    void parsesWholeNumbers(String text, long expected) {
        assertEquals(expected, parseLong(text, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "abc", "1.5", "12a", "1,234", "9223372036854775808",
        "99999999999999999999", "1e3", "--1", "1 2"})
    void refusesWhatIsNotAWholeNumber(String text) {
        assertEquals(FastNumbers.NOT_A_NUMBER, parseLong(text, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'1,234'|1234", "'12,345,678'|12345678", "-1,000|-1000", "999|999"})
    void readsThousandsSeparatorsWhenAsked(String text, long expected) {
        assertEquals(expected, parseLong(text, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,23", "1,2345", ",123", "1,,234", "1234,567"})
    void refusesMisplacedThousandsSeparators(String text) {
        assertEquals(FastNumbers.NOT_A_NUMBER, parseLong(text, true));
        assertTrue(Double.isNaN(parseDouble(text, true)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.55|2.55", "-11062.06|-11062.06", "0.1|0.1", ".5|0.5", "5.|5.0", "1e3|1000", "1.5E-3|0.0015",
        "' 3.14 '|3.14", "0.000001|0.000001", "123456789012345678901234|1.2345678901234568E23",
        "0.1234567890123456789|0.12345678901234568", "'1,234.5'|1234.5"})
    void parsesDecimalsExactlyLikeTheJdk(String text, double expected) {
        assertEquals(expected, parseDouble(text, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", "1e", "e5", "-", ".", "NaN", "Infinity", "0x10", "1d", "3,14"})
    void refusesWhatIsNotADecimal(String text) {
        assertTrue(Double.isNaN(parseDouble(text, false)));
    }

    @Test
    void agreesWithDoubleParseDoubleOnRandomDecimals() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 4) {
                case 0 -> String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble() * 1000);
                case 1 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                case 2 -> (random.nextBoolean() ? "-" : "") + random.nextInt(1_000_000) + "." + random.nextInt(1_000_000);
                default -> Long.toString(random.nextLong()) + "." + Math.abs(random.nextLong());
            };
            assertEquals(Double.parseDouble(text), parseDouble(text, false), text);
        }
    }
}
