package org.personaworkbench.app.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.ui.UiResources;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Real dialogs and native file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private File lastDirectory;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (detail != null && !detail.isBlank()) {
            TextArea text = new TextArea(detail);
            text.setEditable(false);
            text.setWrapText(false);
            text.setPrefRowCount(14);
            text.setPrefColumnCount(80);
            text.getStyleClass().add("detail-text");
            VBox box = new VBox(6, new Label(I18n.tr("dialog.error.detail")), text);
            VBox.setVgrow(text, Priority.ALWAYS);
            alert.getDialogPane().setExpandableContent(box);
        }
        alert.showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseNewProjectFile() {
        FileChooser chooser = chooser(I18n.tr("chooser.newProject"));
        chooser.getExtensionFilters().add(projectFilter());
        chooser.setInitialFileName(I18n.tr("chooser.newProject.defaultName"));
        return remember(chooser.showSaveDialog(owner.get())).map(ProjectService::normalize);
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser chooser = chooser(I18n.tr("chooser.openProject"));
        chooser.getExtensionFilters().addAll(projectFilter(),
                new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.all"), "*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFileToImport() {
        FileChooser chooser = chooser(I18n.tr("chooser.import"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.csv"),
                        "*.csv", "*.tsv", "*.txt", "*.csv.gz", "*.tsv.gz", "*.gz"),
                new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.all"), "*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseRejectsFile(String suggestedName) {
        FileChooser chooser = chooser(I18n.tr("chooser.rejects"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.csv"), "*.csv"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        prepare(alert, title);
        alert.setHeaderText(title);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public Optional<Path> chooseFileToRead(String title, String extension) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(
                extension.toUpperCase(java.util.Locale.ROOT), "*." + extension),
                new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.all"), "*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<char[]> askNewProjectPassword(Path project) {
        Dialog<char[]> dialog = new Dialog<>();
        prepare(dialog, I18n.tr("password.new.title"));
        dialog.setHeaderText(I18n.tr("password.new.header", Formats.projectName(project)));
        dialog.setGraphic(new FontIcon(Feather.LOCK));
        PasswordField first = new PasswordField();
        first.setId("newPasswordField");
        PasswordField second = new PasswordField();
        second.setId("confirmPasswordField");
        Label mismatch = new Label(I18n.tr("password.new.mismatch"));
        mismatch.getStyleClass().add("field-error");
        BooleanBinding differ = Bindings.createBooleanBinding(
                () -> !first.getText().equals(second.getText()), first.textProperty(), second.textProperty());
        mismatch.visibleProperty().bind(differ.and(second.textProperty().isNotEmpty()));
        GridPane grid = form();
        grid.addRow(0, new Label(I18n.tr("password.new.password")), first);
        grid.addRow(1, new Label(I18n.tr("password.new.confirm")), second);
        grid.add(mismatch, 1, 2);
        Label hint = new Label(I18n.tr("password.new.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        hint.getStyleClass().add("text-muted");
        grid.add(hint, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType(I18n.tr("password.new.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(differ);
        dialog.setResultConverter(b -> b == create ? first.getText().toCharArray() : null);
        javafx.application.Platform.runLater(first::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<char[]> askPassword(Path project, boolean wrongBefore) {
        Dialog<char[]> dialog = new Dialog<>();
        prepare(dialog, I18n.tr("password.open.title"));
        dialog.setHeaderText(I18n.tr("password.open.header", Formats.projectName(project)));
        dialog.setGraphic(new FontIcon(Feather.LOCK));
        PasswordField field = new PasswordField();
        field.setId("passwordField");
        GridPane grid = form();
        grid.addRow(0, new Label(I18n.tr("password.open.password")), field);
        if (wrongBefore) {
            Label wrong = new Label(I18n.tr("password.open.wrong"));
            wrong.getStyleClass().add("field-error");
            grid.add(wrong, 1, 1);
        }
        dialog.getDialogPane().setContent(grid);
        ButtonType open = new ButtonType(I18n.tr("password.open.open"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setResultConverter(b -> b == open ? field.getText().toCharArray() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public BadRowPolicy.Decision askBadRows(List<BadRow> sample, long total) {
        Dialog<BadRowPolicy.Decision> dialog = new Dialog<>();
        prepare(dialog, I18n.tr("badRows.title"));
        dialog.setHeaderText(I18n.tr("badRows.header", total));
        dialog.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        TableView<BadRow> table = new TableView<>(FXCollections.observableArrayList(sample));
        table.setId("badRowsTable");
        table.getColumns().add(column(I18n.tr("badRows.line"), BadRow::line, 60));
        table.getColumns().add(column(I18n.tr("badRows.column"), r -> r.column() == null ? "" : r.column(), 110));
        table.getColumns().add(column(I18n.tr("badRows.reason"), BadRow::reason, 400));
        table.getColumns().add(column(I18n.tr("badRows.raw"), BadRow::raw, 220));
        table.setPrefSize(820, 320);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label note = new Label(sample.size() < total
                ? I18n.tr("badRows.sampleNote", sample.size(), total) : I18n.tr("badRows.allShown"));
        note.getStyleClass().add("text-muted");
        VBox content = new VBox(8, table, note);
        content.setPadding(new Insets(12, 16, 4, 16));
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.setResizable(true);
        dialog.getDialogPane().setPrefWidth(880);
        dialog.getDialogPane().setMinWidth(760);
        ButtonType skip = new ButtonType(I18n.tr("badRows.skip"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.tr("badRows.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(skip, cancel);
        dialog.setResultConverter(b -> b == skip ? BadRowPolicy.Decision.SKIP : BadRowPolicy.Decision.CANCEL);
        return dialog.showAndWait().orElse(BadRowPolicy.Decision.CANCEL);
    }

    private static TableColumn<BadRow, Object> column(String title, Function<BadRow, Object> value, double width) {
        return TextColumns.of(title, value, width, 60);
    }

    private void prepare(Dialog<?> dialog, String title) {
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.setTitle(title);
        dialog.getDialogPane().getStylesheets().add(UiResources.stylesheet());
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(14, 18, 6, 18));
        return grid;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastDirectory != null) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private static FileChooser.ExtensionFilter projectFilter() {
        return new FileChooser.ExtensionFilter(I18n.tr("chooser.filter.project"), "*" + ProjectService.EXTENSION);
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
