package org.personaworkbench.app.shell;

import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.ViewLoader;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The welcome screen (FXML controller): new and open project, the recent projects (missing files greyed
 * and removable) and the sample projects, built on first use into the user's data folder.
 */
public final class WelcomeView {

    private final ShellViewModel viewModel;

    @FXML
    private ScrollPane welcomeRoot;
    @FXML
    private Button newProjectButton;
    @FXML
    private Button openProjectButton;
    @FXML
    private ListView<RecentProject> recentList;
    @FXML
    private VBox sampleList;
    @FXML
    private Label sampleHint;

    public WelcomeView(ShellViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Loads the FXML view with this controller. */
    public static Parent create(ShellViewModel viewModel) {
        return ViewLoader.load("WelcomeView", ViewLoader.controller(new WelcomeView(viewModel)));
    }

    @FXML
    private void initialize() {
        newProjectButton.disableProperty().bind(viewModel.busyProperty());
        openProjectButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.samples().addListener((javafx.collections.ListChangeListener<ShellViewModel.SampleEntry>) c ->
                showSamples());
        showSamples();
        recentList.setItems(viewModel.recentProjects());
        recentList.setPlaceholder(new Label(tr("welcome.recent.none")));
        recentList.setCellFactory(list -> new RecentCell());
        recentList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        recentList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                RecentProject r = recentList.getSelectionModel().getSelectedItem();
                if (r != null) {
                    viewModel.removeRecent(r.file());
                }
            }
        });
    }

    @FXML
    private void newProject() {
        viewModel.newProject();
    }

    @FXML
    private void openProject() {
        viewModel.openProject();
    }

    /** One row per sample: title, one-line description, "built" mark, Rebuild (when built) and Open. */
    private void showSamples() {
        sampleList.getChildren().clear();
        for (ShellViewModel.SampleEntry entry : viewModel.samples()) {
            String name = entry.sample().name();
            Label title = new Label(entry.sample().title());
            title.getStyleClass().add("text-bold");
            Label built = new Label(tr("welcome.sample.built"));
            built.getStyleClass().addAll("sample-built", "text-small");
            built.setVisible(entry.built());
            built.setManaged(entry.built());
            HBox titleLine = new HBox(8, title, built);
            titleLine.setAlignment(Pos.BASELINE_LEFT);
            Label description = new Label(entry.sample().description());
            description.getStyleClass().addAll("text-muted", "text-small");
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            VBox text = new VBox(2, titleLine, description);
            text.setMinWidth(0);
            text.setPrefWidth(400); // a modest preferred width, so the description wraps to two lines, not one long one
            HBox.setHgrow(text, Priority.ALWAYS);
            Button rebuild = new Button(tr("welcome.sample.rebuild"), Icons.icon(Feather.REFRESH_CW));
            rebuild.setId("rebuildSample-" + name);
            rebuild.getStyleClass().addAll("flat", "small");
            rebuild.setMinWidth(Region.USE_PREF_SIZE);
            rebuild.setTooltip(new Tooltip(tr("welcome.sample.rebuildTip")));
            rebuild.setVisible(entry.built());
            rebuild.setManaged(entry.built());
            rebuild.disableProperty().bind(viewModel.busyProperty());
            rebuild.setOnAction(e -> viewModel.rebuildSample(entry));
            Button open = new Button(tr("welcome.sample.open", entry.sample().title()), Icons.icon(Feather.PLAY));
            open.setId("openSample-" + name);
            open.setMinWidth(Region.USE_PREF_SIZE);
            open.disableProperty().bind(viewModel.busyProperty());
            open.setOnAction(e -> viewModel.openSample(entry));
            HBox row = new HBox(10, text, rebuild, open);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("sample-row");
            sampleList.getChildren().add(row);
        }
        boolean any = !viewModel.samples().isEmpty();
        sampleHint.setText(any ? tr("welcome.sample.hint",
                viewModel.samples().getFirst().file().getParent()) : "");
    }

    private void openSelected() {
        RecentProject r = recentList.getSelectionModel().getSelectedItem();
        if (r != null && r.exists() && !viewModel.busyProperty().get()) {
            viewModel.open(r.file());
        }
    }

    private final class RecentCell extends ListCell<RecentProject> {
        private final Label name = new Label();
        private final Label path = new Label();
        private final Label missing = new Label(tr("welcome.recent.missing"));
        private final Button open = new Button(tr("welcome.recent.open"));
        private final Button remove = new Button(null, Icons.icon(Feather.X));
        private final HBox box;
        private final javafx.beans.property.BooleanProperty missingFile = new javafx.beans.property.SimpleBooleanProperty();

        RecentCell() {
            open.disableProperty().bind(missingFile.or(viewModel.busyProperty()));
            name.getStyleClass().add("recent-name");
            path.getStyleClass().addAll("recent-path", "text-muted", "text-small");
            missing.getStyleClass().addAll("recent-missing", "text-small");
            remove.getStyleClass().addAll("flat", "button-icon");
            remove.setTooltip(new Tooltip(tr("welcome.recent.remove")));
            open.getStyleClass().add("small");
            HBox titleLine = new HBox(8, name, missing);
            titleLine.setAlignment(Pos.BASELINE_LEFT);
            VBox text = new VBox(2, titleLine, path);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box = new HBox(10, Icons.icon(Feather.FILE_TEXT, 18), text, spacer, open, remove);
            box.setAlignment(Pos.CENTER_LEFT);
            text.setMinWidth(0);
            open.setOnAction(e -> {
                RecentProject r = getItem();
                if (r != null) {
                    viewModel.open(r.file());
                }
            });
            remove.setOnAction(e -> {
                RecentProject r = getItem();
                if (r != null) {
                    viewModel.removeRecent(r.file());
                }
            });
        }

        @Override
        protected void updateItem(RecentProject item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("missing");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(Formats.projectName(item.file()));
            path.setText(item.file().toString());
            missing.setVisible(!item.exists());
            missing.setManaged(!item.exists());
            missingFile.set(!item.exists());
            if (!item.exists()) {
                getStyleClass().add("missing");
            }
            setGraphic(box);
        }
    }
}
