package org.personaworkbench.engine.project;

/**
 * How to create or open a project: an optional password (the file is then AES-encrypted by H2).
 * The password array is not copied; callers may clear it after the call returns.
 */
public record ProjectOptions(char[] password) {

    public static ProjectOptions plain() {
        return new ProjectOptions(null);
    }

    public static ProjectOptions withPassword(char[] password) {
        return new ProjectOptions(password);
    }

    public boolean encrypted() {
        return password != null && password.length > 0;
    }
}
