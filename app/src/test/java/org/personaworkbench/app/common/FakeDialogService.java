package org.personaworkbench.app.common;

import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service that answers from queued replies and records what it was asked. */
public final class FakeDialogService implements DialogService {

    public record Shown(String title, String message, String detail) {
    }

    public final List<Shown> errors = new ArrayList<>();
    public final List<Shown> informations = new ArrayList<>();
    public final List<Long> badRowQuestions = new ArrayList<>();
    public final List<Boolean> passwordQuestions = new ArrayList<>();

    public Path newProjectFile;
    public Path projectToOpen;
    public Path fileToImport;
    public Path rejectsFile;
    public Path exportFile;
    /** The suggested names every export chooser was asked with. */
    public final List<String> exportQuestions = new ArrayList<>();
    public Path fileToRead;
    public boolean confirmAnswer = true;
    public final List<Shown> confirmations = new ArrayList<>();
    public char[] newProjectPassword = new char[0];
    public final Deque<char[]> passwords = new ArrayDeque<>();
    public BadRowPolicy.Decision badRowDecision = BadRowPolicy.Decision.SKIP;
    public volatile Thread badRowThread;

    @Override
    public void showError(String title, String message, String detail) {
        errors.add(new Shown(title, message, detail));
    }

    @Override
    public void showInformation(String title, String message) {
        informations.add(new Shown(title, message, null));
    }

    @Override
    public Optional<Path> chooseNewProjectFile() {
        return Optional.ofNullable(newProjectFile);
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        return Optional.ofNullable(projectToOpen);
    }

    @Override
    public Optional<Path> chooseFileToImport() {
        return Optional.ofNullable(fileToImport);
    }

    @Override
    public Optional<Path> chooseRejectsFile(String suggestedName) {
        return Optional.ofNullable(rejectsFile);
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
        exportQuestions.add(suggestedName);
        return Optional.ofNullable(exportFile);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(new Shown(title, message, null));
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFileToRead(String title, String extension) {
        return Optional.ofNullable(fileToRead);
    }

    @Override
    public Optional<char[]> askNewProjectPassword(Path project) {
        return Optional.ofNullable(newProjectPassword == null ? null : newProjectPassword.clone());
    }

    @Override
    public Optional<char[]> askPassword(Path project, boolean wrongBefore) {
        passwordQuestions.add(wrongBefore);
        char[] next = passwords.poll();
        return Optional.ofNullable(next == null ? null : next.clone());
    }

    @Override
    public BadRowPolicy.Decision askBadRows(List<BadRow> sample, long total) {
        badRowThread = Thread.currentThread();
        badRowQuestions.add(total);
        return badRowDecision;
    }
}
