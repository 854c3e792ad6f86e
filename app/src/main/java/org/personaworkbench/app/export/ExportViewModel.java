package org.personaworkbench.app.export;

import org.personaworkbench.app.common.CheckedColumn;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.export.ExportOptions;
import org.personaworkbench.engine.export.ExportResult;
import org.personaworkbench.engine.export.ExportSource;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Export step: what to export (a saved run, one persona of it, or a saved rule segment), which feature
 * columns, id hashing with a salt, a seeded holdout flag, a BOM for Excel and the persona column; then the
 * file, written in the background with progress and Cancel (a cancel leaves no file), and a preview of what
 * was written.
 */
public final class ExportViewModel {

    /** Lines of the written file shown as a preview (the header and nine rows). */
    static final int PREVIEW_LINES = 10;

    /** What is exported. */
    public enum SourceKind { RUN, PERSONA, RULE }

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObjectProperty<SourceKind> kind = new SimpleObjectProperty<>(this, "kind", SourceKind.RUN);
    private final ObservableList<String> runs = FXCollections.observableArrayList();
    private final ObjectProperty<String> run = new SimpleObjectProperty<>(this, "run");
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObjectProperty<String> rule = new SimpleObjectProperty<>(this, "rule");
    private final ObservableList<PersonaChoice> personas = FXCollections.observableArrayList();
    private final ObjectProperty<PersonaChoice> persona = new SimpleObjectProperty<>(this, "persona");
    private final ReadOnlyBooleanWrapper personasAvailable = new ReadOnlyBooleanWrapper(this, "personasAvailable");
    private final ReadOnlyStringWrapper personaNote = new ReadOnlyStringWrapper(this, "personaNote", "");

    private final ReadOnlyStringWrapper featureSet = new ReadOnlyStringWrapper(this, "featureSet", "");
    private final ObservableList<CheckedColumn> columns = FXCollections.observableArrayList();
    private final BooleanProperty hashIds = new SimpleBooleanProperty(this, "hashIds");
    private final StringProperty salt = new SimpleStringProperty(this, "salt", "");
    private final BooleanProperty holdout = new SimpleBooleanProperty(this, "holdout");
    private final ObjectProperty<Double> holdoutShare = new SimpleObjectProperty<>(this, "holdoutShare", 0.1);
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed", 42L);
    private final BooleanProperty excelBom = new SimpleBooleanProperty(this, "excelBom");
    private final BooleanProperty personaColumn = new SimpleBooleanProperty(this, "personaColumn", true);

    private final ReadOnlyObjectWrapper<BackgroundTask> currentTask = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<ExportSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private Map<String, String> featureSetByRun = Map.of();
    /** Set while lists are being replaced, so the source is read once afterwards instead of per change. */
    private boolean quiet;

    public ExportViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                           ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        kind.addListener((obs, old, now) -> sourceChanged());
        run.addListener((obs, old, now) -> sourceChanged());
        rule.addListener((obs, old, now) -> sourceChanged());
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ObjectProperty<SourceKind> kindProperty() {
        return kind;
    }

    /** Saved runs, newest first. */
    public ObservableList<String> runs() {
        return runs;
    }

    /** The run exported (or whose persona is exported). */
    public ObjectProperty<String> runProperty() {
        return run;
    }

    public ObservableList<String> rules() {
        return rules;
    }

    public ObjectProperty<String> ruleProperty() {
        return rule;
    }

    /** The chosen run's personas (empty until personas exist). */
    public ObservableList<PersonaChoice> personas() {
        return personas;
    }

    public ObjectProperty<PersonaChoice> personaProperty() {
        return persona;
    }

    /** False while the chosen run has no personas: the persona source is then disabled with a note. */
    public ReadOnlyBooleanProperty personasAvailableProperty() {
        return personasAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personaNoteProperty() {
        return personaNote.getReadOnlyProperty();
    }

    /** The feature set the columns come from (empty when the source has none). */
    public ReadOnlyStringProperty featureSetProperty() {
        return featureSet.getReadOnlyProperty();
    }

    public ObservableList<CheckedColumn> columns() {
        return columns;
    }

    public BooleanProperty hashIdsProperty() {
        return hashIds;
    }

    public StringProperty saltProperty() {
        return salt;
    }

    public BooleanProperty holdoutProperty() {
        return holdout;
    }

    /** Share of rows flagged as holdout, 0..1. */
    public ObjectProperty<Double> holdoutShareProperty() {
        return holdoutShare;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    public BooleanProperty excelBomProperty() {
        return excelBom;
    }

    public BooleanProperty personaColumnProperty() {
        return personaColumn;
    }

    /** The export running now (its progress and Cancel), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last export's result and preview, or null. */
    public ReadOnlyObjectProperty<ExportSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public List<String> selectedColumns() {
        return columns.stream().filter(CheckedColumn::isSelected).map(CheckedColumn::name).toList();
    }

    // ---- commands ----

    /** Reads the saved runs and rule segments again (the chosen run's personas follow). */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        tasks.run(tr("export.task.load"), (progress, cancel) -> {
            List<SegmentationRunInfo> infos = engine.runs(target);
            List<String> ruleNames = engine.savedRules(target).stream().map(SavedRule::name).toList();
            return new Lists(infos, ruleNames);
        }, lists -> {
            if (project.get() != target) {
                return;
            }
            Map<String, String> sets = new java.util.HashMap<>();
            lists.runs().forEach(r -> sets.put(r.name(), r.featureSet()));
            featureSetByRun = sets;
            quiet = true;
            String keptRun = run.get();
            String keptRule = rule.get();
            runs.setAll(lists.runs().stream().map(SegmentationRunInfo::name).toList());
            rules.setAll(lists.rules());
            run.set(keptRun != null && runs.contains(keptRun) ? keptRun : runs.isEmpty() ? null : runs.getFirst());
            rule.set(keptRule != null && rules.contains(keptRule) ? keptRule
                    : rules.isEmpty() ? null : rules.getFirst());
            quiet = false;
            sourceChanged();
        }, failure -> dialogs.showFailure(tr("export.error.load"), failure)).notCancellable();
    }

    /** Asks where to write, then writes the CSV in the background. */
    public void export() {
        Project target = project.get();
        if (target == null || running.get()) {
            return;
        }
        String problem = problem();
        if (problem != null) {
            dialogs.showError(tr("export.error.title"), problem, null);
            return;
        }
        ExportOptions options;
        Path file = dialogs.chooseExportFile(tr("chooser.export"), suggestedName(), "csv").orElse(null);
        if (file == null) {
            return;
        }
        try {
            options = ExportOptions.to(file).withColumns(selectedColumns())
                    .withHashSalt(hashIds.get() ? salt.get() : null)
                    .withExcelBom(excelBom.get())
                    .withPersonaColumn(personaColumn.get());
            if (holdout.get()) {
                options = options.withHoldout(holdoutShare.get(), seed.get());
            }
        } catch (IllegalArgumentException e) {
            dialogs.showError(tr("export.error.title"), e.getMessage(), null);
            return;
        }
        ExportOptions chosen = options;
        SourceKind what = kind.get();
        String runName = run.get();
        String ruleName = rule.get();
        PersonaChoice who = persona.get();
        running.set(true);
        message.set("");
        summary.set(null);
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(tr("export.task.write"), (progress, cancel) -> {
            ExportSource source = switch (what) {
                case RUN -> engine.runExportSource(target, runName);
                case PERSONA -> engine.personaExportSource(target, runName, who.segment());
                case RULE -> engine.ruleExportSource(target, ruleName, cancel);
            };
            cancel.throwIfCancelled();
            ExportResult result = engine.export(target, source, chosen, progress, cancel);
            return new ExportSummary(result, preview(result.file()));
        }, done -> {
            finished(self[0]);
            summary.set(done);
            message.set(tr("export.done", Formats.count(done.result().rows()), done.result().file()));
        }, failure -> {
            finished(self[0]);
            if (failure instanceof CancelledException) {
                message.set(tr("export.cancelled"));
            } else {
                dialogs.showFailure(tr("export.error.title"), failure);
            }
        });
        if (running.get()) {
            currentTask.set(self[0]);
        }
    }

    /** Stops the running export; nothing is written. */
    public void cancel() {
        BackgroundTask task = currentTask.get();
        if (task != null) {
            task.cancel();
        }
    }

    /** Why the export cannot start, or null. */
    String problem() {
        return switch (kind.get()) {
            case RUN -> run.get() == null ? tr("export.error.noRun") : common();
            case PERSONA -> run.get() == null ? tr("export.error.noRun")
                    : !personasAvailable.get() ? tr("export.persona.none", run.get())
                    : persona.get() == null ? tr("export.error.noPersona") : common();
            case RULE -> rule.get() == null ? tr("export.error.noRule") : common();
        };
    }

    private String common() {
        if (hashIds.get() && (salt.get() == null || salt.get().isEmpty())) {
            return tr("export.error.salt");
        }
        Double share = holdoutShare.get();
        if (holdout.get() && (share == null || !(share > 0 && share < 1))) {
            return tr("export.error.holdout");
        }
        if (holdout.get() && seed.get() == null) {
            return tr("export.error.seed");
        }
        return null;
    }

    String suggestedName() {
        String base = switch (kind.get()) {
            case RUN -> run.get();
            case PERSONA -> persona.get() == null ? run.get() : persona.get().name();
            case RULE -> rule.get();
        };
        String safe = base == null ? "export" : base.replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
        return safe + ".csv";
    }

    // ---- internals ----

    private void sourceChanged() {
        Project target = project.get();
        SourceKind what = kind.get();
        String runName = run.get();
        String ruleName = rule.get();
        if (target == null || quiet) {
            return;
        }
        loadPersonas(target, runName);
        tasks.run(tr("export.task.columns"), (progress, cancel) -> {
            String set = switch (what) {
                case RUN, PERSONA -> runName == null ? null : featureSetByRun.get(runName);
                case RULE -> ruleName == null ? null : engine.ruleExportSource(target, ruleName, cancel).featureSet();
            };
            return new Columns(set == null ? "" : set, set == null ? List.of() : columnNames(target, set));
        }, cols -> {
            if (project.get() != target || kind.get() != what) {
                return;
            }
            List<String> ticked = selectedColumns();
            featureSet.set(cols.featureSet());
            List<CheckedColumn> checks = new ArrayList<>();
            cols.names().forEach(n -> checks.add(new CheckedColumn(n, ticked.contains(n))));
            columns.setAll(checks);
        }, failure -> {
            featureSet.set("");
            columns.clear();
            if (!(failure instanceof CancelledException)) {
                message.set(failure.getMessage());
            }
        }).notCancellable();
    }

    private void loadPersonas(Project target, String runName) {
        personas.clear();
        persona.set(null);
        personasAvailable.set(false);
        personaNote.set("");
        if (runName == null) {
            return;
        }
        tasks.run(tr("export.task.personas"), (progress, cancel) -> engine.personaNames(target, runName), names -> {
            if (project.get() != target || !runName.equals(run.get())) {
                return;
            }
            List<PersonaChoice> list = new ArrayList<>();
            new java.util.TreeMap<>(names).forEach((segment, name) -> list.add(new PersonaChoice(segment, name)));
            personas.setAll(list);
            persona.set(list.isEmpty() ? null : list.getFirst());
            personasAvailable.set(!list.isEmpty());
            personaNote.set(list.isEmpty() ? tr("export.persona.none", runName) : "");
        }, failure -> dialogs.showFailure(tr("export.error.load"), failure)).notCancellable();
    }

    private static List<String> columnNames(Project target, String set) {
        return target.dataset(set).map(d -> d.columns().stream()
                .filter(c -> c.role() != ColumnRole.CUSTOMER_ID)
                .map(DatasetColumn::name)
                .toList()).orElse(List.of());
    }

    /** The first lines of the written file, without the byte order mark. */
    static List<String> preview(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (lines.size() < PREVIEW_LINES && (line = reader.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        }
        return lines;
    }

    private void finished(BackgroundTask task) {
        running.set(false);
        if (task == null || currentTask.get() == task) {
            currentTask.set(null);
        }
    }

    private void projectChanged(OpenProject now) {
        BackgroundTask task = currentTask.get();
        if (task != null) {
            task.cancel();
        }
        running.set(false);
        currentTask.set(null);
        quiet = true;
        runs.clear();
        rules.clear();
        personas.clear();
        run.set(null);
        rule.set(null);
        persona.set(null);
        columns.clear();
        featureSet.set("");
        summary.set(null);
        message.set("");
        salt.set("");
        featureSetByRun = Map.of();
        quiet = false;
        project.set(now == null ? null : now.project());
        refresh();
    }

    private record Lists(List<SegmentationRunInfo> runs, List<String> rules) {
    }

    private record Columns(String featureSet, List<String> names) {
    }
}
