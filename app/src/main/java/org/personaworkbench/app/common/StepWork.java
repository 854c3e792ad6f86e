package org.personaworkbench.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.personaworkbench.engine.common.CancelledException;

import java.util.function.Consumer;

/**
 * A step's one piece of cancellable work at a time: the busy flag that disables its commands, the running task
 * for its progress line and Cancel, and the same reaction to failures everywhere (a cancel becomes a short
 * message, anything else the error dialog). Used on the UI thread only.
 */
public final class StepWork {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable onCancelled;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<BackgroundTask> current = new ReadOnlyObjectWrapper<>(this, "currentTask");

    /** @param onCancelled what the step shows when its work was cancelled (for example a "Cancelled." note) */
    public StepWork(TaskRunner tasks, DialogService dialogs, Runnable onCancelled) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.onCancelled = onCancelled;
    }

    /** Runs the work in the background; failures other than a cancel open the error dialog titled errorTitle. */
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, String errorTitle) {
        busy.set(true);
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(title, work, value -> {
            finished(self[0]);
            onSuccess.accept(value);
        }, failure -> {
            finished(self[0]);
            if (failure instanceof CancelledException) {
                onCancelled.run();
            } else {
                dialogs.showFailure(errorTitle, failure);
            }
        });
        if (busy.get()) { // an immediate runner may have finished already
            current.set(self[0]);
        }
    }

    /** Asks the running work (if any) to stop; its failure callback then reports the cancel. */
    public void requestCancel() {
        BackgroundTask running = current.get();
        if (running != null) {
            running.cancel();
        }
    }

    /** Cancels the running work (if any) and forgets it at once, for example when the project changes. */
    public void abandon() {
        BackgroundTask running = current.get();
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
        current.set(null);
    }

    public boolean busy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The work running now (for the step's progress bar and Cancel), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return current.getReadOnlyProperty();
    }

    private void finished(BackgroundTask task) {
        busy.set(false);
        if (task == null || current.get() == task) {
            current.set(null);
        }
    }
}
