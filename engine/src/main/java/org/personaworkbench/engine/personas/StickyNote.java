package org.personaworkbench.engine.personas;

import java.time.Instant;
import java.util.Objects;

/** An idea noted on a persona during a workshop, kept with the project. */
public record StickyNote(String text, Instant createdAt) {
    public StickyNote {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
