package org.personaworkbench.engine.project;

import java.time.Instant;

/**
 * One line of a project's import log: which file became which dataset, the file's SHA-256, when,
 * how many rows were read and how many were rejected (with a short summary of why).
 */
public record ImportLogEntry(String dataset, String sourcePath, String sha256, Instant importedAt,
                             long rowsRead, long rowsRejected, String rejectSummary) {
}
