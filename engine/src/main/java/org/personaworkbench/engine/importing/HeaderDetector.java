package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.CsvRecord;

import java.util.List;

/**
 * Decides whether the first record is a header. It is one unless one of its cells fits the type its
 * column has further down (a number in a number column, a date in a date column): header cells are
 * names, not values. An all-text file is taken to have a header, the common case.
 */
final class HeaderDetector {

    private HeaderDetector() {
    }

    static boolean hasHeader(List<CsvRecord> records) {
        CsvRecord first = records.getFirst();
        int width = first.getFieldCount();
        List<CsvRecord> rest = records.size() > 1 ? records.subList(1, records.size()) : records;
        ColumnSample[] samples = CsvInspector.sample(rest, width);
        for (int i = 0; i < width; i++) {
            ColumnSample.Inferred inferred = samples[i].infer();
            if (inferred.type() == ColumnType.TEXT) {
                continue;
            }
            String cell = first.getField(i);
            if (cell.isBlank()) {
                continue;
            }
            FieldConverter converter = FieldConverter.forSpec(
                    new ColumnSpec("c", inferred.type(), ColumnRole.NONE, inferred.pattern()));
            Object value = converter.apply(cell.toCharArray(), 0, cell.length());
            if (value != null && value != FieldConverter.INVALID) {
                return false;
            }
        }
        return true;
    }
}
