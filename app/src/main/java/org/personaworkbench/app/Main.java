package org.personaworkbench.app;

import org.personaworkbench.app.cli.PwbCommand;

/**
 * Entry point for both faces of Persona Workbench: {@code pwb gui} opens the desktop app, every other
 * command runs headless on the same engine. A plain class (not an {@code Application}) so that JavaFX on
 * the class path starts correctly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PwbCommand.execute(args, System.out, System.err));
    }
}
