package org.personaworkbench.app.personas;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.PersonaFigures;

import java.util.function.IntConsumer;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * One persona in the gallery: a band and an initials avatar in its colour, its name, summary and goal, the key
 * figures, its top three traits, and a Compare check box. A click selects it.
 */
final class PersonaCard extends VBox {

    static final double WIDTH = 232;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final int segment;
    private final CheckBox compare = new CheckBox();

    PersonaCard(Persona p, boolean checked, IntConsumer onSelect, CompareToggle onCompare) {
        this.segment = p.segment();
        setId("personaCard-" + p.segment());
        getStyleClass().add("persona-card");
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);

        Region band = new Region();
        band.getStyleClass().add("persona-band");
        band.setStyle("-fx-background-color: " + safeColor(p.color()) + ";");

        Circle circle = new Circle(22, color(p.color()));
        Label initials = new Label(p.initials());
        initials.getStyleClass().add("persona-initials");
        initials.setTextFill(readableOn(color(p.color())));
        StackPane avatar = new StackPane(circle, initials);
        avatar.getStyleClass().add("persona-avatar");

        Label name = new Label(p.name());
        name.setId("personaCardName-" + p.segment());
        name.getStyleClass().add("persona-name");
        name.setWrapText(true);
        name.setMnemonicParsing(false);
        Label goal = new Label(GoalText.label(p.goal()));
        goal.getStyleClass().addAll("goal-badge", "goal-" + p.goal().name().toLowerCase(java.util.Locale.ROOT));
        goal.setTooltip(new Tooltip(tr("personas.tip.goal")));
        name.setMinHeight(Region.USE_PREF_SIZE);
        VBox title = new VBox(3, name, goal);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setPrefWidth(WIDTH - 24 - 44 - 10 - 24);
        title.setMinWidth(0);
        compare.setTooltip(new Tooltip(tr("personas.card.compare")));
        HBox head = new HBox(10, avatar, title, compare);
        head.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label(p.summary());
        summary.getStyleClass().add("persona-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setVisible(!p.summary().isBlank());
        summary.setManaged(summary.isVisible());

        GridPane figures = figures(p.figures());
        Label categories = new Label(tr("personas.card.categories", FigureText.categoriesHeading(p.figures()),
                FigureText.topCategories(p.figures())));
        categories.getStyleClass().add("persona-categories");
        categories.setWrapText(true);
        categories.setMinHeight(Region.USE_PREF_SIZE);
        categories.setTooltip(new Tooltip(tr("personas.tip.categories")));

        VBox traits = new VBox(2);
        traits.getStyleClass().add("persona-traits");
        p.traits().stream().limit(3).forEach(t -> {
            Label l = new Label("• " + t);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            traits.getChildren().add(l);
        });

        compare.setId("personaCompare-" + p.segment());
        compare.setSelected(checked);
        compare.selectedProperty().addListener((obs, old, now) -> onCompare.toggle(segment, now));
        compare.getStyleClass().add("persona-compare");

        VBox body = new VBox(6, head, summary, figures, categories, traits);
        body.getStyleClass().add("persona-card-body");
        getChildren().addAll(band, body);
        setOnMouseClicked(e -> {
            requestFocus();
            onSelect.accept(segment);
        });
    }

    /** Called when the Compare box changes. */
    @FunctionalInterface
    interface CompareToggle {
        void toggle(int segment, boolean on);
    }

    int segment() {
        return segment;
    }

    /** The height at the card's fixed width, so wrapped lines count (a FlowPane asks with width -1). */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 ? WIDTH : width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void setChecked(boolean on) {
        if (compare.isSelected() != on) {
            compare.setSelected(on);
        }
    }

    private static GridPane figures(PersonaFigures f) {
        GridPane g = new GridPane();
        g.getStyleClass().add("persona-figures");
        g.setHgap(6);
        g.setVgap(2);
        int row = 0;
        row = figure(g, row, key("personas.figure.size"), key("personas.tip.size"), FigureText.size(f));
        row = figure(g, row, key("personas.figure.customerShare"), key("personas.tip.customerShare"), FigureText.customerShare(f));
        row = figure(g, row, key("personas.figure.revenueShare"), key("personas.tip.revenueShare"), FigureText.revenueShare(f));
        row = figure(g, row, key("personas.figure.aov"), key("personas.tip.aov"), FigureText.averageOrderValue(f));
        figure(g, row, key("personas.figure.recency"), key("personas.tip.recency"), FigureText.recency(f));
        return g;
    }

    private static int figure(GridPane g, int row, String labelKey, String tipKey, String value) {
        Label label = new Label(tr(labelKey));
        label.getStyleClass().add("figure-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.getStyleClass().add("figure-value");
        v.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip(tr(tipKey));
        label.setTooltip(tip);
        v.setTooltip(tip);
        g.addRow(row, label, v);
        return row + 1;
    }

    /** The persona's colour, or a neutral grey when it is not a valid colour. */
    static Color color(String css) {
        try {
            return Color.web(css);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Color.GRAY;
        }
    }

    static String safeColor(String css) {
        return toHex(color(css));
    }

    static String toHex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** White or near-black text, whichever reads better on the colour. */
    static Color readableOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.6 ? Color.web("#1f2328") : Color.WHITE;
    }

    /** An empty region that takes the spare width of an HBox. */
    static Node spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
