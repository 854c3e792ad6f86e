package org.personaworkbench.app.personas;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.project.Project;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * Saves personas one at a time, in the order they were edited: the next save starts only when the previous
 * one has finished, so the project always ends with the latest edit even though the task runner is a pool.
 * Each save writes the whole persona as it was after its edit. Used on the UI thread only.
 */
final class SaveQueue {

    private record Pending(Project project, Persona persona) {
    }

    private final Engine engine;
    private final TaskRunner tasks;
    private final BiConsumer<Persona, Throwable> onFailure;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<SaveStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            SaveStatus.IDLE);
    private boolean running;
    private boolean failedSinceIdle;
    /** Completes when the queue next runs empty; a completed future while idle. */
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    SaveQueue(Engine engine, TaskRunner tasks, BiConsumer<Persona, Throwable> onFailure) {
        this.engine = engine;
        this.tasks = tasks;
        this.onFailure = onFailure;
    }

    /** Queues a save of this persona into this project. */
    void save(Project project, Persona persona) {
        pending.add(new Pending(project, persona));
        status.set(SaveStatus.SAVING);
        if (idle.isDone()) {
            idle = new CompletableFuture<>();
        }
        if (!running) {
            next();
        }
    }

    /** True while a save is queued or running. */
    boolean busy() {
        return running || !pending.isEmpty();
    }

    /** Completes when every queued save has finished (at once when none is queued), so a project is closed after. */
    CompletableFuture<Void> whenIdle() {
        return idle;
    }

    ReadOnlyObjectProperty<SaveStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void next() {
        Pending n = pending.poll();
        if (n == null) {
            running = false;
            status.set(failedSinceIdle ? SaveStatus.FAILED : SaveStatus.SAVED);
            failedSinceIdle = false;
            idle.complete(null);
            return;
        }
        running = true;
        tasks.run(tr("personas.task.save", n.persona().name()),
                (progress, cancel) -> engine.savePersona(n.project(), n.persona()),
                saved -> next(),
                failure -> {
                    failedSinceIdle = true;
                    onFailure.accept(n.persona(), failure);
                    next();
                }).notCancellable();
    }
}
