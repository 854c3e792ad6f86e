package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a file on disk looks like before H2 touches it, read from its first bytes. Sniffing first keeps
 * H2 from "opening" (and rewriting) a file that is not an H2 database, and tells an encrypted file from a
 * damaged one.
 */
enum ProjectFileKind {
    /** An unencrypted H2 MVStore file. */
    PLAIN,
    /** An H2 file encrypted with CIPHER=AES. */
    ENCRYPTED,
    /** Anything else. */
    NOT_H2;

    private static final byte[] PLAIN_HEADER = "H:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    static ProjectFileKind of(Path file) {
        byte[] head = new byte[ENCRYPTED_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new EngineException("Could not read the project file " + file + ": " + e.getMessage()
                    + ". Check that the file exists and that you may read it.", e);
        }
        if (read == ENCRYPTED_HEADER.length && Arrays.equals(head, ENCRYPTED_HEADER)) {
            return ENCRYPTED;
        }
        if (read >= PLAIN_HEADER.length && Arrays.equals(head, 0, PLAIN_HEADER.length, PLAIN_HEADER, 0,
                PLAIN_HEADER.length)) {
            return PLAIN;
        }
        return NOT_H2;
    }
}
