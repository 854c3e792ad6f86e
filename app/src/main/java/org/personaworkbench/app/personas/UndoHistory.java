package org.personaworkbench.app.personas;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of one step. Executing a new command clears what could be redone; the history
 * keeps at most {@link #LIMIT} commands. Properties say whether undo/redo is possible and what it would do.
 */
public final class UndoHistory {

    /** Commands kept at most; the oldest fall off. */
    static final int LIMIT = 500;

    private final Deque<UndoableCommand> done = new ArrayDeque<>();
    private final Deque<UndoableCommand> undone = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");

    /** Executes the command and makes it the next one to undo. */
    public void execute(UndoableCommand command) {
        command.execute();
        done.push(command);
        if (done.size() > LIMIT) {
            done.removeLast();
        }
        undone.clear();
        update();
    }

    public void undo() {
        if (!done.isEmpty()) {
            UndoableCommand c = done.pop();
            c.undo();
            undone.push(c);
            update();
        }
    }

    public void redo() {
        if (!undone.isEmpty()) {
            UndoableCommand c = undone.pop();
            c.redo();
            done.push(c);
            update();
        }
    }

    /** Forgets everything (when the edited personas are replaced, for example by another run). */
    public void clear() {
        done.clear();
        undone.clear();
        update();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The description of the command {@link #undo} would take back, or "". */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    /** The description of the command {@link #redo} would do again, or "". */
    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        undoDescription.set(done.isEmpty() ? "" : done.peek().description());
        redoDescription.set(undone.isEmpty() ? "" : undone.peek().description());
    }
}
