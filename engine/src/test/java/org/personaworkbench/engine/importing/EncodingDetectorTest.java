package org.personaworkbench.engine.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EncodingDetectorTest {

    @ParameterizedTest(name = "{0} bom={1} truncated={2} -> {3}")
    @CsvSource({
        "6e616d650a,            false, false, UTF-8",          // plain ASCII
        "6e616d650a,            true,  false, UTF-8",          // a BOM decides
        "c2a3340a,              false, false, UTF-8",          // £4 in UTF-8
        "e282ac,                false, false, UTF-8",          // € in UTF-8
        "f09f9880,              false, false, UTF-8",          // an emoji (4 bytes)
        "61e282,                false, true,  UTF-8",          // € cut by the end of the sample
        "61e282,                false, false, windows-1252",   // … but a file may not end that way (0x82)
        "a3340a,                false, false, ISO-8859-1",     // £4 in Latin-1
        "4361 66e9,             false, false, ISO-8859-1",     // Café in Latin-1
        "8034,                  false, false, windows-1252",   // €4 in Windows-1252
        "93686922,              false, false, windows-1252",   // “hi” smart quotes
        "c0af,                  false, false, ISO-8859-1",     // overlong UTF-8 is not UTF-8
        "eda0b0,                false, false, ISO-8859-1"})    // a UTF-16 surrogate is not UTF-8
    void detectsTheEncodingFromTheBytes(String hex, boolean bom, boolean truncated, String expected) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertEquals(Charset.forName(expected), EncodingDetector.detect(bytes, bom, truncated));
    }
}
