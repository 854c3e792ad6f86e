package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.Progress;

import java.io.PrintWriter;

/**
 * Shows engine progress on stderr as one rewritten line, only when a person is watching a terminal and
 * no JSON was asked for; at most a few updates a second so that printing never slows the work.
 */
final class CliProgress implements Progress {

    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastNanos;
    private boolean printed;

    CliProgress(PrintWriter err, boolean json) {
        this.err = err;
        this.enabled = !json && System.console() != null;
    }

    @Override
    public synchronized void report(long done, long total, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (printed && now - lastNanos < MIN_INTERVAL_NANOS) {
            return;
        }
        lastNanos = now;
        printed = true;
        String percent = total > 0 ? String.format(" %3d%%", Math.min(100, done * 100 / total)) : "";
        err.print("\r" + percent + " " + message + "    ");
        err.flush();
    }

    /** Ends the progress line so that what follows starts on a fresh line. */
    synchronized void finish() {
        if (printed) {
            err.print("\r" + " ".repeat(70) + "\r");
            err.flush();
        }
    }
}
