package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every question and message the app puts to the analyst, including file choosers, behind one
 * interface: {@link FxDialogService} shows real dialogs, tests pass a fake that answers at once.
 * All methods are called on the UI thread.
 */
public interface DialogService {

    /** An error with a message for people and optional technical detail in an expandable section. */
    void showError(String title, String message, String detail);

    void showInformation(String title, String message);

    /** Shows a failure from background work: an engine message as is, anything else as unexpected. */
    default void showFailure(String title, Throwable failure) {
        if (failure instanceof CancelledException) {
            return;
        }
        if (failure instanceof EngineException e) {
            showError(title, e.getMessage(), e.detail());
        } else {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            showError(title, I18n.tr("error.unexpected", String.valueOf(failure.getMessage())), trace.toString());
        }
    }

    /** Where to create a new project; empty when the analyst cancelled. */
    Optional<Path> chooseNewProjectFile();

    /** A project file to open; empty when cancelled. */
    Optional<Path> chooseProjectToOpen();

    /** A CSV/TSV file (plain or .gz) to import; empty when cancelled. */
    Optional<Path> chooseFileToImport();

    /** Where to save rejected rows as CSV; empty when cancelled. */
    Optional<Path> chooseRejectsFile(String suggestedName);

    /** Asks a yes/no question (for example before deleting something); true for yes. */
    boolean confirm(String title, String message);

    /**
     * Where to write an export (a campaign CSV, a persona card, a deck, JSON); empty when cancelled.
     *
     * @param title         the chooser's title (already translated)
     * @param suggestedName the file name offered, for example {@code loyal-high-spenders.png}
     * @param extension     the file type without the dot ({@code png}, {@code pdf}, {@code json})
     */
    Optional<Path> chooseExportFile(String title, String suggestedName, String extension);

    /** A file of the given type ({@code json}) to read in; empty when cancelled. */
    Optional<Path> chooseFileToRead(String title, String extension);

    /**
     * Asks for an optional password for a new project, typed twice. Empty when cancelled; an empty
     * array when the analyst wants no password.
     */
    Optional<char[]> askNewProjectPassword(Path project);

    /** Asks for the password of an encrypted project; {@code wrongBefore} says the last one failed. */
    Optional<char[]> askPassword(Path project, boolean wrongBefore);

    /** Shows the rows that could not be read and asks to skip them (and keep the rest) or cancel. */
    BadRowPolicy.Decision askBadRows(List<BadRow> sample, long total);
}
