package org.personaworkbench.app.rules;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.rules.Rule;
import org.personaworkbench.engine.rules.RuleCount;
import org.personaworkbench.engine.rules.RuleField;
import org.personaworkbench.engine.rules.RuleFields;
import org.personaworkbench.engine.rules.RuleOverlap;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.rules.RuleSyntaxException;
import org.personaworkbench.engine.rules.SegmentOverlap;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Rules step: saved rule segments, a rule edited both as builder rows and as text (each updating the
 * other), a live member count, the overlap with a saved run's segments, and a segment's surrogate rule as a
 * starting point. The view debounces typing and calls {@link #countNow()}; every engine call runs in the
 * background and a newer count cancels the one before.
 */
public final class RulesViewModel {

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<FieldChoice> fields = FXCollections.observableArrayList();
    private final ObservableList<SavedRuleRow> savedRules = FXCollections.observableArrayList();
    private final ObservableList<String> runs = FXCollections.observableArrayList();

    private final StringProperty ruleText = new SimpleStringProperty(this, "ruleText", "");
    private final StringProperty saveName = new SimpleStringProperty(this, "saveName", "");
    private final ReadOnlyObjectWrapper<GroupRow> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ReadOnlyIntegerWrapper structure = new ReadOnlyIntegerWrapper(this, "structure");
    private final ReadOnlyStringWrapper builderNote = new ReadOnlyStringWrapper(this, "builderNote", "");
    private final ReadOnlyObjectWrapper<RuleError> error = new ReadOnlyObjectWrapper<>(this, "error");

    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting");
    private final ObjectProperty<String> overlapRun = new SimpleObjectProperty<>(this, "overlapRun");
    private final ObservableList<OverlapRow> overlapRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper overlapSummary = new ReadOnlyStringWrapper(this, "overlapSummary", "");

    private final ObjectProperty<String> segmentRun = new SimpleObjectProperty<>(this, "segmentRun");
    private final ObservableList<SegmentChoice> segments = FXCollections.observableArrayList();
    private final ObjectProperty<SegmentChoice> selectedSegment = new SimpleObjectProperty<>(this, "segment");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private boolean syncing;
    private BackgroundTask countTask;
    private Map<String, FieldChoice> fieldsByName = Map.of();

    public RulesViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                          ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        ruleText.addListener((obs, old, now) -> {
            if (!syncing) {
                textEdited(now);
            }
        });
        overlapRun.addListener((obs, old, now) -> countNow());
        segmentRun.addListener((obs, old, now) -> loadSegments(now));
        root.set(emptyRoot());
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Fields and event counts the builder offers. */
    public ObservableList<FieldChoice> fields() {
        return fields;
    }

    public ObservableList<SavedRuleRow> savedRules() {
        return savedRules;
    }

    /** Saved segmentation runs, newest first. */
    public ObservableList<String> runs() {
        return runs;
    }

    /** The rule as text; typing here updates the builder when the text parses and the builder can show it. */
    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    /** The name the rule is saved under. */
    public StringProperty saveNameProperty() {
        return saveName;
    }

    /** The builder's top group; replaced when the text is edited. */
    public ReadOnlyObjectProperty<GroupRow> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** Counts changes to the builder's rows (added, removed): the view redraws on each. */
    public ReadOnlyIntegerProperty structureProperty() {
        return structure.getReadOnlyProperty();
    }

    /** Empty when the builder shows the rule, else why it cannot (the text still counts). */
    public ReadOnlyStringProperty builderNoteProperty() {
        return builderNote.getReadOnlyProperty();
    }

    /** The syntax or field error of the text, with its column; null when it reads. */
    public ReadOnlyObjectProperty<RuleError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "1,234 customers (28.4% of 4,339)", or why it cannot be counted. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** The run whose segments the rule is set against (null: no overlap). */
    public ObjectProperty<String> overlapRunProperty() {
        return overlapRun;
    }

    public ObservableList<OverlapRow> overlapRows() {
        return overlapRows;
    }

    public ReadOnlyStringProperty overlapSummaryProperty() {
        return overlapSummary.getReadOnlyProperty();
    }

    /** The run whose segments' surrogate rules are offered. */
    public ObjectProperty<String> segmentRunProperty() {
        return segmentRun;
    }

    public ObservableList<SegmentChoice> segments() {
        return segments;
    }

    public ObjectProperty<SegmentChoice> selectedSegmentProperty() {
        return selectedSegment;
    }

    /** The last thing done ("Saved …"), for a status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // ---- commands ----

    /** Reads the fields, saved rules (with their counts) and runs again. */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        tasks.run(tr("rules.task.load"), (progress, cancel) -> {
            RuleFields ruleFields = engine.ruleFields(target);
            List<SavedRuleRow> rows = savedRows(target, cancel);
            List<String> runNames = engine.runs(target).stream().map(SegmentationRunInfo::name).toList();
            return new Inputs(ruleFields, rows, runNames);
        }, inputs -> {
            if (project.get() != target) {
                return;
            }
            List<FieldChoice> choices = new ArrayList<>();
            for (RuleField f : inputs.fields().fields()) {
                choices.add(new FieldChoice(f.ruleName(), f.numeric() ? FieldChoice.Kind.NUMBER
                        : FieldChoice.Kind.TEXT, f.source()));
            }
            if (inputs.fields().events()) {
                RuleFields.EVENT_FUNCTIONS.forEach(fn -> choices.add(FieldChoice.event(fn)));
            }
            Map<String, FieldChoice> byName = new LinkedHashMap<>();
            choices.forEach(c -> byName.put(c.ruleName().toLowerCase(Locale.ROOT), c));
            fieldsByName = byName;
            remapFields(root.get(), byName);
            fields.setAll(choices);
            savedRules.setAll(inputs.saved());
            String overlap = overlapRun.get();
            String segment = segmentRun.get();
            runs.setAll(inputs.runs());
            overlapRun.set(overlap != null && runs.contains(overlap) ? overlap : null);
            segmentRun.set(segment != null && runs.contains(segment) ? segment : null);
        }, failure -> dialogs.showFailure(tr("rules.error.load"), failure)).notCancellable();
    }

    /** Starts an empty rule. */
    public void newRule() {
        saveName.set("");
        setRoot(emptyRoot());
        syncing = true;
        ruleText.set("");
        syncing = false;
        error.set(null);
        builderNote.set("");
        countNow();
    }

    /** Loads a saved rule into the editor. */
    public void open(SavedRuleRow row) {
        if (row == null) {
            return;
        }
        saveName.set(row.name());
        ruleText.set(row.ruleText());
        countNow();
    }

    /** Loads rule text into the editor (as if typed). */
    public void setText(String text) {
        ruleText.set(text);
    }

    /** Saves the editor's rule under {@link #saveNameProperty()}; a duplicate or bad rule shows why. */
    public void save() {
        Project target = project.get();
        String name = saveName.get() == null ? "" : saveName.get().strip();
        String text = ruleText.get() == null ? "" : ruleText.get().strip();
        if (target == null) {
            return;
        }
        if (name.isEmpty()) {
            dialogs.showError(tr("rules.error.save"), tr("rules.error.noName"), null);
            return;
        }
        if (text.isEmpty()) {
            dialogs.showError(tr("rules.error.save"), tr("rules.error.noRule"), null);
            return;
        }
        tasks.run(tr("rules.task.save"), (progress, cancel) -> {
            SavedRule saved = engine.saveRule(target, name, text);
            return new Saved(saved, savedRows(target, cancel));
        }, saved -> {
            if (project.get() != target) {
                return;
            }
            savedRules.setAll(saved.rows());
            saveName.set(saved.rule().name());
            message.set(tr("rules.saved", saved.rule().name()));
        }, failure -> dialogs.showFailure(tr("rules.error.save"), failure)).notCancellable();
    }

    /** Deletes a saved rule after asking. */
    public void delete(SavedRuleRow row) {
        Project target = project.get();
        if (row == null || target == null
                || !dialogs.confirm(tr("rules.delete.title"), tr("rules.delete.question", row.name()))) {
            return;
        }
        tasks.run(tr("rules.task.delete"), (progress, cancel) -> {
            engine.deleteRule(target, row.name());
            return savedRows(target, cancel);
        }, rows -> {
            if (project.get() == target) {
                savedRules.setAll(rows);
                message.set(tr("rules.deleted", row.name()));
            }
        }, failure -> dialogs.showFailure(tr("rules.error.delete"), failure)).notCancellable();
    }

    /** Adds an empty condition row to a group. */
    public ConditionRow addCondition(GroupRow group) {
        ConditionRow row = new ConditionRow();
        group.children().add(row);
        structure.set(structure.get() + 1);
        builderChanged();
        return row;
    }

    /** Adds a nested group (with one empty row) whose join is the opposite of its parent's. */
    public GroupRow addGroup(GroupRow parent) {
        GroupRow group = new GroupRow(!parent.anyProperty().get());
        group.children().add(new ConditionRow());
        parent.children().add(group);
        structure.set(structure.get() + 1);
        builderChanged();
        return group;
    }

    /** Removes a row or group (the top group stays). */
    public void remove(BuilderNode node) {
        if (removeFrom(root.get(), node)) {
            structure.set(structure.get() + 1);
            builderChanged();
        }
    }

    /** The builder's rows changed: prints them into the text (the builder stays as it is). */
    public void builderChanged() {
        String text = RuleBuilder.text(root.get());
        syncing = true;
        try {
            ruleText.set(text);
        } finally {
            syncing = false;
        }
        error.set(null);
        builderNote.set("");
    }

    /** Counts the rule's members (and its overlap with the chosen run) in the background, cancelling the last. */
    public void countNow() {
        if (countTask != null) {
            countTask.cancel();
            countTask = null;
        }
        Project target = project.get();
        String text = ruleText.get() == null ? "" : ruleText.get().strip();
        counting.set(false);
        if (target == null || text.isEmpty()) {
            countText.set(text.isEmpty() ? tr("rules.count.empty") : "");
            overlapRows.clear();
            overlapSummary.set("");
            return;
        }
        RuleError parseError = error.get();
        if (parseError != null) {
            countText.set(tr("rules.count.invalid"));
            overlapRows.clear();
            overlapSummary.set("");
            return;
        }
        String run = overlapRun.get();
        counting.set(true);
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(tr("rules.task.count"), (progress, cancel) -> {
            RuleCount count = engine.countRule(target, text, cancel);
            cancel.throwIfCancelled();
            RuleOverlap overlap = run == null ? null : engine.ruleOverlap(target, text, run, cancel);
            Map<Integer, String> names = run == null ? Map.of() : engine.personaNames(target, run);
            return new Counted(count, overlap, names);
        }, counted -> {
            if (self[0] != null && self[0] != countTask || project.get() != target) {
                return;
            }
            countTask = null;
            counting.set(false);
            RuleCount c = counted.count();
            countText.set(tr("rules.count", Formats.count(c.members()), Formats.percent(c.share()),
                    Formats.count(c.universe()), c.members()));
            showOverlap(counted.overlap(), counted.names());
        }, failure -> {
            if (self[0] != null && self[0] != countTask || failure instanceof CancelledException) {
                return;
            }
            countTask = null;
            counting.set(false);
            overlapRows.clear();
            overlapSummary.set("");
            if (failure instanceof RuleSyntaxException e) {
                error.set(new RuleError(e.getMessage(), e.column()));
                countText.set(tr("rules.count.invalid"));
            } else if (failure instanceof EngineException e) {
                countText.set(e.getMessage());
            } else {
                countText.set(tr("error.unexpected", String.valueOf(failure.getMessage())));
            }
        });
        if (counting.get()) {
            countTask = self[0];
        }
    }

    /** Loads the chosen segment's surrogate rule into the editor, with a name to save it under. */
    public void useSegmentRule() {
        SegmentChoice choice = selectedSegment.get();
        if (choice == null) {
            return;
        }
        if (choice.ruleText() == null) {
            dialogs.showInformation(tr("rules.fromSegment.title"), choice.note());
            return;
        }
        ruleText.set(choice.ruleText());
        saveName.set(choice.label());
        countNow();
    }

    // ---- internals ----

    private void textEdited(String text) {
        if (text == null || text.isBlank()) {
            error.set(null);
            builderNote.set("");
            setRoot(emptyRoot());
            return;
        }
        Rule rule;
        try {
            rule = RuleSegments.parse(text);
        } catch (RuleSyntaxException e) {
            error.set(new RuleError(e.getMessage(), e.column()));
            return; // the builder keeps its rows
        }
        error.set(null);
        var rows = RuleBuilder.fromRule(rule, fieldsByName);
        if (rows.isPresent()) {
            builderNote.set("");
            setRoot(rows.get());
        } else {
            builderNote.set(tr("rules.builder.notShown"));
        }
    }

    private void setRoot(GroupRow group) {
        root.set(group);
        structure.set(structure.get() + 1);
    }

    private static GroupRow emptyRoot() {
        GroupRow g = new GroupRow(false);
        g.children().add(new ConditionRow());
        return g;
    }

    /** Rows built before the fields were read name fields by text alone: point them at the listed fields. */
    private static void remapFields(GroupRow group, Map<String, FieldChoice> known) {
        for (BuilderNode child : group.children()) {
            if (child instanceof GroupRow g) {
                remapFields(g, known);
            } else if (child instanceof ConditionRow c && c.fieldProperty().get() != null
                    && c.fieldProperty().get().kind() != FieldChoice.Kind.EVENT) {
                FieldChoice listed = known.get(c.fieldProperty().get().ruleName().toLowerCase(Locale.ROOT));
                if (listed != null) {
                    c.fieldProperty().set(listed);
                }
            }
        }
    }

    private static boolean removeFrom(GroupRow group, BuilderNode node) {
        if (group.children().remove(node)) {
            return true;
        }
        for (BuilderNode child : group.children()) {
            if (child instanceof GroupRow g && removeFrom(g, node)) {
                return true;
            }
        }
        return false;
    }

    private void showOverlap(RuleOverlap overlap, Map<Integer, String> names) {
        if (overlap == null) {
            overlapRows.clear();
            overlapSummary.set("");
            return;
        }
        List<OverlapRow> rows = new ArrayList<>();
        for (SegmentOverlap s : overlap.segments()) {
            rows.add(new OverlapRow(s.segment(), label(s.segment(), names), s.size(), s.both(), s.shareOfRule(),
                    s.shareOfSegment()));
        }
        overlapRows.setAll(rows);
        overlapSummary.set(tr("rules.overlap.summary", Formats.count(overlap.ruleMembers()), overlap.run(),
                Formats.count(overlap.runRows()), Formats.count(overlap.notInRun())));
    }

    private static String label(int segment, Map<Integer, String> names) {
        String name = names.get(segment);
        if (name != null && !name.isBlank()) {
            return name;
        }
        return segment < 0 ? tr("rules.segment.noise") : tr("rules.segment.number", segment);
    }

    private void loadSegments(String run) {
        segments.clear();
        selectedSegment.set(null);
        Project target = project.get();
        if (run == null || target == null) {
            return;
        }
        tasks.run(tr("rules.task.segments"), (progress, cancel) -> {
            SegmentProfiles profiles = engine.runProfiles(target, run);
            Map<Integer, String> names = engine.personaNames(target, run);
            List<SegmentChoice> out = new ArrayList<>();
            for (SegmentProfile p : profiles.segments()) {
                String label = names.getOrDefault(p.segment(), tr("rules.segment.ofRun", p.segment(), run));
                if (p.rule() == null) {
                    out.add(new SegmentChoice(p.segment(), label, null, tr("rules.fromSegment.noRule")));
                    continue;
                }
                try {
                    out.add(new SegmentChoice(p.segment(), label, RuleSegments.fromSurrogate(p.rule()), ""));
                } catch (EngineException e) {
                    out.add(new SegmentChoice(p.segment(), label, null, e.getMessage()));
                }
            }
            return out;
        }, list -> {
            if (project.get() == target && run.equals(segmentRun.get())) {
                segments.setAll(list);
                selectedSegment.set(list.isEmpty() ? null : list.getFirst());
            }
        }, failure -> dialogs.showFailure(tr("rules.error.segments"), failure)).notCancellable();
    }

    private List<SavedRuleRow> savedRows(Project target, org.personaworkbench.engine.common.CancellationToken cancel) {
        List<SavedRuleRow> rows = new ArrayList<>();
        for (SavedRule r : engine.savedRules(target)) {
            long members;
            try {
                members = engine.countRule(target, r.name(), cancel).members();
            } catch (EngineException e) {
                members = -1; // a field it uses is gone: listed, but not counted
            }
            rows.add(new SavedRuleRow(r.name(), r.ruleText(), members));
        }
        return rows;
    }

    private void projectChanged(OpenProject now) {
        if (countTask != null) {
            countTask.cancel();
            countTask = null;
        }
        counting.set(false);
        fields.clear();
        fieldsByName = Map.of();
        savedRules.clear();
        runs.clear();
        overlapRun.set(null);
        segmentRun.set(null);
        overlapRows.clear();
        overlapSummary.set("");
        segments.clear();
        message.set("");
        saveName.set("");
        syncing = true;
        ruleText.set("");
        syncing = false;
        error.set(null);
        builderNote.set("");
        countText.set(now == null ? "" : tr("rules.count.empty"));
        setRoot(emptyRoot());
        project.set(now == null ? null : now.project());
        refresh();
    }

    private record Inputs(RuleFields fields, List<SavedRuleRow> saved, List<String> runs) {
    }

    private record Saved(SavedRule rule, List<SavedRuleRow> rows) {
    }

    private record Counted(RuleCount count, RuleOverlap overlap, Map<Integer, String> names) {
    }
}
