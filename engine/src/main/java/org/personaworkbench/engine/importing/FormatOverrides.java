package org.personaworkbench.engine.importing;

import java.nio.charset.Charset;

/**
 * What the analyst fixed by hand before detection runs; every null field is detected.
 */
public record FormatOverrides(Character delimiter, Charset encoding, Boolean header) {

    public static FormatOverrides none() {
        return new FormatOverrides(null, null, null);
    }
}
