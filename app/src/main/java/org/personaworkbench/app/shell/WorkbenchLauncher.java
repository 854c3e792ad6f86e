package org.personaworkbench.app.shell;

import javafx.application.Application;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the desktop app. A plain class (not an {@code Application}) so JavaFX on the class path starts
 * correctly; {@code pwb gui [PROJECT]} calls {@link #launch(Path)}.
 */
public final class WorkbenchLauncher {

    private static final Logger LOG = Logger.getLogger(WorkbenchLauncher.class.getName());

    private WorkbenchLauncher() {
    }

    /**
     * Opens the main window, with the given project open when not null, and blocks until the window was
     * closed and the project file released.
     */
    public static void launch(Path projectOrNull) {
        String[] args = projectOrNull == null ? new String[0] : new String[] {projectOrNull.toString()};
        Application.launch(WorkbenchApp.class, args);
        try {
            WorkbenchApp.stopped().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The project was not closed cleanly", e);
        }
    }

    /** {@code WorkbenchLauncher [PROJECT]}: for running the desktop app without the CLI. */
    public static void main(String[] args) {
        launch(args.length == 0 ? null : Path.of(args[0]));
    }
}
