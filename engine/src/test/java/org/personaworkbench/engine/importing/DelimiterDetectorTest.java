package org.personaworkbench.engine.importing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DelimiterDetectorTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '#', quoteCharacter = '`', value = {
        "comma#a,b,c\\n1,2,3\\n4,5,6",
        "tab#a\\tb\\tc\\n1\\t2,5\\t3\\n4\\t5\\t6",
        "semicolon#name;price\\nTea;2,50\\nCake;3,10",
        "pipe#id|name|note\\n1|x|a, b, c\\n2|y|d, e",
        "comma#id,\"note; with; semicolons\"\\n1,\"a;b;c\"\\n2,\"d;e\"",
        "comma#\"multi\\nline\",b\\n1,2\\n3,4",
        "comma#just one column\\nvalue\\nother value",
        "semicolon#a;b\\r\\n1;2\\r\\n3;4\\r\\n"})
    void picksTheDelimiterThatSplitsEveryLineAlike(String expected, String text) {
        char want = switch (expected) {
            case "comma" -> ',';
            case "tab" -> '\t';
            case "semicolon" -> ';';
            default -> '|';
        };
        String unescaped = text.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        assertEquals(want, DelimiterDetector.detect(unescaped, '"'));
    }
}
