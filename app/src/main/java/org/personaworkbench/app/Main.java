package org.personaworkbench.app;

import org.personaworkbench.app.cli.PwbCommand;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point for both faces of Persona Workbench: {@code pwb gui} opens the desktop app, every other
 * command runs headless on the same engine. A plain class (not an {@code Application}) so that JavaFX on
 * the class path starts correctly.
 */
public final class Main {

    /** Held so the level set below is not lost when the logger is garbage-collected. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private Main() {
    }

    public static void main(String[] args) {
        // Flyway logs every migration check at INFO through java.util.logging: noise on a CLI whose
        // stderr is for the user's errors. Engine failures reach the user as EngineException messages.
        FLYWAY_LOG.setLevel(Level.SEVERE);
        System.exit(PwbCommand.execute(args, System.out, System.err));
    }
}
