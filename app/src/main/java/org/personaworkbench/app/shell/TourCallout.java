package org.personaworkbench.app.shell;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The guided tour's callout: a small popup beside the current step's sidebar button with what to do there,
 * "Next" (or "Finish") and "Skip tour". It follows the tour's current step and hides when the tour ends.
 */
final class TourCallout {

    private final GuidedTourViewModel tour;
    private final Function<Step, Node> anchors;
    private final Popup popup = new Popup();
    private final Label position = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button next = new Button();

    TourCallout(GuidedTourViewModel tour, Function<Step, Node> anchors) {
        this.tour = tour;
        this.anchors = anchors;
        position.getStyleClass().add("text-muted");
        title.getStyleClass().add("title-4");
        text.setWrapText(true);
        text.setMaxWidth(300);
        text.setId("tourText");
        next.setId("tourNext");
        next.setDefaultButton(true);
        next.setOnAction(e -> tour.next());
        Button skip = new Button(tr("tour.skip"));
        skip.setId("tourSkip");
        skip.getStyleClass().add("flat");
        skip.setOnAction(e -> tour.dismiss());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, skip, spacer, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, position, title, text, buttons);
        box.setId("tourCallout");
        box.getStyleClass().add("tour-callout");
        box.setPrefWidth(330);
        // a popup has no scene stylesheet of ours: the theme's looked-up colours still apply
        box.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 8; -fx-border-radius: 8;"
                + " -fx-border-color: -color-accent-emphasis; -fx-border-width: 2; -fx-padding: 14;"
                + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.28), 18, 0, 0, 4);");
        popup.getContent().add(box);
        popup.setAutoHide(false);
        popup.setHideOnEscape(false);
        tour.currentProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Step step) {
        if (step == null) {
            popup.hide();
            return;
        }
        position.setText(tour.position());
        title.setText(tr(step.titleKey()));
        text.setText(tour.text());
        next.setText(tour.lastStep() ? tr("tour.finish") : tr("tour.next"));
        Node anchor = anchors.apply(step);
        if (anchor == null || anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return;
        }
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b == null) {
            return;
        }
        popup.show(anchor.getScene().getWindow(), b.getMaxX() + 12, b.getMinY());
    }
}
