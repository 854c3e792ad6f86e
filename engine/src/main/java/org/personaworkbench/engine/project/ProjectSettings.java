package org.personaworkbench.engine.project;

import java.util.Map;

/**
 * Project-wide settings stored as JSON in the project file. Unknown keys written by later versions are
 * kept in {@code extra} so that saving never loses them.
 */
public record ProjectSettings(String displayName, String currency, Map<String, Object> extra) {
    public ProjectSettings {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static ProjectSettings defaults() {
        return new ProjectSettings(null, "GBP", Map.of());
    }
}
