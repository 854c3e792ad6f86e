package org.personaworkbench.app;

/**
 * Entry point of the installed desktop launcher (the menu entry and the file association): always opens the
 * desktop app, on the project file the desktop passed, if any. The installed {@code pwb} launcher uses
 * {@link Main} instead, so the command line stays headless.
 */
public final class DesktopMain {

    private DesktopMain() {
    }

    public static void main(String[] args) {
        Main.main(guiArguments(args));
    }

    /** {@code pwb gui} followed by what the desktop passed (a double-clicked project file). */
    static String[] guiArguments(String[] args) {
        String[] gui = new String[args.length + 1];
        gui[0] = "gui";
        System.arraycopy(args, 0, gui, 1, args.length);
        return gui;
    }
}
