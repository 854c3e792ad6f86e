package org.personaworkbench.app.personas;

/** Where the step's saves are: nothing edited yet, a save queued or running, all saved, or the last one failed. */
public enum SaveStatus {
    IDLE, SAVING, SAVED, FAILED
}
