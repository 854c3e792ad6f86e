package org.personaworkbench.app.personas;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.PersonaFigures;
import org.personaworkbench.engine.personas.StickyNote;

import java.util.List;
import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * Workshop mode for a room with a projector: a full-screen window showing the selected persona in large type.
 * Left/Right (or the on-screen arrows) move between personas, a click on the name or the quote edits it in
 * place (Enter commits through the same undoable, immediately saved edits as the editor; Esc cancels), typing
 * a note and pressing Enter adds a sticky note. Esc leaves the mode.
 */
final class WorkshopWindow extends Stage {

    private final PersonasViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final InPlaceText name;
    private final InPlaceText quote;
    private final Label summary = new Label();
    private final Label counter = new Label();
    private final StackPane avatar = new StackPane();
    private final javafx.scene.layout.FlowPane figures = new javafx.scene.layout.FlowPane(28, 14);
    private final VBox traits = new VBox(6);
    private final ListView<StickyNote> notes = new ListView<>();
    private final TextField noteField = new TextField();
    private final ListChangeListener<Persona> listListener = c -> showPersona();
    private final javafx.beans.value.ChangeListener<Persona> selectedListener = (obs, old, now) -> showPersona();

    WorkshopWindow(PersonasViewModel viewModel, Window owner, List<String> stylesheets) {
        this.viewModel = viewModel;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(tr("personas.workshop"));
        name = new InPlaceText("workshopName", "workshop-name", Persona::name, viewModel::rename);
        quote = new InPlaceText("workshopQuote", "workshop-quote", p -> p.quote().isBlank()
                ? tr("personas.workshop.noQuote") : "“" + p.quote() + "”", viewModel::editQuote);
        quote.rawValue = Persona::quote;

        root.setId("workshopView");
        root.getStyleClass().add("workshop");
        root.setTop(topBar());
        root.setCenter(center());
        root.setLeft(arrow("workshopPrevious", Feather.CHEVRON_LEFT, viewModel::selectPrevious));
        root.setRight(arrow("workshopNext", Feather.CHEVRON_RIGHT, viewModel::selectNext));

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().addAll(stylesheets);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        setScene(scene);
        setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it leaves an edit first
        setFullScreenExitHint(tr("personas.workshop.hint"));
        setFullScreen(true);

        viewModel.personas().addListener(listListener);
        viewModel.selectedProperty().addListener(selectedListener);
        addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            viewModel.personas().removeListener(listListener);
            viewModel.selectedProperty().removeListener(selectedListener);
        });
        showPersona();
        addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> root.requestFocus());
    }

    private Node topBar() {
        Label title = new Label(tr("personas.workshop"), Icons.icon(Feather.MONITOR, 20));
        title.getStyleClass().add("workshop-title");
        counter.setId("workshopCounter");
        counter.getStyleClass().add("workshop-counter");
        Label hint = new Label(tr("personas.workshop.keys"));
        hint.getStyleClass().add("workshop-hint");
        Button close = new Button(tr("personas.workshop.leave"), Icons.icon(Feather.X));
        close.setId("workshopLeave");
        close.setOnAction(e -> close());
        HBox bar = new HBox(16, title, counter, PersonaCard.spacer(), hint, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("workshop-bar");
        return bar;
    }

    private Node arrow(String id, Feather icon, Runnable action) {
        Button b = new Button(null, Icons.icon(icon, 40));
        b.setId(id);
        b.getStyleClass().add("workshop-arrow");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            commitEdits();
            action.run();
        });
        b.setMaxHeight(Double.MAX_VALUE);
        return b;
    }

    private Node center() {
        avatar.getStyleClass().add("workshop-avatar");
        summary.getStyleClass().add("workshop-summary");
        summary.setWrapText(true);
        VBox title = new VBox(6, name.node(), summary);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(24, avatar, title);
        head.setAlignment(Pos.CENTER_LEFT);

        figures.getStyleClass().add("workshop-figures");
        traits.getStyleClass().add("workshop-traits");
        Label traitsTitle = new Label(tr("personas.workshop.traits"));
        traitsTitle.getStyleClass().add("workshop-section");
        VBox left = new VBox(14, quote.node(), figures, traitsTitle, traits);
        HBox.setHgrow(left, Priority.ALWAYS);
        left.setPrefWidth(620);

        Label notesTitle = new Label(tr("personas.workshop.notes"));
        notesTitle.getStyleClass().add("workshop-section");
        notes.setId("workshopNotes");
        notes.getStyleClass().add("workshop-notes");
        notes.setCellFactory(l -> new PersonasView.NoteCell());
        notes.setPlaceholder(new Label(tr("personas.notes.none")));
        noteField.setId("workshopNoteField");
        noteField.getStyleClass().add("workshop-note-field");
        noteField.setPromptText(tr("personas.workshop.notePrompt"));
        noteField.setOnAction(e -> {
            Persona p = viewModel.selectedProperty().get();
            if (p != null && !noteField.getText().isBlank()) {
                viewModel.addNote(p.segment(), noteField.getText());
                noteField.clear();
            }
        });
        VBox right = new VBox(10, notesTitle, noteField, notes);
        VBox.setVgrow(notes, Priority.ALWAYS);
        right.setPrefWidth(420);
        right.setMinWidth(320);

        HBox columns = new HBox(40, left, right);
        VBox.setVgrow(columns, Priority.ALWAYS);
        VBox box = new VBox(28, head, columns);
        box.getStyleClass().add("workshop-body");
        return box;
    }

    /** Left/Right move (unless a text field has the keys), Esc leaves an edit or the mode, Ctrl+Z undoes. */
    private void keys(KeyEvent e) {
        boolean typing = getScene().getFocusOwner() instanceof TextInputControl;
        if (PersonasView.REDO.match(e) || PersonasView.REDO_Y.match(e)) {
            if (!typing) {
                viewModel.redo();
                e.consume();
            }
        } else if (PersonasView.UNDO.match(e)) {
            if (!typing) {
                viewModel.undo();
                e.consume();
            }
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (name.editing() || quote.editing()) {
                name.cancel();
                quote.cancel();
                root.requestFocus();
            } else if (typing) {
                root.requestFocus();
            } else {
                close();
            }
            e.consume();
        } else if (!typing && e.getCode() == KeyCode.RIGHT) {
            viewModel.selectNext();
            e.consume();
        } else if (!typing && e.getCode() == KeyCode.LEFT) {
            viewModel.selectPrevious();
            e.consume();
        }
    }

    private void commitEdits() {
        name.commit();
        quote.commit();
    }

    private void showPersona() {
        Persona p = viewModel.selectedProperty().get();
        int at = p == null ? -1 : viewModel.personas().stream().map(Persona::segment).toList().indexOf(p.segment());
        counter.setText(p == null ? "" : tr("personas.workshop.counter", at + 1, viewModel.personas().size()));
        name.show(p);
        quote.show(p);
        if (p == null) {
            summary.setText("");
            avatar.getChildren().clear();
            figures.getChildren().clear();
            traits.getChildren().clear();
            notes.getItems().clear();
            return;
        }
        summary.setText(p.summary());
        Circle circle = new Circle(54, PersonaCard.color(p.color()));
        Label initials = new Label(p.initials());
        initials.getStyleClass().add("workshop-initials");
        initials.setTextFill(PersonaCard.readableOn(PersonaCard.color(p.color())));
        Label goal = new Label(GoalText.label(p.goal()));
        goal.getStyleClass().addAll("goal-badge", "workshop-goal",
                "goal-" + p.goal().name().toLowerCase(java.util.Locale.ROOT));
        avatar.getChildren().setAll(circle, initials);
        root.setStyle("-fx-border-color: " + PersonaCard.safeColor(p.color()) + ";");

        figures.getChildren().clear();
        PersonaFigures f = p.figures();
        figure(key("personas.figure.size"), FigureText.size(f), key("personas.tip.size"));
        figure(key("personas.figure.customerShare"), FigureText.customerShare(f), key("personas.tip.customerShare"));
        figure(key("personas.figure.revenueShare"), FigureText.revenueShare(f), key("personas.tip.revenueShare"));
        figure(key("personas.figure.aov"), FigureText.averageOrderValue(f), key("personas.tip.aov"));
        figure(key("personas.figure.recency"), FigureText.recency(f), key("personas.tip.recency"));
        labelledFigure(FigureText.categoriesHeading(f), FigureText.topCategories(f), key("personas.tip.categories"));
        Label goalLabel = new Label(tr("personas.field.goal"));
        goalLabel.getStyleClass().add("workshop-figure-label");
        figures.getChildren().add(new VBox(4, goalLabel, goal));
        traits.getChildren().setAll(p.traits().stream().limit(6).map(t -> {
            Label l = new Label("• " + t);
            l.getStyleClass().add("workshop-trait");
            l.setWrapText(true);
            return (Node) l;
        }).toList());
        if (!notes.getItems().equals(p.notes())) {
            notes.getItems().setAll(p.notes());
            notes.scrollTo(Math.max(0, p.notes().size() - 1));
        }
    }

    private void figure(String labelKey, String value, String tipKey) {
        labelledFigure(tr(labelKey), value, tipKey);
    }

    private void labelledFigure(String labelText, String value, String tipKey) {
        Label label = new Label(labelText);
        label.getStyleClass().add("workshop-figure-label");
        Label v = new Label(value);
        v.getStyleClass().add("workshop-figure-value");
        v.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, label, v);
        Tooltip.install(box, new Tooltip(tr(tipKey)));
        figures.getChildren().add(box);
    }

    /** A large label that becomes a text field on click; Enter commits, Esc or leaving the persona cancels. */
    private final class InPlaceText {
        private final Label label = new Label();
        private final TextField field = new TextField();
        private final StackPane box;
        private final Function<Persona, String> shownValue;
        private final CommittingText.Commit commit;
        private Function<Persona, String> rawValue;
        private int segment = -1;

        InPlaceText(String id, String style, Function<Persona, String> value, CommittingText.Commit commit) {
            this.shownValue = value;
            this.rawValue = value;
            this.commit = commit;
            label.setId(id);
            label.getStyleClass().addAll(style, "in-place");
            label.setWrapText(true);
            label.setMnemonicParsing(false);
            label.setTooltip(new Tooltip(tr("personas.workshop.clickToEdit")));
            field.setId(id + "Field");
            field.getStyleClass().addAll(style, "in-place-field");
            field.setVisible(false);
            box = new StackPane(label, field);
            box.setAlignment(Pos.CENTER_LEFT);
            label.setOnMouseClicked(e -> start());
            field.setOnAction(e -> {
                commit();
                root.requestFocus();
            });
            field.focusedProperty().addListener((obs, was, now) -> {
                if (!now && field.isVisible()) {
                    commit();
                }
            });
        }

        Node node() {
            return box;
        }

        boolean editing() {
            return field.isVisible();
        }

        void start() {
            Persona p = viewModel.selectedProperty().get();
            if (p == null) {
                return;
            }
            segment = p.segment();
            field.setText(rawValue.apply(p));
            label.setVisible(false);
            field.setVisible(true);
            field.requestFocus();
            field.selectAll();
        }

        void commit() {
            if (!field.isVisible()) {
                return;
            }
            field.setVisible(false);
            label.setVisible(true);
            if (segment >= 0) {
                commit.commit(segment, field.getText());
            }
        }

        void cancel() {
            field.setVisible(false);
            label.setVisible(true);
        }

        void show(Persona p) {
            if (p == null || p.segment() != segment) {
                cancel();
            }
            label.setText(p == null ? "" : shownValue.apply(p));
        }
    }
}
