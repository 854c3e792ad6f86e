package org.personaworkbench.app.shell;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Preferences dialog (Ctrl+,): dark theme, default seed and number format. Every control is bound to the
 * shell's properties, so a change applies at once and is remembered; the dialog has only a Close button.
 */
public final class PreferencesView {

    private final Dialog<Void> dialog = new Dialog<>();

    public PreferencesView(ShellViewModel shell, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(tr("prefs.title"));
        dialog.getDialogPane().setId("preferencesDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(org.personaworkbench.ui.UiResources.stylesheet());

        javafx.scene.control.CheckBox dark = new javafx.scene.control.CheckBox(tr("prefs.darkTheme.switch"));
        dark.setId("prefsDarkTheme");
        dark.selectedProperty().bindBidirectional(shell.darkThemeProperty());

        Spinner<Integer> seed = new Spinner<>();
        seed.setId("prefsSeed");
        seed.setEditable(true);
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, Integer.MAX_VALUE, (int) Math.min(Integer.MAX_VALUE, Math.max(0, shell.defaultSeedProperty().get())));
        seed.setValueFactory(values);
        values.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                shell.defaultSeedProperty().set(now);
            }
        });
        seed.setTooltip(new Tooltip(tr("prefs.seed.tip")));

        ComboBox<NumberLocale> locale = new ComboBox<>();
        locale.setId("prefsLocale");
        locale.getItems().setAll(NumberLocale.values());
        locale.setCellFactory(list -> new LocaleCell());
        locale.setButtonCell(new LocaleCell());
        locale.valueProperty().bindBidirectional(shell.numberLocaleProperty());
        locale.setTooltip(new Tooltip(tr("prefs.locale.tip")));

        GridPane grid = new GridPane(12, 10);
        grid.setPadding(new Insets(12, 16, 4, 16));
        grid.addRow(0, new Label(tr("prefs.darkTheme")), dark);
        grid.addRow(1, new Label(tr("prefs.seed")), seed);
        grid.addRow(2, new Label(tr("prefs.locale")), locale);
        Label hint = new Label(tr("prefs.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        hint.getStyleClass().add("text-muted");
        grid.add(hint, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
    }

    public Dialog<Void> dialog() {
        return dialog;
    }

    private static final class LocaleCell extends ListCell<NumberLocale> {
        @Override
        protected void updateItem(NumberLocale item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : tr(item.labelKey()));
        }
    }
}
