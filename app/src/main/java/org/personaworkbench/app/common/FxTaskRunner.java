package org.personaworkbench.app.common;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.personaworkbench.engine.common.CancellationToken;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work in a {@link Task} on a pool of daemon worker threads. Engine progress reports become the
 * task's progress and message (throttled by JavaFX to one update per pulse); cancel sets the engine's
 * {@link CancellationToken} and the task finishes only when the engine has stopped.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ObservableList<BackgroundTask> running = FXCollections.observableArrayList();
    private final ExecutorService executor;

    public FxTaskRunner() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "pwb-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newCachedThreadPool(factory);
    }

    @Override
    public <T> BackgroundTask run(String title, Work<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        BackgroundTask handle = new BackgroundTask(title, token);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateProgress(-1, 1);
                return work.run((done, total, message) -> {
                    updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                    if (message != null) {
                        updateMessage(message);
                    }
                }, token);
            }
        };
        handle.progress.bind(task.progressProperty());
        handle.message.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            running.remove(handle);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(handle);
            Throwable failure = task.getException();
            if (!(failure instanceof org.personaworkbench.engine.common.CancelledException)) {
                LOG.log(Level.FINE, "Background work failed: " + title, failure);
            }
            onFailure.accept(failure);
        });
        running.add(handle);
        executor.execute(task);
        return handle;
    }

    @Override
    public <T> T callOnUiThread(Callable<T> question) {
        if (Platform.isFxApplicationThread()) {
            try {
                return question.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.call());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    @Override
    public ObservableList<BackgroundTask> running() {
        return running;
    }

    /** Stops accepting work; running work finishes in its daemon thread. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
