package org.personaworkbench.engine.importing;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a delimited text file is written: field delimiter, quote character, encoding, whether the first
 * record is a header, and whether the file is gzip-compressed. Detected by {@link CsvInspector}, and
 * overridable by the analyst.
 */
public record CsvFormat(char delimiter, char quote, Charset encoding, boolean header, boolean gzip) {
    public CsvFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (delimiter == quote) {
            throw new IllegalArgumentException("The delimiter and the quote character must differ");
        }
    }

    public CsvFormat withDelimiter(char d) {
        return new CsvFormat(d, quote, encoding, header, gzip);
    }

    public CsvFormat withEncoding(Charset e) {
        return new CsvFormat(delimiter, quote, e, header, gzip);
    }

    public CsvFormat withHeader(boolean h) {
        return new CsvFormat(delimiter, quote, encoding, h, gzip);
    }

    /** A readable name of the delimiter: "comma", "tab", "semicolon", "pipe" or the character. */
    public String delimiterName() {
        return switch (delimiter) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> String.valueOf(delimiter);
        };
    }
}
