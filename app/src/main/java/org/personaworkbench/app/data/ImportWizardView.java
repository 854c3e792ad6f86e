package org.personaworkbench.app.data;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.ui.UiResources;

import java.nio.charset.Charset;
import java.util.List;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The import wizard window: format controls (delimiter, encoding, header — each change reads the file
 * again), the preview of the first rows with a type and a role chooser above every column, the dataset
 * name (checked while typing) and where to save rejected rows. Import closes it and hands over.
 */
public final class ImportWizardView {

    private final ImportWizardViewModel viewModel;
    private final Stage stage = new Stage();
    private final TableView<List<String>> preview = new TableView<>();

    private ImportWizardView(Window owner, ImportWizardViewModel viewModel) {
        this.viewModel = viewModel;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(tr("import.title", viewModel.file().getFileName()));
        BorderPane root = new BorderPane();
        root.setId("importWizard");
        root.getStyleClass().add("import-wizard");
        root.setTop(top());
        root.setCenter(center());
        root.setBottom(bottom());
        Scene scene = new Scene(root, 1040, 680);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.setOnHidden(e -> viewModel.cancelInspect());
    }

    /** Opens the wizard (not blocking) over the main window. */
    public static ImportWizardView show(Window owner, ImportWizardViewModel viewModel) {
        ImportWizardView view = new ImportWizardView(owner, viewModel);
        view.stage.show();
        return view;
    }

    private Node top() {
        Label title = new Label(tr("import.heading"), Icons.icon(Feather.UPLOAD, 20));
        title.getStyleClass().add("title-3");
        Label file = new Label(viewModel.file().toString());
        file.getStyleClass().addAll("text-muted", "text-small");

        ComboBox<ImportWizardViewModel.Delimiter> delimiter = new ComboBox<>();
        delimiter.setId("delimiterCombo");
        delimiter.getItems().setAll(ImportWizardViewModel.Delimiter.values());
        delimiter.setConverter(converter(ImportWizardViewModel.Delimiter::label));
        delimiter.valueProperty().bindBidirectional(viewModel.delimiterProperty());

        ComboBox<Charset> encoding = new ComboBox<>(viewModel.encodings());
        encoding.setId("encodingCombo");
        encoding.setConverter(converter(Charset::displayName));
        encoding.valueProperty().bindBidirectional(viewModel.encodingProperty());

        CheckBox header = new CheckBox(tr("import.header"));
        header.setId("headerCheck");
        header.selectedProperty().bindBidirectional(viewModel.headerProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label reading = new Label(tr("import.reading"), spinner);
        reading.setId("inspectingLabel");
        reading.visibleProperty().bind(viewModel.inspectingProperty());

        for (Node n : List.of(delimiter, encoding, header)) {
            n.disableProperty().bind(viewModel.inspectingProperty());
        }
        HBox format = new HBox(10, new Label(tr("import.delimiter")), delimiter, gap(), new Label(tr("import.encoding")),
                encoding, gap(), header, grow(), reading);
        format.setAlignment(Pos.CENTER_LEFT);
        format.getStyleClass().add("format-bar");

        VBox box = new VBox(4, title, file, format);
        VBox.setMargin(format, new Insets(10, 0, 0, 0));
        box.getStyleClass().add("wizard-top");
        return box;
    }

    private Node center() {
        preview.setId("previewTable");
        preview.getStyleClass().addAll("preview-table", "bordered");
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.inspectingProperty().get()) {
                return tr("import.reading");
            }
            String error = viewModel.inspectErrorProperty().get();
            return error.isEmpty() ? tr("import.noRows") : error;
        }, viewModel.inspectingProperty(), viewModel.inspectErrorProperty()));
        preview.setPlaceholder(placeholder);
        viewModel.columns().addListener((ListChangeListener<ColumnChoice>) c -> rebuild(viewModel.previewProperty().get()));

        Label info = new Label();
        info.setId("previewInfo");
        info.getStyleClass().addAll("text-muted", "text-small");
        info.textProperty().bind(Bindings.createStringBinding(() -> {
            CsvPreview p = viewModel.previewProperty().get();
            if (p == null) {
                return "";
            }
            String text = tr("import.previewInfo", Formats.count(p.rows().size()), p.columns().size(),
                    Formats.count(p.sampledRows()));
            if (!p.badRowsInSample().isEmpty()) {
                text += " " + tr("import.badInSample", Formats.count(p.badRowsInSample().size()));
            }
            return text;
        }, viewModel.previewProperty()));
        VBox box = new VBox(6, preview, info);
        VBox.setVgrow(preview, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 12, 0));
        return new StackPane(box);
    }

    private void rebuild(CsvPreview p) {
        preview.getColumns().clear();
        if (p == null) {
            preview.getItems().clear();
            return;
        }
        List<ColumnChoice> choices = viewModel.columns();
        for (int i = 0; i < choices.size(); i++) {
            int index = i;
            ColumnChoice choice = choices.get(i);
            TableColumn<List<String>, String> column = new TableColumn<>();
            column.setSortable(false);
            column.setReorderable(false);
            column.setPrefWidth(170);
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().size() ? cell.getValue().get(index) : ""));

            Label name = new Label(choice.name());
            name.getStyleClass().add("preview-column-name");
            ComboBox<ColumnType> type = new ComboBox<>();
            type.setId("type-" + index);
            type.getItems().setAll(ColumnType.values());
            type.setConverter(DataLabels.typeConverter());
            type.valueProperty().bindBidirectional(choice.typeProperty());
            type.setMaxWidth(Double.MAX_VALUE);
            type.getStyleClass().add("small");
            ComboBox<ColumnRole> role = new ComboBox<>();
            role.setId("role-" + index);
            role.getItems().setAll(ColumnRole.values());
            role.setConverter(DataLabels.roleConverter());
            role.valueProperty().bindBidirectional(choice.roleProperty());
            role.setMaxWidth(Double.MAX_VALUE);
            role.getStyleClass().add("small");
            VBox headerBox = new VBox(4, name, type, role);
            headerBox.getStyleClass().add("preview-column-header");
            headerBox.setPadding(new Insets(4));
            column.setGraphic(headerBox);
            preview.getColumns().add(column);
        }
        preview.getItems().setAll(p.rows());
    }

    private Node bottom() {
        TextField name = new TextField();
        name.setId("datasetNameField");
        name.setPrefColumnCount(24);
        name.textProperty().bindBidirectional(viewModel.datasetNameProperty());
        Label problem = new Label();
        problem.setId("nameProblemLabel");
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(viewModel.nameProblemProperty());

        CheckBox saveRejects = new CheckBox(tr("import.saveRejects"));
        saveRejects.setId("saveRejectsCheck");
        saveRejects.selectedProperty().bindBidirectional(viewModel.saveRejectsProperty());
        Label rejectsPath = new Label();
        rejectsPath.setId("rejectsPathLabel");
        rejectsPath.getStyleClass().addAll("text-muted", "text-small");
        rejectsPath.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.rejectsFileProperty().get() == null ? "" : viewModel.rejectsFileProperty().get().toString(),
                viewModel.rejectsFileProperty()));
        rejectsPath.disableProperty().bind(viewModel.saveRejectsProperty().not());
        Button choose = new Button(tr("import.chooseRejects"), Icons.icon(Feather.FOLDER));
        choose.setId("chooseRejectsButton");
        choose.getStyleClass().add("small");
        choose.setOnAction(e -> viewModel.chooseRejectsFile());
        choose.disableProperty().bind(viewModel.saveRejectsProperty().not());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        Label nameLabel = new Label(tr("import.datasetName"));
        nameLabel.setLabelFor(name);
        form.addRow(0, nameLabel, name, problem);
        HBox rejects = new HBox(10, saveRejects, choose, rejectsPath);
        rejects.setAlignment(Pos.CENTER_LEFT);
        form.add(rejects, 1, 1, 2, 1);
        Label hint = new Label(tr("import.badRowsHint"));
        hint.getStyleClass().addAll("text-muted", "text-small");
        hint.setWrapText(true);
        form.add(hint, 1, 2, 2, 1);

        Button cancel = new Button(tr("import.cancel"));
        cancel.setId("cancelWizardButton");
        cancel.setCancelButton(true);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        cancel.setOnAction(e -> stage.close());
        Button importButton = new Button(tr("import.start"), Icons.icon(Feather.CHECK));
        importButton.setId("startImportButton");
        importButton.getStyleClass().add("accent");
        importButton.setDefaultButton(true);
        ButtonBar.setButtonData(importButton, ButtonBar.ButtonData.OK_DONE);
        importButton.disableProperty().bind(viewModel.canImportProperty().not());
        importButton.setOnAction(e -> {
            if (viewModel.accept()) {
                stage.close();
            }
        });
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(importButton, cancel);
        VBox box = new VBox(12, form, buttons);
        box.getStyleClass().add("wizard-bottom");
        return box;
    }

    private static Region gap() {
        Region r = new Region();
        r.setPrefWidth(8);
        return r;
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return DataLabels.converter(text);
    }
}
