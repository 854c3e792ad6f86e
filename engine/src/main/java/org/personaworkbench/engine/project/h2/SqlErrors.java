package org.personaworkbench.engine.project.h2;

import org.personaworkbench.engine.common.EngineException;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns H2's SQLExceptions into {@link EngineException}s with sentences for people; the SQL detail
 * goes into the exception's detail, never into the message alone.
 */
final class SqlErrors {

    /** H2: the database file is locked by another process. */
    static final int DATABASE_ALREADY_OPEN = 90020;
    /** H2: wrong file password. */
    static final int FILE_ENCRYPTION_ERROR = 90049;
    /** H2: wrong user name or password. */
    static final String WRONG_USER_OR_PASSWORD_STATE = "28000";
    /** H2: file corrupted while reading. */
    static final int FILE_CORRUPTED = 90030;
    /** H2: unique constraint violated. */
    static final String DUPLICATE_KEY_STATE = "23505";

    private SqlErrors() {
    }

    /** The error for a failure while opening or creating the project file. */
    static EngineException opening(Path file, SQLException e) {
        if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
            return new EngineException("The project " + file + " is open in another Persona Workbench window "
                    + "or process. Close it there, then try again.", e);
        }
        if (e.getErrorCode() == FILE_ENCRYPTION_ERROR) {
            return encrypted(file, e);
        }
        if (WRONG_USER_OR_PASSWORD_STATE.equals(e.getSQLState())) {
            return new EngineException("The file " + file + " is an H2 database but not a Persona Workbench "
                    + "project (it was made by another program). Choose a project file.", e);
        }
        if (e.getErrorCode() == FILE_CORRUPTED) {
            return new EngineException("The project file " + file + " is damaged and cannot be read. "
                    + "Open a backup copy if you have one.", e);
        }
        return new EngineException("Could not open the project " + file + ": " + firstLine(e)
                + ". Check that the file is a Persona Workbench project and that you may read and write it.", e);
    }

    static EngineException encrypted(Path file, Exception cause) {
        return new EngineException("The project " + file + " is encrypted: the password is wrong or missing.",
                cause);
    }

    /** The error for a failure while reading or writing an open project. */
    static EngineException using(Path file, String action, SQLException e) {
        return new EngineException("Could not " + action + " in the project " + file + ": " + firstLine(e)
                + ". If this keeps happening, close and reopen the project.", e);
    }

    static boolean isDuplicateKey(SQLException e) {
        return DUPLICATE_KEY_STATE.equals(e.getSQLState());
    }

    /** H2 messages end with "[code-version]" and may span lines; keep the first line. */
    static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
