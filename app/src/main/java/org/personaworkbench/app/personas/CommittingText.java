package org.personaworkbench.app.personas;

import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import org.personaworkbench.engine.personas.Persona;

import java.util.function.Function;

/**
 * Ties a text field to one text of the shown persona: the text is committed (one undoable, saved edit) when the
 * field loses focus or, for a one-line field, on Enter — not on every keystroke. Showing another persona, or
 * the same one after an undo, replaces the field's text only where the persona's value changed, so typing in
 * one field is never lost when another field's edit is saved.
 */
final class CommittingText {

    /** Commits a text of a segment's persona. */
    @FunctionalInterface
    interface Commit {
        void commit(int segment, String text);
    }

    private final TextInputControl field;
    private final Function<Persona, String> value;
    private final Commit commit;
    private int segment = -1;
    private String shown = "";

    CommittingText(TextInputControl field, Function<Persona, String> value, Commit commit) {
        this.field = field;
        this.value = value;
        this.commit = commit;
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit();
            }
        });
        if (field instanceof TextField one) {
            one.setOnAction(e -> commit());
        }
    }

    /** Shows the persona's value (null: an empty, disabled field). */
    void show(Persona p) {
        if (p == null) {
            segment = -1;
            shown = "";
            field.setText("");
            field.setDisable(true);
            return;
        }
        field.setDisable(false);
        String now = value.apply(p);
        if (p.segment() != segment || !now.equals(shown)) {
            segment = p.segment();
            shown = now;
            field.setText(now);
        }
    }

    /** Commits the field's text if the analyst changed it. */
    void commit() {
        String text = field.getText() == null ? "" : field.getText();
        if (segment >= 0 && !text.equals(shown)) {
            commit.commit(segment, text);
            if (!field.getText().equals(shown)) {
                field.setText(shown); // the edit was refused or tidied (a name is trimmed)
            }
        }
    }
}
