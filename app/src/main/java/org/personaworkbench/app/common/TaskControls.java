package org.personaworkbench.app.common;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

import static org.personaworkbench.app.common.I18n.tr;

/** Binds a step's own progress line (title, bar, Cancel) to the work it runs, or clears it when none runs. */
public final class TaskControls {

    private TaskControls() {
    }

    /**
     * A step header's progress line (task title, bar, Cancel) that follows {@code current} and is visible only
     * while work runs; the bar and button get the ids {@code <idPrefix>Progress} and {@code <idPrefix>CancelButton}.
     */
    public static HBox line(String idPrefix, ObservableValue<BackgroundTask> current, double barWidth,
                            double titleWidth) {
        ProgressBar progress = new ProgressBar();
        progress.setId(idPrefix + "Progress");
        progress.setPrefWidth(barWidth);
        Label task = new Label();
        task.getStyleClass().add("text-muted");
        task.setMaxWidth(titleWidth);
        Button cancel = new Button(tr("status.cancel"), Icons.icon(Feather.X_CIRCLE));
        cancel.setId(idPrefix + "CancelButton");
        cancel.getStyleClass().add("small");
        HBox running = new HBox(8, task, progress, cancel);
        running.setAlignment(Pos.CENTER_RIGHT);
        running.setMinWidth(Region.USE_PREF_SIZE);
        current.addListener((obs, old, now) -> show(now, task, progress, cancel));
        show(current.getValue(), task, progress, cancel);
        running.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> current.getValue() != null, current));
        return running;
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
