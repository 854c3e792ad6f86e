package org.personaworkbench.app.data;

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
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Data step: the open project's datasets, the import wizard, and the profile of the selected
 * dataset, computed in the background (and kept while the project stays open).
 */
public final class DataViewModel {

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<DatasetInfo> selectedDataset = new SimpleObjectProperty<>(this, "selectedDataset");
    private final ReadOnlyObjectWrapper<DatasetProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyBooleanWrapper profiling = new ReadOnlyBooleanWrapper(this, "profiling");
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, DatasetProfile> profiles = new HashMap<>();
    private BackgroundTask profileTask;

    public DataViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                         ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        selectedDataset.addListener((obs, old, now) -> loadProfile(now));
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    public ObjectProperty<DatasetInfo> selectedDatasetProperty() {
        return selectedDataset;
    }

    public ReadOnlyObjectProperty<DatasetProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty profilingProperty() {
        return profiling.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** The outcome of the last import (or cancel), for a banner. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when a dataset of this name exists already, ignoring case (as the engine does). */
    public boolean nameInUse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return datasets.stream().anyMatch(d -> d.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * Asks for a file and returns a wizard for it (already inspecting it in the background); empty when
     * no project is open or the analyst cancelled the file chooser.
     */
    public Optional<ImportWizardViewModel> startImport() {
        if (project.get() == null || importing.get()) {
            return Optional.empty();
        }
        return dialogs.chooseFileToImport().map(this::wizardFor);
    }

    /** A wizard for a file dropped on the view; empty when no project is open or an import runs. */
    public Optional<ImportWizardViewModel> startImport(Path file) {
        if (project.get() == null || importing.get()) {
            return Optional.empty();
        }
        return Optional.of(wizardFor(file));
    }

    private ImportWizardViewModel wizardFor(Path file) {
        ImportWizardViewModel wizard = new ImportWizardViewModel(file, engine, tasks, dialogs, this::nameInUse,
                this::runImport);
        wizard.inspect();
        return wizard;
    }

    /**
     * Imports in the background. When rows are bad the engine asks (on the worker, after reading the whole
     * file) and the analyst answers on the UI thread: skip them and keep the rest, or cancel.
     */
    public void runImport(ImportRequest request) {
        Project target = project.get();
        if (target == null) {
            return;
        }
        ImportOptions asked = request.options();
        BadRowPolicy askAnalyst = (sample, total) -> tasks.callOnUiThread(() -> dialogs.askBadRows(sample, total));
        ImportOptions options = new ImportOptions(asked.datasetName(), asked.format(), asked.columns(), askAnalyst,
                asked.rejectsFile());
        importing.set(true);
        message.set("");
        tasks.run(tr("task.import", request.file().getFileName(), asked.datasetName()),
                (progress, cancel) -> {
                    ImportResult result = engine.importFile(target, request.file(), options, progress, cancel);
                    return new Imported(result, target.datasets());
                },
                imported -> {
                    importing.set(false);
                    if (project.get() != target) {
                        return;
                    }
                    datasets.setAll(imported.datasets());
                    ImportResult r = imported.result();
                    message.set(importMessage(r));
                    datasets.stream().filter(d -> d.name().equalsIgnoreCase(r.dataset())).findFirst()
                            .ifPresent(selectedDataset::set);
                },
                failure -> {
                    importing.set(false);
                    if (failure instanceof CancelledException) {
                        message.set(tr("data.importCancelled"));
                    } else {
                        message.set(tr("data.importFailed"));
                        dialogs.showFailure(tr("error.import"), failure);
                    }
                });
    }

    private static String importMessage(ImportResult r) {
        String text = r.rejected() == 0
                ? tr("data.imported", Formats.count(r.rows()), r.dataset(), r.seconds())
                : tr("data.importedWithRejects", Formats.count(r.rows()), r.dataset(), Formats.count(r.rejected()));
        if (r.rejectsFile() != null) {
            text += " " + tr("data.rejectsSaved", r.rejectsFile());
        }
        return text;
    }

    /** Profiles the dataset again (for example after the analyst asks to refresh). */
    public void refreshProfile() {
        DatasetInfo selected = selectedDataset.get();
        if (selected != null) {
            profiles.remove(selected.name());
            loadProfile(selected);
        }
    }

    private void loadProfile(DatasetInfo dataset) {
        if (profileTask != null) {
            profileTask.cancel();
            profileTask = null;
        }
        profiling.set(false);
        if (dataset == null || project.get() == null) {
            profile.set(null);
            return;
        }
        DatasetProfile cached = profiles.get(dataset.name());
        if (cached != null) {
            profile.set(cached);
            return;
        }
        profile.set(null);
        profiling.set(true);
        Project target = project.get();
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(tr("task.profile", dataset.name()),
                (progress, cancel) -> engine.profile(target, dataset.name(), progress, cancel),
                result -> {
                    if (project.get() != target) {
                        return;
                    }
                    profiles.put(dataset.name(), result);
                    if (selectedDataset.get() != null && selectedDataset.get().name().equals(dataset.name())) {
                        profiling.set(false);
                        profile.set(result);
                    }
                },
                failure -> {
                    boolean current = selectedDataset.get() != null
                            && selectedDataset.get().name().equals(dataset.name()) && project.get() == target;
                    if (current) {
                        profiling.set(false);
                    }
                    if (current && !(failure instanceof CancelledException)) {
                        dialogs.showFailure(tr("error.profile", dataset.name()), failure);
                    }
                });
        if (profiling.get()) {
            profileTask = self[0];
        }
    }

    private void projectChanged(OpenProject now) {
        if (profileTask != null) {
            profileTask.cancel();
            profileTask = null;
        }
        profiles.clear();
        profiling.set(false);
        importing.set(false);
        message.set("");
        selectedDataset.set(null);
        profile.set(null);
        project.set(now == null ? null : now.project());
        datasets.setAll(now == null ? List.of() : now.datasets());
        if (!datasets.isEmpty()) {
            selectedDataset.set(datasets.getFirst());
        }
    }

    private record Imported(ImportResult result, List<DatasetInfo> datasets) {
    }
}
