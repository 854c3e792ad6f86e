package org.personaworkbench.engine.importing;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.personaworkbench.engine.common.EngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves rejected rows as a UTF-8 CSV file the analyst can open, fix and import again: the columns
 * {@code line} (where the record starts in the source) and {@code reason} come first, then the row's
 * original fields as they were written (first, because a row with the wrong field count has more or
 * fewer of them than the header).
 */
final class RejectsWriter implements AutoCloseable {

    private final Path file;
    private final CsvWriter writer;
    private final List<String> record = new ArrayList<>();

    private RejectsWriter(Path file, CsvWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static RejectsWriter open(Path file, List<String> columnNames) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            RejectsWriter w = new RejectsWriter(file, CsvWriter.builder().build(file, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>();
            header.add("line");
            header.add("reason");
            header.addAll(columnNames);
            w.writer.writeRecord(header);
            return w;
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    void write(long line, String reason, String[] fields) {
        record.clear();
        record.add(Long.toString(line));
        record.add(reason);
        record.addAll(List.of(fields));
        writer.writeRecord(record);
    }

    /** Closes and deletes the file (used when the import was cancelled). */
    void discard() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover partial rejects file is harmless
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static EngineException cannotWrite(Path file, IOException e) {
        return new EngineException("The rejected rows could not be saved to " + file + " (" + e.getMessage()
                + "). Choose another folder for the rejects file, or leave it out.", e);
    }
}
