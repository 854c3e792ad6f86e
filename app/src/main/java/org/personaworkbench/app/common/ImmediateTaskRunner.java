package org.personaworkbench.app.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work at once on the caller's thread: for view-model tests, which need no FX toolkit. It records
 * every title it ran and can hand out a token that is already cancelled, to test cancel paths.
 */
public final class ImmediateTaskRunner implements TaskRunner {

    private final ObservableList<BackgroundTask> running = FXCollections.observableArrayList();
    private final List<String> titles = new ArrayList<>();
    private boolean cancelNext;

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        BackgroundTask task = new BackgroundTask(title, token);
        titles.add(title);
        if (cancelNext) {
            cancelNext = false;
            task.cancel();
        }
        Progress progress = (done, total, message) -> {
            task.progress.set(total > 0 ? (double) done / total : -1);
            if (message != null) {
                task.message.set(message);
            }
        };
        running.add(task);
        T result;
        try {
            result = work.run(progress, token);
        } catch (Throwable t) {
            running.remove(task);
            onFailure.accept(t);
            return task;
        }
        running.remove(task);
        onSuccess.accept(result);
        return task;
    }

    @Override
    public <T> T callOnUiThread(Callable<T> question) {
        try {
            return question.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ObservableList<BackgroundTask> running() {
        return running;
    }

    /** Titles of all work run so far, in order. */
    public List<String> titles() {
        return List.copyOf(titles);
    }

    /** The next work gets a token that is already cancelled (as if the analyst pressed Cancel at once). */
    public void cancelNext() {
        cancelNext = true;
    }
}
