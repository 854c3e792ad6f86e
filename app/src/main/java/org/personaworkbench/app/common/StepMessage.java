package org.personaworkbench.app.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import org.kordamp.ikonli.feather.Feather;

/** The note under a step's header ("Wrote 4,339 rows…", "Cancelled."), shown only while it has text. */
public final class StepMessage {

    private StepMessage() {
    }

    /** A wrapping label with the info icon that follows {@code text} and takes no space while it is empty. */
    public static Label label(String id, ObservableStringValue text) {
        Label message = new Label();
        message.setId(id);
        message.getStyleClass().add("import-message");
        message.setGraphic(Icons.icon(Feather.INFO));
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
