package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeaderDetectorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "name,age\\nAnn,30\\nBob,41|true",
        "Ann,30\\nBob,41|false",
        "id,day\\n1,2024-01-01|true",
        "1,2024-01-01\\n2,2024-01-02|false",
        "name,city\\nAnn,Paris|true",
        "a,b|true",
        "1,2|false",
        "id,,score\\n1,x,2.5\\n2,y,3|true",
        "customer,converted\\nc1,true\\nc2,false|true",
        "c1,true\\nc2,false|false"})
    void takesTheFirstRowForAHeaderUnlessItHoldsValuesOfItsColumnsTypes(String text, boolean expected) {
        List<CsvRecord> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(text.replace("\\n", "\n"))) {
            records = StreamSupport.stream(reader.spliterator(), false).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(expected, HeaderDetector.hasHeader(records));
    }
}
