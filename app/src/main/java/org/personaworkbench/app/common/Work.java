package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

/** Work run off the FX thread: it reports progress and stops at safe points when cancelled. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress, CancellationToken cancel) throws Exception;
}
