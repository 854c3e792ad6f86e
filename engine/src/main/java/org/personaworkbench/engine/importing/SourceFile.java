package org.personaworkbench.engine.importing;

import org.personaworkbench.engine.common.EngineException;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens a source file as a stream of its text bytes: gzip is recognised by its magic bytes (not by the
 * name) and decompressed on the fly, and a UTF-8 byte-order mark is skipped. While streaming it counts
 * the file bytes read (for progress: compressed bytes for gzip) and computes the SHA-256 of the file as
 * it lies on disk, so no second pass is needed.
 */
final class SourceFile implements AutoCloseable {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path path;
    private final long size;
    private final HashingInputStream raw;
    private final InputStream text;
    private final boolean gzip;
    private final boolean hadBom;

    private SourceFile(Path path, long size, HashingInputStream raw, InputStream text, boolean gzip,
                       boolean hadBom) {
        this.path = path;
        this.size = size;
        this.raw = raw;
        this.text = text;
        this.gzip = gzip;
        this.hadBom = hadBom;
    }

    /**
     * Opens the file for streaming.
     *
     * @throws EngineException when the file is missing, a folder, unreadable, or a damaged gzip file
     */
    static SourceFile open(Path file) {
        checkReadable(file);
        try {
            long size = Files.size(file);
            HashingInputStream raw = new HashingInputStream(Files.newInputStream(file));
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            boolean gzip = startsWithGzipMagic(buffered);
            InputStream text = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
            boolean hadBom = skipUtf8Bom(text);
            return new SourceFile(file, size, raw, text, gzip, hadBom);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads at most {@code maxBytes} text bytes from the start of the file (after decompression, without
     * a BOM) and closes it.
     */
    static Head readHead(Path file, int maxBytes) {
        try (SourceFile source = open(file)) {
            int capacity = source.gzip ? maxBytes : (int) Math.min(maxBytes, source.size);
            byte[] buffer = new byte[capacity];
            int n = source.text.readNBytes(buffer, 0, capacity);
            boolean truncated = source.text.read() >= 0;
            return new Head(n == capacity ? buffer : Arrays.copyOf(buffer, n), truncated, source.gzip, source.hadBom);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The start of a file's text: its bytes, whether more follows, and what was peeled off. */
    record Head(byte[] bytes, boolean truncated, boolean gzip, boolean hadBom) {
    }

    /** The text bytes (decompressed, BOM skipped). */
    InputStream text() {
        return text;
    }

    boolean gzip() {
        return gzip;
    }

    /** Bytes of the file read so far (compressed bytes for gzip). */
    long bytesRead() {
        return raw.count;
    }

    /** The file's size on disk. */
    long size() {
        return size;
    }

    /** Reads whatever is left of the file so the hash covers it all, then returns the hex SHA-256. */
    String finishSha256() {
        try {
            raw.skipRest();
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        return HexFormat.of().formatHex(raw.digest.digest());
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException ignored) {
            // nothing was written; closing a read stream cannot lose data
        }
    }

    static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new EngineException("The file " + file + " was not found. Check the name and folder, "
                    + "or choose the file again.");
        }
        if (Files.isDirectory(file)) {
            throw new EngineException(file + " is a folder, not a file. Choose a CSV or TSV file inside it.");
        }
        if (!Files.isReadable(file)) {
            throw new EngineException("The file " + file + " cannot be read: permission denied. "
                    + "Ask for read access or copy the file to a folder you own.");
        }
    }

    static EngineException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EngineException("The file " + file + " was not found. Check the name and folder.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new EngineException("The file " + file + " cannot be read: permission denied. "
                    + "Ask for read access or copy the file to a folder you own.", e);
        }
        if (e instanceof ZipException || e instanceof java.io.EOFException) {
            return new EngineException("The file " + file + " looks gzip-compressed but is damaged or cut short ("
                    + e.getMessage() + "). Download or copy it again.", e);
        }
        return new EngineException("The file " + file + " could not be read (" + e.getMessage()
                + "). Check that it is not on a disconnected drive, then try again.", e);
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == GZIP_MAGIC_1 && b == GZIP_MAGIC_2;
    }

    private static boolean skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
            return true;
        }
        in.reset();
        return false;
    }

    /** Counts and hashes every byte that passes. */
    private static final class HashingInputStream extends FilterInputStream {
        private final MessageDigest digest;
        private long count;

        HashingInputStream(InputStream in) {
            super(in);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        void skipRest() throws IOException {
            byte[] buffer = new byte[1 << 16];
            while (read(buffer, 0, buffer.length) >= 0) {
                // hashing happens in read
            }
        }
    }
}
