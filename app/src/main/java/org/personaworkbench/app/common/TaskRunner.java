package org.personaworkbench.app.common;

import javafx.collections.ObservableList;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs long work (open/create a project, inspect, import, profile) off the FX thread and calls back on
 * it. {@link FxTaskRunner} wraps {@code javafx.concurrent.Task}; {@link ImmediateTaskRunner} runs
 * everything at once on the caller's thread so view models can be tested without the FX toolkit.
 */
public interface TaskRunner {

    /**
     * Starts the work.
     *
     * @param title     what the status bar shows while it runs (already translated)
     * @param onSuccess called on the UI thread with the result
     * @param onFailure called on the UI thread with the failure; a
     *                  {@link org.personaworkbench.engine.common.CancelledException} after a cancel
     */
    <T> BackgroundTask run(String title, Work<T> work, Consumer<? super T> onSuccess,
                           Consumer<? super Throwable> onFailure);

    /**
     * Called from inside work: runs a question on the UI thread (for example "skip the bad rows?"),
     * waits for the answer and returns it.
     */
    <T> T callOnUiThread(Callable<T> question);

    /** The tasks now running, oldest first; changes on the UI thread. */
    ObservableList<BackgroundTask> running();
}
