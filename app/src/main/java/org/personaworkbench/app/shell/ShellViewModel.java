package org.personaworkbench.app.shell;

import org.personaworkbench.app.common.OpenProject;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.samples.SampleProjects;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The main window's state and commands: the open project, the selected workflow step, recent projects,
 * and new/open/close. Opening, creating and closing run in the background; the engine's answers decide
 * whether to ask for a password.
 */
public final class ShellViewModel {

    private static final Logger LOG = Logger.getLogger(ShellViewModel.class.getName());

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final AppPreferences preferences;

    private final ReadOnlyObjectWrapper<OpenProject> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObjectProperty<Step> selectedStep = new SimpleObjectProperty<>(this, "selectedStep");
    private final ObservableList<RecentProject> recentProjects = FXCollections.observableArrayList();
    private final List<java.util.function.Supplier<CompletableFuture<?>>> closeBarriers = new java.util.ArrayList<>();
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", tr("status.ready"));
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private final javafx.beans.property.LongProperty defaultSeed =
            new javafx.beans.property.SimpleLongProperty(this, "defaultSeed");
    private final ObjectProperty<NumberLocale> numberLocale = new SimpleObjectProperty<>(this, "numberLocale");
    private final GuidedTourViewModel tour;
    /** The sample whose opening starts the guided tour; null otherwise. */
    private Path tourAfterOpening;
    private final BooleanBinding busy;
    private final StringBinding windowTitle;
    private final Path samplesFolder;
    private final ObservableList<SampleEntry> samples = FXCollections.observableArrayList();

    /** A sample project on the welcome screen: what it is, the file it is built into, and whether it is built. */
    public record SampleEntry(SampleProjects.Sample sample, Path file, boolean built) {
    }

    public ShellViewModel(Engine engine, TaskRunner tasks, DialogService dialogs, AppPreferences preferences) {
        this(engine, tasks, dialogs, preferences, DataFolder.samples());
    }

    /** With the folder built sample projects go to (the user's data folder in the app; a temp folder in tests). */
    public ShellViewModel(Engine engine, TaskRunner tasks, DialogService dialogs, AppPreferences preferences,
                          Path samplesFolder) {
        this.samplesFolder = Objects.requireNonNull(samplesFolder);
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.preferences = Objects.requireNonNull(preferences);
        busy = Bindings.isNotEmpty(tasks.running());
        windowTitle = Bindings.createStringBinding(() -> project.get() == null
                ? tr("app.title")
                : tr("app.titleWithProject", Formats.projectName(project.get().project().file())), project);
        project.addListener((obs, old, now) -> selectedStep.set(now == null ? null : Step.DATA));
        darkTheme.set(preferences.darkTheme());
        darkTheme.addListener((obs, old, now) -> preferences.setDarkTheme(now));
        defaultSeed.set(preferences.defaultSeed());
        defaultSeed.addListener((obs, old, now) -> preferences.setDefaultSeed(now.longValue()));
        numberLocale.set(preferences.numberLocale());
        numberLocale.addListener((obs, old, now) -> preferences.setNumberLocale(now == null ? NumberLocale.SYSTEM : now));
        tour = new GuidedTourViewModel(preferences, selectedStep);
        project.addListener((obs, old, now) -> {
            if (now == null) {
                tour.stop();
            }
        });
        recentProjects.setAll(preferences.recentProjects().stream().map(p -> new RecentProject(p, true)).toList());
        refreshSamples();
    }

    /** The sample projects the welcome screen offers, with whether each is already built. */
    public ObservableList<SampleEntry> samples() {
        return samples;
    }

    private void refreshSamples() {
        samples.setAll(engine.samples().stream().map(s -> {
            Path file = samplesFolder.resolve(s.name() + ".mv.db");
            return new SampleEntry(s, file, Files.isRegularFile(file));
        }).toList());
    }

    /**
     * Opens a sample project, building it first (in the background, cancellable) into the data folder when it
     * is not built yet.
     */
    public void openSample(SampleEntry entry) {
        tourAfterOpening = entry.file();
        if (Files.isRegularFile(entry.file())) {
            open(entry.file());
        } else {
            buildSample(entry, false);
        }
    }

    /** Builds a sample again from its recipe, replacing the earlier build after asking, and opens it. */
    public void rebuildSample(SampleEntry entry) {
        OpenProject current = project.get();
        if (current != null && sameFile(current.project().file(), entry.file())) {
            statusMessage.set(tr("status.sampleIsOpen", entry.sample().title()));
            return;
        }
        if (Files.exists(entry.file()) && !dialogs.confirm(tr("sample.rebuild.title"),
                tr("sample.rebuild.message", entry.sample().title(), entry.file()))) {
            return;
        }
        tourAfterOpening = entry.file();
        buildSample(entry, true);
    }

    private void buildSample(SampleEntry entry, boolean replace) {
        statusMessage.set("");
        tasks.run(tr("task.buildSample", entry.sample().title()),
                (progress, cancel) -> {
                    if (replace) {
                        SampleProjects.deleteProjectFiles(entry.file());
                    }
                    Path built = engine.buildSample(entry.sample().name(), entry.file(), progress, cancel);
                    return load(engine.openProject(built, ProjectOptions.plain()));
                },
                opened -> {
                    refreshSamples();
                    opened(opened);
                },
                failure -> {
                    refreshSamples();
                    if (failure instanceof CancelledException) {
                        statusMessage.set(tr("status.sampleCancelled", entry.sample().title()));
                        return;
                    }
                    dialogs.showFailure(tr("error.buildSample", entry.sample().title()), failure);
                });
    }

    public ReadOnlyObjectProperty<OpenProject> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public OpenProject project() {
        return project.get();
    }

    public ObjectProperty<Step> selectedStepProperty() {
        return selectedStep;
    }

    public ObservableList<RecentProject> recentProjects() {
        return recentProjects;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** The seed new segmentations, recommendation evaluations and export holdouts start with; remembered. */
    public javafx.beans.property.LongProperty defaultSeedProperty() {
        return defaultSeed;
    }

    /** How numbers in tables are formatted; remembered. */
    public ObjectProperty<NumberLocale> numberLocaleProperty() {
        return numberLocale;
    }

    /** What the About dialog shows. */
    public AboutViewModel about() {
        return new AboutViewModel(engine);
    }

    /** The guided tour through the steps, started when a sample project opens. */
    public GuidedTourViewModel tour() {
        return tour;
    }

    /** The dark Primer theme instead of the light one; remembered between runs. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** Checks in the background which recent project files still exist. */
    public void refreshRecent() {
        List<Path> files = preferences.recentProjects();
        tasks.run(tr("task.checkRecent"),
                (progress, cancel) -> files.stream().map(f -> new RecentProject(f, Files.isRegularFile(f))).toList(),
                recentProjects::setAll,
                failure -> LOG.log(Level.FINE, "Could not check recent projects", failure)).notCancellable();
    }

    /** Asks where to create a project and for an optional password, then creates it in the background. */
    public void newProject() {
        dialogs.chooseNewProjectFile().ifPresent(file -> dialogs.askNewProjectPassword(file).ifPresent(password -> {
            ProjectOptions options = password.length == 0 ? ProjectOptions.plain() : ProjectOptions.withPassword(password);
            statusMessage.set("");
            tasks.run(tr("task.createProject", Formats.projectName(file)),
                    (progress, cancel) -> load(engine.createProject(file, options)),
                    opened -> {
                        clear(password);
                        opened(opened);
                    },
                    failure -> {
                        clear(password);
                        dialogs.showFailure(tr("error.createProject"), failure);
                    }).notCancellable();
        }));
    }

    /** Asks for a project file and opens it. */
    public void openProject() {
        dialogs.chooseProjectToOpen().ifPresent(this::open);
    }

    /** Opens a project file, asking for its password when the engine says it is encrypted. */
    public void open(Path file) {
        OpenProject current = project.get();
        if (current != null && sameFile(current.project().file(), file)) {
            tourAfterOpening = null;
            selectedStep.set(Step.DATA);
            return;
        }
        open(file, null);
    }

    private void open(Path file, char[] password) {
        ProjectOptions options = password == null ? ProjectOptions.plain() : ProjectOptions.withPassword(password);
        statusMessage.set("");
        tasks.run(tr("task.openProject", Formats.projectName(file)),
                (progress, cancel) -> {
                    try {
                        Project opened = engine.openProject(file, options);
                        if (cancel.isCancelled()) {
                            // opening cannot stop halfway: release the file again and stay where we were
                            opened.close();
                            throw new CancelledException();
                        }
                        return OpenOutcome.opened(load(opened));
                    } catch (EngineException e) {
                        if (engine.isEncrypted(file)) {
                            return OpenOutcome.passwordNeeded(e);
                        }
                        throw e;
                    }
                },
                outcome -> {
                    boolean hadPassword = password != null;
                    clear(password);
                    if (outcome.opened() != null) {
                        opened(outcome.opened());
                    } else {
                        dialogs.askPassword(file, hadPassword).ifPresent(next -> open(file, next));
                    }
                },
                failure -> {
                    clear(password);
                    if (failure instanceof CancelledException) {
                        statusMessage.set(tr("status.openCancelled"));
                        return;
                    }
                    dialogs.showFailure(tr("error.openProject"), failure);
                    refreshRecent();
                });
    }

    /** Forgets a recent project (the file itself is left alone). */
    public void removeRecent(Path file) {
        preferences.removeRecent(file);
        recentProjects.removeIf(r -> r.file().equals(file));
    }

    /**
     * Work a project must wait for before it is closed (for example persona edits still being saved): asked
     * for a future when a project closes, after the views have reacted to the change.
     */
    public void holdCloseUntil(java.util.function.Supplier<CompletableFuture<?>> barrier) {
        closeBarriers.add(java.util.Objects.requireNonNull(barrier));
    }

    private CompletableFuture<Void> closeBarrier() {
        return CompletableFuture.allOf(closeBarriers.stream().map(java.util.function.Supplier::get)
                .toArray(CompletableFuture[]::new));
    }

    private static void await(CompletableFuture<Void> barrier, long seconds) {
        try {
            barrier.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(Level.WARNING, "Closing the project without waiting longer for pending work", e);
        }
    }

    /** Closes the open project (in the background) and returns to the welcome screen. */
    public void closeProject() {
        OpenProject old = project.get();
        if (old == null) {
            return;
        }
        project.set(null);
        closeInBackground(old.project());
        statusMessage.set(tr("status.ready"));
        refreshRecent();
    }

    /**
     * Called when the app exits: closes the project on a plain thread (never on the FX thread) and returns
     * a future that completes when the file is released, so the launcher can wait before the JVM exits.
     */
    public CompletableFuture<Void> shutdown() {
        // ask running work to stop first: the engine then rolls back what it had started
        List.copyOf(tasks.running()).forEach(BackgroundTask::cancel);
        OpenProject old = project.get();
        if (old == null) {
            return CompletableFuture.completedFuture(null);
        }
        project.set(null);
        CompletableFuture<Void> barrier = closeBarrier();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                // the FX thread may stop serving callbacks at exit: wait only briefly for pending saves
                await(barrier, 5);
                old.project().close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not close project", e);
            } finally {
                closed.complete(null);
            }
        }, "pwb-close-project");
        closer.start();
        return closed;
    }

    private void opened(OpenProject opened) {
        OpenProject old = project.get();
        preferences.addRecent(opened.project().file());
        List<Path> files = preferences.recentProjects();
        recentProjects.setAll(files.stream().map(f -> new RecentProject(f, true)).toList());
        project.set(opened);
        if (old != null) {
            closeInBackground(old.project());
        }
        Path file = opened.project().file();
        Path tourFile = tourAfterOpening;
        tourAfterOpening = null;
        if (tourFile != null && sameFile(file, tourFile)) {
            tour.startIfNotDismissed();
        }
        statusMessage.set(opened.project().encrypted()
                ? tr("status.projectOpenedEncrypted", file) : tr("status.projectOpened", file));
    }

    private void closeInBackground(Project old) {
        CompletableFuture<Void> barrier = closeBarrier();
        tasks.run(tr("task.closeProject", Formats.projectName(old.file())),
                (progress, cancel) -> {
                    await(barrier, 60);
                    old.close();
                    return Boolean.TRUE;
                },
                done -> { },
                failure -> LOG.log(Level.WARNING, "Could not close project", failure)).notCancellable();
    }

    /** Reads what the views need from a freshly opened project; closes it again when that fails. */
    private static OpenProject load(Project opened) {
        try {
            List<DatasetInfo> datasets = opened.datasets();
            return new OpenProject(opened, datasets);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(
                org.personaworkbench.engine.project.ProjectService.normalize(b).toAbsolutePath().normalize());
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private record OpenOutcome(OpenProject opened, EngineException failure) {
        static OpenOutcome opened(OpenProject p) {
            return new OpenOutcome(p, null);
        }

        static OpenOutcome passwordNeeded(EngineException e) {
            return new OpenOutcome(null, e);
        }
    }
}
