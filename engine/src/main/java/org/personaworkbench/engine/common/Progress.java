package org.personaworkbench.engine.common;

/**
 * Receives progress from long-running engine work, so a UI or CLI can show it without the engine
 * knowing who listens. Implementations must be thread-safe and cheap: work calls this often.
 */
@FunctionalInterface
public interface Progress {

    /** A listener that ignores every report. */
    Progress NONE = (done, total, message) -> { };

    /**
     * Reports that {@code done} of {@code total} units are finished; {@code total} is -1 when unknown.
     *
     * @param message a short sentence for people, for example "Imported 120,000 rows"
     */
    void report(long done, long total, String message);
}
