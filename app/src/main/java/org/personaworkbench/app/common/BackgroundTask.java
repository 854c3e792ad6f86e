package org.personaworkbench.app.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.personaworkbench.engine.common.CancellationToken;

import java.util.Objects;

/**
 * A piece of work a {@link TaskRunner} is running, as the UI sees it: a title, the latest progress
 * message and fraction (-1 when unknown), and a cancel command that asks the engine to stop through its
 * {@link CancellationToken}. The task ends only when the engine has stopped, so after a cancel the
 * project is known to be unchanged. Properties change on the FX thread (or the caller's, in tests).
 */
public final class BackgroundTask {

    private final String title;
    private final CancellationToken token;
    final StringProperty message = new SimpleStringProperty(this, "message", "");
    final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", true);

    public BackgroundTask(String title, CancellationToken token) {
        this.title = Objects.requireNonNull(title, "title");
        this.token = Objects.requireNonNull(token, "token");
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    /** False for short work that cannot stop halfway (the status bar then offers no Cancel). */
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    /** Marks the work as one that cannot stop halfway; call right after starting it, on the UI thread. */
    public BackgroundTask notCancellable() {
        cancellable.set(false);
        return this;
    }

    /** Asks the work to stop; it ends (with a cancelled failure) once the engine has rolled back. */
    public void cancel() {
        token.cancel();
        cancelRequested.set(true);
    }

    public boolean isCancelRequested() {
        return token.isCancelled();
    }
}
