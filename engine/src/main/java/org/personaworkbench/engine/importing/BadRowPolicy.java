package org.personaworkbench.engine.importing;

import java.util.List;

/**
 * Decides, after the whole file was read, what to do when some rows were bad: skip them and keep the
 * rest, or cancel the import (nothing is written). The UI asks the analyst; the CLI uses a flag.
 */
@FunctionalInterface
public interface BadRowPolicy {

    /** Skip bad rows without asking. */
    BadRowPolicy SKIP = (sample, total) -> Decision.SKIP;

    /** Fail the import when any row is bad. */
    BadRowPolicy FAIL = (sample, total) -> Decision.CANCEL;

    /**
     * @param sample the first bad rows (at most {@link CsvImporter#BAD_ROW_SAMPLE}), in file order
     * @param total  how many rows were bad in all
     */
    Decision decide(List<BadRow> sample, long total);

    enum Decision { SKIP, CANCEL }
}
