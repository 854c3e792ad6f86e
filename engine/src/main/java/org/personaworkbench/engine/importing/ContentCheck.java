package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Path;

/**
 * Refuses, with a message saying what the file seems to be and what to do, files that cannot be CSV:
 * empty ones and binary ones (images, archives, Excel workbooks, PDFs, UTF-16 text, NUL bytes).
 */
final class ContentCheck {

    private ContentCheck() {
    }

    /** Checks the start of a file's text (after gzip and BOM were peeled off). */
    static void check(Path file, SourceFile.Head head) {
        byte[] b = head.bytes();
        if (isBlank(b)) {
            throw new EngineException("The file " + file + " is empty" + (b.length > 0 ? " (it holds only blank lines)" : "")
                    + ". Choose a CSV or TSV file with a header row and data.");
        }
        String kind = binaryKind(b);
        if (kind != null) {
            throw new EngineException("The file " + file + " is not a CSV or TSV text file: it looks like " + kind + ".");
        }
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t') {
                return false;
            }
        }
        return true;
    }

    /** What kind of binary file this is, or null when it looks like text. */
    static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "a PNG image. Choose the data file instead";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "a ZIP archive or an Excel .xlsx workbook. Unzip it, or open it in Excel and use "
                    + "File > Save As > CSV, then import the .csv file";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an old Excel .xls (or other Office) file. Open it in Excel and use File > Save As > CSV, "
                    + "then import the .csv file";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "a PDF document. Export the table as CSV from the program that made it";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF) || startsWith(b, 'G', 'I', 'F', '8')) {
            return "an image. Choose the data file instead";
        }
        if (startsWith(b, 'P', 'A', 'R', '1')) {
            return "a Parquet file. Convert it to CSV first";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return "UTF-16 text. Save it again as \"CSV UTF-8\" (in Excel: File > Save As > CSV UTF-8)";
        }
        int n = Math.min(b.length, 1 << 16);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return "a binary file (it contains NUL bytes). Choose a CSV or TSV file, or save the data as CSV "
                        + "from the program that made it";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
