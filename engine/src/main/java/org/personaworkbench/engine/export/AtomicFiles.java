package org.personaworkbench.engine.export;

import org.personaworkbench.engine.common.EngineException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file through a temporary file in the same folder that is moved into place (atomically where the
 * file system can), so a failed or cancelled export leaves neither a partial file nor a stray temporary one.
 */
public final class AtomicFiles {

    /** What goes into the file; may throw (cancellation, I/O), in which case nothing is written. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** What goes into a binary file (PDF, PNG, a CSV with a byte order mark); may throw, then nothing is written. */
    @FunctionalInterface
    public interface BytesBody {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code body} as UTF-8 to {@code target}, replacing it when it exists. */
    public static void write(Path target, Body body) {
        writeBytes(target, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            body.writeTo(text);
            text.flush();
        });
    }

    /**
     * Writes {@code body}'s bytes to {@code target}, replacing it when it exists.
     *
     * @throws EngineException when the folder is missing, the target is a folder, or writing fails (the message
     *                         names the file and what to check)
     */
    public static void writeBytes(Path target, BytesBody body) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new EngineException("Cannot write " + absolute + ": the folder " + folder + " does not exist. "
                    + "Create it or choose another file.");
        }
        if (Files.isDirectory(absolute)) {
            throw new EngineException("Cannot write " + absolute + ": it is a folder. Give a file name.");
        }
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new EngineException("Cannot write in the folder " + folder + ": " + e.getMessage()
                    + ". Check that it is writable or choose another file.", e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.writeTo(out);
            }
            move(temp, absolute);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new EngineException("Cannot write " + absolute + ": " + e.getMessage()
                    + ". Check the disk space and that the file is not open in another program.", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; the message names that failure, not this one
        }
    }
}
