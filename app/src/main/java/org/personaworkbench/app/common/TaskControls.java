package org.personaworkbench.app.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** Binds a step's own progress line (title, bar, Cancel) to the work it runs, or clears it when none runs. */
public final class TaskControls {

    private TaskControls() {
    }

    /** Shows {@code now} (its title, progress and a Cancel that asks it to stop), or nothing when null. */
    public static void show(BackgroundTask now, Label title, ProgressBar progress, Button cancel) {
        progress.progressProperty().unbind();
        cancel.disableProperty().unbind();
        cancel.visibleProperty().unbind();
        if (now == null) {
            title.setText("");
            cancel.setOnAction(null);
            return;
        }
        title.setText(now.title());
        progress.progressProperty().bind(now.progressProperty());
        cancel.disableProperty().bind(now.cancelRequestedProperty());
        cancel.visibleProperty().bind(now.cancellableProperty());
        cancel.setOnAction(e -> now.cancel());
    }
}
