package org.personaworkbench.engine.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the text encoding of the start of a file: a UTF-8 byte-order mark or valid UTF-8 means UTF-8;
 * invalid UTF-8 with bytes 0x80–0x9F (Windows "smart" quotes, €, …) means Windows-1252; anything else
 * ISO-8859-1. Only the bytes given are looked at, so a stray byte after them is not seen.
 */
final class EncodingDetector {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EncodingDetector() {
    }

    /**
     * @param bytes     the first bytes of the file's text
     * @param hadBom    whether a UTF-8 byte-order mark preceded them
     * @param truncated whether the file goes on after these bytes (a multi-byte character may be cut)
     */
    static Charset detect(byte[] bytes, boolean hadBom, boolean truncated) {
        if (hadBom || isUtf8(bytes, truncated)) {
            return StandardCharsets.UTF_8;
        }
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80 && v <= 0x9F) {
                return WINDOWS_1252;
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /** Strict UTF-8 check (no overlongs, no surrogates); a sequence cut by the end is fine when truncated. */
    static boolean isUtf8(byte[] bytes, boolean truncated) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int more;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + more >= n) {
                if (!truncated) {
                    return false;
                }
                for (int k = i + 1; k < n; k++) { // a character cut by the end of the sample
                    if ((bytes[k] & 0xC0) != 0x80) {
                        return false;
                    }
                }
                return true;
            }
            int cp = b & (0x3F >> more);
            for (int k = 1; k <= more; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += more + 1;
        }
        return true;
    }
}
