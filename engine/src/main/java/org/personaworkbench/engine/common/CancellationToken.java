package org.personaworkbench.engine.common;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread-safe flag that a UI or CLI sets to ask long-running engine work to stop. Work checks it
 * at safe points and leaves everything as it was before it started.
 */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch cancelledLatch = new CountDownLatch(1);

    /** A new token that is not cancelled. */
    public static CancellationToken create() {
        return new CancellationToken();
    }

    /** Asks the work to stop; safe to call from any thread, more than once. */
    public void cancel() {
        cancelled.set(true);
        cancelledLatch.countDown();
    }

    /**
     * Waits until cancel is asked for or the timeout passes, for work that idles between steps (waiting on
     * a person or another process) and must still react to cancel at once.
     *
     * @return true when cancelled
     */
    public boolean awaitCancel(long timeout, TimeUnit unit) throws InterruptedException {
        return cancelledLatch.await(timeout, unit);
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
