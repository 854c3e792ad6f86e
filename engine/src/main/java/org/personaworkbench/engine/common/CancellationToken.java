package org.personaworkbench.engine.common;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread-safe flag that a UI or CLI sets to ask long-running engine work to stop. Work checks it
 * at safe points and leaves everything as it was before it started.
 */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A new token that is not cancelled. */
    public static CancellationToken create() {
        return new CancellationToken();
    }

    /** Asks the work to stop; safe to call from any thread, more than once. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} when cancel was asked for. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
