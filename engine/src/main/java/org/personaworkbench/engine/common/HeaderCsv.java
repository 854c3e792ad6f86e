package org.personaworkbench.engine.common;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Small CSV files with a header row read outside the project (ratings files, experiment results): UTF-8, plain
 * or {@code .gz}, the delimiter (comma, semicolon or tab) taken from the header line, columns found by name
 * ignoring case, and errors that name the file and what to do. Datasets go through the importer instead.
 */
public final class HeaderCsv {

    private HeaderCsv() {
    }

    /** A FastCSV reader over the file with its delimiter, skipping empty lines and tolerating ragged rows. */
    public static CsvReader<CsvRecord> open(Path file) throws IOException {
        return CsvReader.builder().fieldSeparator(delimiter(file)).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(reader(file));
    }

    /** The file as UTF-8 text, decompressed when its name ends in {@code .gz}. */
    public static Reader reader(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new EngineException("The file " + file + " does not exist.");
        }
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Comma, semicolon or tab: whichever the header line holds most of (comma on a tie). */
    public static char delimiter(Path file) {
        try (BufferedReader in = new BufferedReader(reader(file))) {
            String header = in.readLine();
            if (header == null) {
                throw new EngineException("The file " + file + " is empty.");
            }
            char best = ',';
            long most = header.chars().filter(c -> c == ',').count();
            for (char c : new char[] {';', '\t'}) {
                long n = header.chars().filter(x -> x == c).count();
                if (n > most) {
                    most = n;
                    best = c;
                }
            }
            return best;
        } catch (IOException e) {
            throw new EngineException("The file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The index of the header column named {@code wanted} (ignoring case and surrounding spaces).
     *
     * @param option the command-line option that named it, for the message ("--variant-col")
     * @throws EngineException naming the file, the option and the header's columns when it is missing
     */
    public static int column(Path file, List<String> names, String wanted, String option) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted.trim())) {
                return i;
            }
        }
        throw new EngineException(file + ": no column '" + wanted + "' (" + option + "); the header has "
                + String.join(", ", names) + ".");
    }
}
