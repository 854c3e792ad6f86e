package org.personaworkbench.app.data;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The import wizard: inspects the file in the background, lets the analyst override delimiter,
 * encoding and header (each change inspects again) and each column's type and role, name the dataset
 * (checked against the names in use) and choose where rejected rows go. Import hands an
 * {@link ImportRequest} to the data step, which runs it.
 */
public final class ImportWizardViewModel {

    /** Delimiters offered in the wizard. */
    public enum Delimiter {
        COMMA(',', key("import.delimiter.comma")),
        SEMICOLON(';', key("import.delimiter.semicolon")),
        TAB('\t', key("import.delimiter.tab")),
        PIPE('|', key("import.delimiter.pipe"));

        private final char character;
        private final String labelKey;

        Delimiter(char character, String labelKey) {
            this.character = character;
            this.labelKey = labelKey;
        }

        public char character() {
            return character;
        }

        public String label() {
            return tr(labelKey);
        }

        public static Delimiter of(char c) {
            for (Delimiter d : values()) {
                if (d.character == c) {
                    return d;
                }
            }
            return null;
        }
    }

    /** Encodings offered in the wizard (the detected one is added when it is another). */
    public static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"), StandardCharsets.US_ASCII);

    private final Path file;
    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Predicate<String> nameInUse;
    private final Consumer<ImportRequest> onAccept;

    private final ReadOnlyObjectWrapper<CsvPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(this, "delimiter");
    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>(this, "encoding");
    private final BooleanProperty header = new SimpleBooleanProperty(this, "header", true);
    private final ObservableList<Charset> encodings = FXCollections.observableArrayList(ENCODINGS);
    private final ObservableList<ColumnChoice> columns = FXCollections.observableArrayList();
    private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName", "");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper(this, "nameProblem", "");
    private final BooleanProperty saveRejects = new SimpleBooleanProperty(this, "saveRejects");
    private final ObjectProperty<Path> rejectsFile = new SimpleObjectProperty<>(this, "rejectsFile");
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper(this, "inspecting");
    private final ReadOnlyStringWrapper inspectError = new ReadOnlyStringWrapper(this, "inspectError", "");
    private final BooleanBinding canImport;

    private Character delimiterOverride;
    private Charset encodingOverride;
    private Boolean headerOverride;
    private boolean updating;
    private BackgroundTask inspectTask;

    public ImportWizardViewModel(Path file, Engine engine, TaskRunner tasks, DialogService dialogs,
                                 Predicate<String> nameInUse, Consumer<ImportRequest> onAccept) {
        this.file = Objects.requireNonNull(file);
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.nameInUse = Objects.requireNonNull(nameInUse);
        this.onAccept = Objects.requireNonNull(onAccept);

        datasetName.addListener((obs, old, now) -> validateName());
        datasetName.set(defaultName(file));
        validateName();

        delimiter.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                delimiterOverride = now.character();
                inspect();
            }
        });
        encoding.addListener((obs, old, now) -> {
            if (!updating && now != null) {
                encodingOverride = now;
                inspect();
            }
        });
        header.addListener((obs, old, now) -> {
            if (!updating) {
                headerOverride = now;
                inspect();
            }
        });
        saveRejects.addListener((obs, old, now) -> {
            if (now && rejectsFile.get() == null) {
                chooseRejectsFile();
            }
        });
        canImport = Bindings.createBooleanBinding(
                () -> preview.get() != null && !inspecting.get() && nameProblem.get().isEmpty()
                        && (!saveRejects.get() || rejectsFile.get() != null),
                preview, inspecting, nameProblem, saveRejects, rejectsFile);
    }

    public Path file() {
        return file;
    }

    public ReadOnlyObjectProperty<CsvPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObjectProperty<Delimiter> delimiterProperty() {
        return delimiter;
    }

    public ObjectProperty<Charset> encodingProperty() {
        return encoding;
    }

    public ObservableList<Charset> encodings() {
        return encodings;
    }

    public BooleanProperty headerProperty() {
        return header;
    }

    public ObservableList<ColumnChoice> columns() {
        return columns;
    }

    public StringProperty datasetNameProperty() {
        return datasetName;
    }

    /** Why the name cannot be used, or empty when it can. */
    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public BooleanProperty saveRejectsProperty() {
        return saveRejects;
    }

    public ObjectProperty<Path> rejectsFileProperty() {
        return rejectsFile;
    }

    public ReadOnlyBooleanProperty inspectingProperty() {
        return inspecting.getReadOnlyProperty();
    }

    /** The last inspection's failure for people, or empty. */
    public ReadOnlyStringProperty inspectErrorProperty() {
        return inspectError.getReadOnlyProperty();
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** Reads the start of the file in the background with the format choices made so far. */
    public void inspect() {
        if (inspectTask != null) {
            inspectTask.cancel();
        }
        FormatOverrides overrides = new FormatOverrides(delimiterOverride, encodingOverride, headerOverride);
        inspecting.set(true);
        inspectError.set("");
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(tr("task.inspect", file.getFileName()),
                (progress, cancel) -> engine.inspect(file, overrides),
                result -> {
                    if (self[0] != null && self[0].isCancelRequested()) {
                        return;
                    }
                    inspecting.set(false);
                    show(result);
                },
                failure -> {
                    if (self[0] != null && self[0].isCancelRequested()) {
                        return;
                    }
                    inspecting.set(false);
                    inspectError.set(failure instanceof EngineException e ? e.getMessage()
                            : tr("error.unexpected", String.valueOf(failure.getMessage())));
                    dialogs.showFailure(tr("error.inspect"), failure);
                });
        inspectTask = self[0];
        if (!inspecting.get()) {
            inspectTask = null;
        }
    }

    /** Stops waiting for an inspection (it only reads, so dropping its result is safe). */
    public void cancelInspect() {
        if (inspectTask != null) {
            inspectTask.cancel();
            inspectTask = null;
        }
        inspecting.set(false);
    }

    private void show(CsvPreview result) {
        updating = true;
        try {
            delimiter.set(Delimiter.of(result.format().delimiter()));
            Charset detected = result.format().encoding();
            if (!encodings.contains(detected)) {
                encodings.add(detected);
            }
            encoding.set(detected);
            header.set(result.format().header());
            preview.set(result);
            // set after the preview: views rebuild their columns from this list's change
            columns.setAll(result.columns().stream().map(ColumnChoice::new).toList());
        } finally {
            updating = false;
        }
    }

    /** Asks where to save rejected rows; unticks the option when the analyst cancels. */
    public void chooseRejectsFile() {
        var chosen = dialogs.chooseRejectsFile(tr("import.rejects.defaultName", datasetName.get().trim()));
        if (chosen.isPresent()) {
            rejectsFile.set(chosen.get());
        } else if (rejectsFile.get() == null) {
            saveRejects.set(false);
        }
    }

    /** Hands the import to the data step when everything is valid; returns whether it did. */
    public boolean accept() {
        validateName();
        if (!canImport.get()) {
            return false;
        }
        CsvPreview p = preview.get();
        List<org.personaworkbench.engine.importing.ColumnSpec> specs = new ArrayList<>();
        for (ColumnChoice c : columns) {
            specs.add(c.toSpec());
        }
        ImportOptions options = new ImportOptions(datasetName.get().trim(), p.format(), specs, null,
                saveRejects.get() ? rejectsFile.get() : null);
        onAccept.accept(new ImportRequest(file, options));
        return true;
    }

    private void validateName() {
        String name = datasetName.get() == null ? "" : datasetName.get().trim();
        if (name.isEmpty()) {
            nameProblem.set(tr("import.name.empty"));
        } else if (nameInUse.test(name)) {
            nameProblem.set(tr("import.name.inUse", name));
        } else {
            nameProblem.set("");
        }
    }

    /** A dataset name from a file name: {@code Online Retail 2011.csv.gz} becomes {@code online_retail_2011}. */
    public static String defaultName(Path file) {
        return org.personaworkbench.app.common.Formats.datasetName(file);
    }
}
