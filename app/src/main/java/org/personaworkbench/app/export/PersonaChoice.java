package org.personaworkbench.app.export;

/** A persona of a run offered as an export source: its segment number and name. */
public record PersonaChoice(int segment, String name) {
    @Override
    public String toString() {
        return name;
    }
}
