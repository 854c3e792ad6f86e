package org.personaworkbench.app.personas;

import org.personaworkbench.engine.personas.Persona;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One undoable change to one persona, as a pair of changes to the persona as it is when applied (so undoing
 * an older edit of another field keeps later edits of this one): {@code forward} sets the new value,
 * {@code backward} the old one. The target applies the change to the shown persona and saves it.
 */
record PersonaEdit(Target target, int segment, String description, UnaryOperator<Persona> forward,
                   UnaryOperator<Persona> backward) implements UndoableCommand {

    /** Where edits land: the view model's list of personas, which saves every change. */
    interface Target {
        void apply(int segment, UnaryOperator<Persona> change);
    }

    PersonaEdit {
        Objects.requireNonNull(target);
        Objects.requireNonNull(description);
        Objects.requireNonNull(forward);
        Objects.requireNonNull(backward);
    }

    @Override
    public void execute() {
        target.apply(segment, forward);
    }

    @Override
    public void undo() {
        target.apply(segment, backward);
    }
}
