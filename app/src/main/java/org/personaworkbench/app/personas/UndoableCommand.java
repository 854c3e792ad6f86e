package org.personaworkbench.app.personas;

/**
 * An edit the analyst can take back (Scene Builder's command objects): it is executed once, then undone and
 * redone any number of times, and describes itself for the Undo/Redo tooltips ("rename to “Bargain hunters”").
 */
public interface UndoableCommand {

    void execute();

    void undo();

    /** Does the edit again after an undo; by default the same as {@link #execute}. */
    default void redo() {
        execute();
    }

    /** What the edit does, in words that follow "Undo " or "Redo ". */
    String description();
}
