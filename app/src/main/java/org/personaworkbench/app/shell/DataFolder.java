package org.personaworkbench.app.shell;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app keeps files it makes for the user (built sample projects): the platform's per-user data folder,
 * {@code ~/.local/share/persona-workbench} on Linux (or {@code $XDG_DATA_HOME}), {@code %LOCALAPPDATA%\Persona
 * Workbench} on Windows and {@code ~/Library/Application Support/Persona Workbench} on macOS.
 */
public final class DataFolder {

    private DataFolder() {
    }

    /** The folder built sample projects go to. */
    public static Path samples() {
        return root().resolve("samples");
    }

    static Path root() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("Persona Workbench");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Persona Workbench");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg))
                .resolve("persona-workbench");
    }
}
