package org.personaworkbench.app.data;

import org.personaworkbench.engine.importing.ImportOptions;

import java.nio.file.Path;

/** What the import wizard hands back when the analyst presses Import. */
public record ImportRequest(Path file, ImportOptions options) {
}
