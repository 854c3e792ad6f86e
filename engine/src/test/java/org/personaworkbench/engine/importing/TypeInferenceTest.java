package org.personaworkbench.engine.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypeInferenceTest {

    /** Values separated by '|' ("" is an empty value); pattern "-" means none. */
    private static ColumnSample sample(String values) {
        ColumnSample sample = new ColumnSample();
        for (String v : values.split("\\|", -1)) {
            sample.add(v);
        }
        return sample;
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = ';', value = {
        "1|2|-3|+4;                                   INTEGER;  -",
        "0|1|1|0;                                     INTEGER;  -",
        "1|||2;                                       INTEGER;  -",
        "1|NA|null|2;                                 INTEGER;  -",
        "00123|00456;                                 TEXT;     -",
        "0|10|007;                                    TEXT;     -",
        "2.55|3|-0.5|1e3;                             DECIMAL;  -",
        "0.5|.25;                                     DECIMAL;  -",
        "true|false|TRUE;                             BOOLEAN;  -",
        "yes|No|Y|n;                                  BOOLEAN;  -",
        "t|f;                                         BOOLEAN;  -",
        "true|false|maybe;                            TEXT;     -",
        "2010-12-01|2011-12-09;                       DATE;     yyyy-MM-dd",
        "2010-12-01 08:26:00|2011-12-09 12:50:00;     DATETIME; yyyy-MM-dd HH:mm:ss",
        "2010-12-01T08:26:00|2011-12-09T12:50:00;     DATETIME; yyyy-MM-dd'T'HH:mm:ss",
        "2010-12-01 08:26|2011-12-09 12:50;           DATETIME; yyyy-MM-dd HH:mm",
        "2010-12-01 08:26|2011-12-09 12:50:10;        DATETIME; yyyy-MM-dd HH:mm:ss",
        "2010-12-01 08:26:00.123|2011-12-09 12:50:00; DATETIME; yyyy-MM-dd HH:mm:ss.SSS",
        "12/1/2010 8:26|12/9/2011 12:50;              DATETIME; M/d/yyyy H:mm",
        "1/12/2010|25/12/2010;                        DATE;     d/M/yyyy",
        "01/02/2010|03/04/2010;                       DATE;     M/d/yyyy",
        "12/25/2010|1/2/2011;                         DATE;     M/d/yyyy",
        "25/12/2010|12/25/2010;                       TEXT;     -",
        "24.12.2010|1.2.2011 ;                        DATE;     d.M.yyyy",
        "24.12.2010 10:00|01.02.2011 07:05:09;        DATETIME; d.M.yyyy H:mm:ss",
        "2010/12/01|2011/1/9;                         DATE;     yyyy/M/d",
        "2010-12-01|2010-12-01 08:00;                 TEXT;     -",
        "2010-12-01|13/01/2010;                       TEXT;     -",
        "2010-13-01;                                  TEXT;     -",
        "1,234,567|12;                                INTEGER;  #,##0",
        "1,234.50|99.99;                              DECIMAL;  #,##0.###",
        "1,234|5,678;                                 TEXT;     -",
        "'';                                          TEXT;     -",
        "85123A|71053;                                TEXT;     -",
        "536365|C536379;                              TEXT;     -"})
    void infersTheNarrowestTypeThatFitsEveryValue(String values, ColumnType type, String pattern) {
        ColumnSample.Inferred inferred = sample(values).infer();
        assertEquals(type, inferred.type());
        assertEquals(pattern.equals("-") ? null : pattern, inferred.pattern());
    }

    @Test
    void countsEmptyValuesAndMarkersAsMissingNotAsEvidence() {
        ColumnSample s = sample("1||NA|2|");
        assertEquals(ColumnType.INTEGER, s.infer().type());
        assertEquals(3, s.emptyCount(ColumnType.INTEGER));
        assertEquals(2, s.emptyCount(ColumnType.TEXT));
    }

    @Test
    void integralFloatIdsStayDecimalUntilTheRoleSaysId() {
        ColumnSample ids = sample("17850.0|13047.0||12583.0");
        PreviewColumn asId = CsvInspector.describe("CustomerID", ids);
        PreviewColumn asAmount = CsvInspector.describe("revenue", sample("17850.0|13047.0||12583.0"));
        assertEquals(ColumnType.INTEGER, asId.inferredType());
        assertEquals(ColumnRole.CUSTOMER_ID, asId.suggestedRole());
        assertEquals(ColumnType.DECIMAL, asAmount.inferredType());
    }
}
