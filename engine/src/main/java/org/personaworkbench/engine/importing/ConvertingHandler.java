package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.Arrays;

/**
 * A FastCSV callback that converts each field into its column's value as the parser hands it over,
 * straight from the parser's character buffer, into one reused row array: no String per numeric or
 * date field and no record object per row. It also copies the raw characters of the current record
 * aside (one array copy), so a bad row can be reported and saved exactly as it was written.
 */
final class ConvertingHandler extends AbstractBaseCsvCallbackHandler<ConvertingHandler> {

    /** {@link #badColumn()} when the field count was wrong. */
    static final int WRONG_FIELD_COUNT = -2;

    private static final int NONE = -1;

    private final FieldConverter[] converters;
    private final int width;
    private final Object[] row;
    private boolean skipNext;
    private boolean skipped;

    private long line;
    private int badColumn;
    private char[] scratch = new char[4096];
    private int scratchLength;
    private int[] fieldStart = new int[64];
    private int[] fieldLength = new int[64];

    /**
     * @param skipFirst true when the first record is a header: it is kept raw and not converted
     */
    ConvertingHandler(FieldConverter[] converters, boolean skipFirst) {
        this.converters = converters.clone();
        this.width = converters.length;
        this.row = new Object[width];
        this.skipNext = skipFirst;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        badColumn = NONE;
        scratchLength = 0;
        skipped = skipNext;
        skipNext = false;
    }

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (index >= fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, index * 2);
            fieldLength = Arrays.copyOf(fieldLength, index * 2);
        }
        if (scratchLength + length > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + length));
        }
        System.arraycopy(buf, offset, scratch, scratchLength, length);
        fieldStart[index] = scratchLength;
        fieldLength[index] = length;
        scratchLength += length;
        if (index < width && badColumn == NONE && !skipped) {
            Object value = converters[index].apply(buf, offset, length);
            if (value == FieldConverter.INVALID) {
                badColumn = index;
            } else {
                row[index] = value;
            }
        }
    }

    @Override
    protected ConvertingHandler buildRecord() {
        if (!skipped && badColumn == NONE && getFieldCount() != width) {
            badColumn = WRONG_FIELD_COUNT;
        }
        return this;
    }

    /** True for the header record, which is not converted. */
    boolean isHeader() {
        return skipped;
    }

    /** True when every field converted and the field count is right. */
    boolean isGood() {
        return badColumn == NONE;
    }

    /** The index of the first field that did not convert, or {@link #WRONG_FIELD_COUNT}. */
    int badColumn() {
        return badColumn;
    }

    /** The converted row; reused for the next record. */
    Object[] row() {
        return row;
    }

    /** The 1-based line where the current record starts. */
    long line() {
        return line;
    }

    int fieldCount() {
        return getFieldCount();
    }

    /** The raw text of one field of the current record. */
    String field(int index) {
        return new String(scratch, fieldStart[index], fieldLength[index]);
    }

    /** The raw fields of the current record. */
    String[] fields() {
        String[] fields = new String[getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(i);
        }
        return fields;
    }
}
