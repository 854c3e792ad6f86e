package org.personaworkbench.app.shell;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import static org.personaworkbench.app.common.I18n.tr;

/** The About dialog: name and version, licence, data attributions and third-party notices (scrollable). */
public final class AboutView {

    private final Dialog<Void> dialog = new Dialog<>();

    public AboutView(AboutViewModel about, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(tr("about.title"));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(org.personaworkbench.ui.UiResources.stylesheet());
        Label title = new Label(about.name() + " " + about.version());
        title.setId("aboutTitle");
        title.getStyleClass().add("title-3");
        Label licence = new Label(about.licence());
        licence.setWrapText(true);
        licence.setMaxWidth(560);
        TextArea text = new TextArea(about.noticesText());
        text.setId("aboutText");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefSize(600, 360);
        VBox content = new VBox(10, title, licence, text);
        content.setPadding(new javafx.geometry.Insets(12, 16, 4, 16));
        dialog.getDialogPane().setContent(content);
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
