package org.personaworkbench.engine.project.h2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.personaworkbench.engine.project.ProjectSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts {@link ProjectSettings} to and from the JSON kept in the project file. Keys this version does
 * not know are carried in {@code extra} and written back unchanged, so an older Persona Workbench never
 * drops settings a newer one saved.
 */
final class SettingsJson {

    static final String DISPLAY_NAME = "displayName";
    static final String CURRENCY = "currency";

    private final ObjectMapper mapper = new ObjectMapper();

    String write(ProjectSettings settings) throws JsonProcessingException {
        Map<String, Object> json = new LinkedHashMap<>();
        if (settings.displayName() != null) {
            json.put(DISPLAY_NAME, settings.displayName());
        }
        if (settings.currency() != null) {
            json.put(CURRENCY, settings.currency());
        }
        settings.extra().forEach(json::putIfAbsent);
        return mapper.writeValueAsString(json);
    }

    ProjectSettings read(String text) throws JsonProcessingException {
        Map<String, Object> json = mapper.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        if (json == null) {
            return ProjectSettings.defaults();
        }
        Object displayName = json.remove(DISPLAY_NAME);
        Object currency = json.remove(CURRENCY);
        // ProjectSettings keeps extra in an immutable map, which holds no null values: a key set to null is
        // treated as absent.
        json.values().removeIf(java.util.Objects::isNull);
        return new ProjectSettings(textOrNull(displayName), textOrNull(currency), json);
    }

    private static String textOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
