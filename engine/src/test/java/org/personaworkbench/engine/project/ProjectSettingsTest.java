package org.personaworkbench.engine.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectSettingsTest {

    @TempDir
    Path folder;

    private final ProjectService service = new ProjectService();

    @Test
    void newProjectHasDefaultSettings() {
        try (Project project = service.create(folder.resolve("p"), ProjectOptions.plain())) {
            assertEquals(ProjectSettings.defaults(), project.settings());
        }
    }

    @Test
    void savedSettingsComeBackEqualAfterReopening() {
        ProjectSettings settings = new ProjectSettings("Retail ünited", "EUR",
                Map.of("laterKey", "kept", "nested", Map.of("list", List.of(1, "two", true))));
        try (Project project = service.create(folder.resolve("p"), ProjectOptions.plain())) {
            project.saveSettings(settings);
            assertEquals(settings, project.settings());
        }
        try (Project project = service.open(folder.resolve("p"), ProjectOptions.plain())) {
            assertEquals(settings, project.settings());
        }
    }

    @Test
    void missingDisplayNameAndCurrencyStayMissing() {
        ProjectSettings settings = new ProjectSettings(null, null, Map.of());
        try (Project project = service.create(folder.resolve("p"), ProjectOptions.plain())) {
            project.saveSettings(settings);
            assertEquals(settings, project.settings());
        }
    }
}
