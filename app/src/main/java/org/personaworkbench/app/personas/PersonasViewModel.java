package org.personaworkbench.app.personas;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.StepWork;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.app.common.Work;
import org.personaworkbench.engine.personas.ActionableGoal;
import org.personaworkbench.engine.personas.ContentRow;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.StickyNote;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Personas step: the personas of a saved segmentation run as a gallery, the selected one's story, content
 * map, notes and tested traits, a comparison of the checked ones, and exports. Every edit is an undoable
 * command that changes the shown persona at once and queues its save (one save at a time, in edit order), so
 * the project always holds what the analyst sees. Loading and exports run in the background.
 */
public final class PersonasViewModel {

    /** Resolution of PNG card exports. */
    static final int PNG_DPI = 144;

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;
    private final SaveQueue saves;
    private final UndoHistory history = new UndoHistory();

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<SegmentationRunInfo> runs = FXCollections.observableArrayList();
    private final ObjectProperty<SegmentationRunInfo> selectedRun = new SimpleObjectProperty<>(this, "selectedRun");
    private final ObservableList<Persona> personas = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Persona> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableSet<Integer> checked = FXCollections.observableSet();
    private final ObservableList<TraitRow> traits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PersonaComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final StepWork work;
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Run before the project changes, while it is still open (the view commits fields typed in). */
    private final List<Runnable> beforeProjectChange = new ArrayList<>();
    /** The profiles of the shown run (for traits and comparison means), or null. */
    private SegmentProfiles profiles;
    /** The run whose personas are shown, or null. */
    private String shownRun;

    public PersonasViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                             ObservableValue<OpenProject> openProject) {
        this(engine, tasks, dialogs, openProject, Clock.systemUTC());
    }

    /** @param clock the time sticky notes are stamped with */
    public PersonasViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                             ObservableValue<OpenProject> openProject, Clock clock) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.work = new StepWork(tasks, dialogs, () -> message.set(tr("personas.cancelled")));
        this.clock = Objects.requireNonNull(clock);
        this.saves = new SaveQueue(engine, tasks, (persona, failure) ->
                dialogs.showFailure(tr("personas.error.save", persona.name()), failure));
        selectedRun.addListener((obs, old, now) -> {
            if (now != null && !now.name().equals(shownRun)) {
                load(now.name());
            }
        });
        checked.addListener((SetChangeListener<Integer>) c -> updateComparison());
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Saved segmentation runs, newest first. */
    public ObservableList<SegmentationRunInfo> runs() {
        return runs;
    }

    /** The run whose personas are shown; choosing another loads its personas. */
    public ObjectProperty<SegmentationRunInfo> selectedRunProperty() {
        return selectedRun;
    }

    /** The run's personas in segment order, as last edited. */
    public ObservableList<Persona> personas() {
        return personas;
    }

    /** The persona in the editor, or null. */
    public ReadOnlyObjectProperty<Persona> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Segment numbers of the personas checked for comparison. */
    public ObservableSet<Integer> checked() {
        return checked;
    }

    /** The selected persona's features against everyone else, largest |effect size| first. */
    public ObservableList<TraitRow> traits() {
        return traits;
    }

    /** The checked personas side by side, or null when fewer than two are checked. */
    public ReadOnlyObjectProperty<PersonaComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public UndoHistory history() {
        return history;
    }

    public ReadOnlyObjectProperty<SaveStatus> saveStatusProperty() {
        return saves.statusProperty();
    }

    /** True while personas load or an export runs (saves do not count: editing goes on while they run). */
    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** True once a run's personas are shown. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The work now running for this step (for its progress bar and Cancel), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return work.currentTaskProperty();
    }

    /** A note about the last command ("Exported …", "Cancelled …"), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while an edit's save is queued or running. */
    public boolean saving() {
        return saves.busy();
    }

    /**
     * Runs {@code action} whenever the project is about to be closed or replaced, while edits can still be saved
     * into it: the view commits the text the analyst typed but did not yet confirm.
     */
    public void beforeProjectChange(Runnable action) {
        beforeProjectChange.add(Objects.requireNonNull(action));
    }

    /**
     * Completes when every edit queued so far is saved. The shell waits for it before closing a project, so the
     * text committed as the project closes (and saves still queued) reach the file instead of failing.
     */
    public java.util.concurrent.CompletableFuture<Void> savesDone() {
        return saves.whenIdle();
    }

    // ---- loading ----

    /** Reads the saved runs again (when the step is shown: the Segments step may have saved one). */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        tasks.run(tr("personas.task.runs"), (progress, cancel) -> engine.runs(target),
                list -> {
                    if (project.get() != target) {
                        return;
                    }
                    SegmentationRunInfo previous = selectedRun.get();
                    runs.setAll(list);
                    SegmentationRunInfo again = previous == null ? null : list.stream()
                            .filter(r -> r.name().equals(previous.name())).findFirst().orElse(null);
                    selectedRun.set(again != null ? again : list.isEmpty() ? null : list.getFirst());
                },
                failure -> dialogs.showFailure(tr("personas.error.runs"), failure)).notCancellable();
    }

    /** Loads (drafting on first open) the run's personas and profiles. */
    public void load(String run) {
        Project target = project.get();
        if (target == null) {
            return;
        }
        run(tr("personas.task.load", run), (progress, cancel) -> {
            progress.report(0, 2, tr("personas.phase.personas"));
            List<Persona> list = engine.personas(target, run);
            cancel.throwIfCancelled();
            progress.report(1, 2, tr("personas.phase.profiles"));
            SegmentProfiles p = engine.runProfiles(target, run);
            cancel.throwIfCancelled();
            progress.report(2, 2, null);
            return new Loaded(run, list, p);
        }, done -> {
            if (project.get() != target) {
                return;
            }
            show(done);
        }, tr("personas.error.load", run));
    }

    private void show(Loaded done) {
        Integer previous = selected.get() != null && done.run().equals(shownRun) ? selected.get().segment() : null;
        shownRun = done.run();
        profiles = done.profiles();
        history.clear();
        checked.clear();
        personas.setAll(done.personas());
        loaded.set(true);
        Persona first = previous == null ? null : find(previous);
        select(first != null ? first.segment() : personas.isEmpty() ? -1 : personas.getFirst().segment());
    }

    // ---- selection ----

    /** Shows this segment's persona in the editor (no persona: clears it). */
    public void select(int segment) {
        Persona p = find(segment);
        selected.set(p);
        traits.setAll(p == null ? List.of() : TraitRow.forSegment(profiles, segment));
    }

    /** Moves the selection to the next persona (workshop mode's right arrow), wrapping at the end. */
    public void selectNext() {
        step(1);
    }

    /** Moves the selection to the previous persona, wrapping at the start. */
    public void selectPrevious() {
        step(-1);
    }

    private void step(int by) {
        if (personas.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : indexOf(selected.get().segment());
        int next = Math.floorMod(at + by, personas.size());
        select(personas.get(next).segment());
    }

    /** Checks or unchecks a persona for comparison. */
    public void setChecked(int segment, boolean on) {
        if (on) {
            checked.add(segment);
        } else {
            checked.remove(segment);
        }
    }

    // ---- undoable edits: each applies at once and queues a save ----

    public void rename(int segment, String name) {
        String value = name.strip();
        if (value.isEmpty()) {
            dialogs.showError(tr("personas.error.edit"), tr("personas.error.emptyName"), null);
            return;
        }
        editText(segment, value, Persona::name, Persona::withName, key("personas.edit.name"));
    }

    public void editSummary(int segment, String value) {
        editText(segment, value, Persona::summary, Persona::withSummary, key("personas.edit.summary"));
    }

    public void editDescription(int segment, String value) {
        editText(segment, value, Persona::description, Persona::withDescription, key("personas.edit.description"));
    }

    public void editGoals(int segment, String value) {
        editText(segment, value, Persona::goals, Persona::withGoals, key("personas.edit.goals"));
    }

    public void editPainPoints(int segment, String value) {
        editText(segment, value, Persona::painPoints, Persona::withPainPoints, key("personas.edit.painPoints"));
    }

    public void editChannels(int segment, String value) {
        editText(segment, value, Persona::channels, Persona::withChannels, key("personas.edit.channels"));
    }

    public void editQuote(int segment, String value) {
        editText(segment, value, Persona::quote, Persona::withQuote, key("personas.edit.quote"));
    }

    public void changeGoal(int segment, ActionableGoal goal) {
        Persona p = find(segment);
        if (p == null || goal == null || p.goal() == goal) {
            return;
        }
        ActionableGoal old = p.goal();
        edit(segment, tr("personas.edit.goal", p.name(), GoalText.label(goal)),
                x -> x.withGoal(goal), x -> x.withGoal(old));
    }

    /** @param color the new card colour as #rrggbb */
    public void changeColor(int segment, String color) {
        Persona p = find(segment);
        if (p == null || color == null) {
            return;
        }
        String value = color.toLowerCase(Locale.ROOT);
        if (value.equalsIgnoreCase(p.color())) {
            return;
        }
        String old = p.color();
        edit(segment, tr("personas.edit.color", p.name()), x -> x.withColor(value), x -> x.withColor(old));
    }

    /** Replaces one content-map row (an edit in place). */
    public void editContentRow(int segment, int index, ContentRow row) {
        Persona p = find(segment);
        if (p == null || index < 0 || index >= p.contentMap().size() || p.contentMap().get(index).equals(row)) {
            return;
        }
        List<ContentRow> now = new ArrayList<>(p.contentMap());
        now.set(index, row);
        editContentMap(p, now, tr("personas.edit.contentRow", p.name()));
    }

    /** Adds an empty content-map row at the end. */
    public void addContentRow(int segment) {
        Persona p = find(segment);
        if (p == null) {
            return;
        }
        List<ContentRow> now = new ArrayList<>(p.contentMap());
        now.add(new ContentRow("", "", ""));
        editContentMap(p, now, tr("personas.edit.addContentRow", p.name()));
    }

    public void removeContentRow(int segment, int index) {
        Persona p = find(segment);
        if (p == null || index < 0 || index >= p.contentMap().size()) {
            return;
        }
        List<ContentRow> now = new ArrayList<>(p.contentMap());
        now.remove(index);
        editContentMap(p, now, tr("personas.edit.removeContentRow", p.name()));
    }

    /** Adds a sticky note (blank text is ignored). */
    public void addNote(int segment, String text) {
        Persona p = find(segment);
        if (p == null || text == null || text.isBlank()) {
            return;
        }
        StickyNote note = new StickyNote(text.strip(), clock.instant());
        edit(segment, tr("personas.edit.addNote", shorten(note.text())),
                x -> x.withNotes(withAdded(x.notes(), note)), x -> x.withNotes(without(x.notes(), note)));
    }

    public void removeNote(int segment, int index) {
        Persona p = find(segment);
        if (p == null || index < 0 || index >= p.notes().size()) {
            return;
        }
        StickyNote note = p.notes().get(index);
        edit(segment, tr("personas.edit.removeNote", shorten(note.text())),
                x -> x.withNotes(without(x.notes(), note)),
                x -> x.withNotes(insertedAt(x.notes(), note, index)));
    }

    public void undo() {
        history.undo();
    }

    public void redo() {
        history.redo();
    }

    private void editText(int segment, String value, Function<Persona, String> get,
                          java.util.function.BiFunction<Persona, String, Persona> set, String descriptionKey) {
        Persona p = find(segment);
        if (p == null || value == null || get.apply(p).equals(value)) {
            return;
        }
        String old = get.apply(p);
        String name = descriptionKey.equals(key("personas.edit.name")) ? value : p.name();
        edit(segment, tr(descriptionKey, name), x -> set.apply(x, value), x -> set.apply(x, old));
    }

    private void editContentMap(Persona p, List<ContentRow> now, String description) {
        List<ContentRow> old = p.contentMap();
        List<ContentRow> value = List.copyOf(now);
        edit(p.segment(), description, x -> x.withContentMap(value), x -> x.withContentMap(old));
    }

    private void edit(int segment, String description, UnaryOperator<Persona> forward, UnaryOperator<Persona> backward) {
        history.execute(new PersonaEdit(this::apply, segment, description, forward, backward));
    }

    /** Applies a change to the shown persona of a segment and queues its save. */
    private void apply(int segment, UnaryOperator<Persona> change) {
        int at = indexOf(segment);
        Project target = project.get();
        if (at < 0 || target == null) {
            return;
        }
        Persona now = change.apply(personas.get(at));
        personas.set(at, now);
        if (selected.get() != null && selected.get().segment() == segment) {
            selected.set(now);
        }
        updateComparison();
        saves.save(target, now);
    }

    // ---- exports ----

    /** Writes the selected persona's card as a PNG image. */
    public void exportCardPng() {
        Persona p = selected.get();
        if (p == null) {
            return;
        }
        dialogs.chooseExportFile(tr("personas.export.cardPng"), fileName(p.name()) + ".png", "png")
                .ifPresent(file -> export(file, () -> engine.exportPersonaCardPng(p, file, PNG_DPI)));
    }

    /** Writes the selected persona's card as a one-page PDF. */
    public void exportCardPdf() {
        Persona p = selected.get();
        if (p == null) {
            return;
        }
        dialogs.chooseExportFile(tr("personas.export.cardPdf"), fileName(p.name()) + ".pdf", "pdf")
                .ifPresent(file -> export(file, () -> engine.exportPersonaCardPdf(p, file)));
    }

    /** Writes all personas of the run as one PDF deck. */
    public void exportDeck() {
        if (personas.isEmpty() || shownRun == null) {
            return;
        }
        List<Persona> all = List.copyOf(personas);
        String title = tr("personas.deck.title", shownRun);
        dialogs.chooseExportFile(tr("personas.export.deck"), fileName(shownRun) + "-personas.pdf", "pdf")
                .ifPresent(file -> export(file, () -> engine.exportPersonaDeck(title, all, file)));
    }

    /** Writes all personas of the run as JSON. */
    public void exportJson() {
        if (personas.isEmpty() || shownRun == null) {
            return;
        }
        List<Persona> all = List.copyOf(personas);
        dialogs.chooseExportFile(tr("personas.export.json"), fileName(shownRun) + "-personas.json", "json")
                .ifPresent(file -> export(file, () -> engine.exportPersonasJson(all, file)));
    }

    /** Reads personas JSON into the shown run (text fields replaced, figures from this project) and shows them. */
    public void importJson() {
        Project target = project.get();
        String run = shownRun;
        if (target == null || run == null) {
            return;
        }
        if (saves.busy()) {
            dialogs.showInformation(tr("personas.import.title"), tr("personas.import.waitForSaves"));
            return;
        }
        dialogs.chooseFileToRead(tr("personas.import.title"), "json").ifPresent(file -> run(
                tr("personas.task.import", file.getFileName()),
                (progress, cancel) -> new Loaded(run, engine.importPersonasJson(target, run, file),
                        engine.runProfiles(target, run)),
                done -> {
                    if (project.get() == target && run.equals(shownRun)) {
                        show(done);
                        message.set(tr("personas.imported", done.personas().size(), file.getFileName()));
                    }
                }, tr("personas.error.import")));
    }

    private void export(Path file, Runnable write) {
        run(tr("personas.task.export", file.getFileName()), (progress, cancel) -> {
            write.run();
            return file;
        }, done -> message.set(tr("personas.exported", done)), tr("personas.error.export"));
    }

    /** A file name from a persona or run name: letters, digits and dashes ("Loyal high spenders" → loyal-high-spenders). */
    static String fileName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "persona" : s;
    }

    // ---- helpers ----

    private Persona find(int segment) {
        int at = indexOf(segment);
        return at < 0 ? null : personas.get(at);
    }

    private int indexOf(int segment) {
        for (int i = 0; i < personas.size(); i++) {
            if (personas.get(i).segment() == segment) {
                return i;
            }
        }
        return -1;
    }

    private void updateComparison() {
        List<Persona> chosen = personas.stream().filter(p -> checked.contains(p.segment())).toList();
        comparison.set(chosen.size() < 2 ? null : PersonaComparison.of(chosen, profiles));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static List<StickyNote> withAdded(List<StickyNote> notes, StickyNote note) {
        List<StickyNote> out = new ArrayList<>(notes);
        out.add(note);
        return out;
    }

    private static List<StickyNote> without(List<StickyNote> notes, StickyNote note) {
        List<StickyNote> out = new ArrayList<>(notes);
        out.remove(note);
        return out;
    }

    private static List<StickyNote> insertedAt(List<StickyNote> notes, StickyNote note, int index) {
        List<StickyNote> out = new ArrayList<>(notes);
        out.add(Math.min(index, out.size()), note);
        return out;
    }

    private <T> void run(String title, Work<T> task, Consumer<T> onSuccess, String errorTitle) {
        message.set("");
        work.run(title, task, onSuccess, errorTitle);
    }


    private void projectChanged(OpenProject now) {
        if (project.get() != null) {
            beforeProjectChange.forEach(Runnable::run);
        }
        work.abandon();
        history.clear();
        shownRun = null;
        profiles = null;
        loaded.set(false);
        checked.clear();
        selected.set(null);
        traits.clear();
        personas.clear();
        comparison.set(null);
        runs.clear();
        selectedRun.set(null);
        message.set("");
        project.set(now == null ? null : now.project());
        refresh();
    }

    private record Loaded(String run, List<Persona> personas, SegmentProfiles profiles) {
    }
}
