package org.personaworkbench.app.shell;

import atlantafx.base.controls.ToggleSwitch;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.Theme;
import org.personaworkbench.app.data.DataView;
import org.personaworkbench.app.data.DataViewModel;
import org.personaworkbench.app.personas.PersonasView;
import org.personaworkbench.app.personas.PersonasViewModel;
import org.personaworkbench.app.segments.SegmentsView;
import org.personaworkbench.app.segments.SegmentsViewModel;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The main window's content: menu bar (with the Ctrl+N / Ctrl+O / Ctrl+I shortcuts), the sidebar of
 * workflow steps, the welcome screen or the selected step, and a status bar with the running task's
 * progress and a Cancel button.
 */
public final class ShellView {

    private static final double SIDEBAR_TEXT_WIDTH = 168;

    private final ShellViewModel viewModel;
    private final DataView dataView;
    private final SegmentsViewModel segmentsViewModel;
    /** Built the first time the step is shown: building every step up front slowed the start. */
    private SegmentsView segmentsView;
    private final PersonasViewModel personasViewModel;
    private PersonasView personasView;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Parent welcome;
    private final Map<Step, ToggleButton> stepButtons = new EnumMap<>(Step.class);
    private final Map<Step, Supplier<? extends Parent>> stepFactories = new EnumMap<>(Step.class);
    private final Map<Step, Parent> stepViews = new EnumMap<>(Step.class);
    private final ToggleGroup stepGroup = new ToggleGroup();
    /** The system's number format, for the "System default" choice. */
    private final Locale systemFormat = Locale.getDefault(Locale.Category.FORMAT);

    public ShellView(ShellViewModel viewModel, DataViewModel dataViewModel) {
        this(viewModel, dataViewModel, null);
    }

    /** @param segmentsViewModel the Segments step, or null to leave it out (its button then stays disabled) */
    public ShellView(ShellViewModel viewModel, DataViewModel dataViewModel, SegmentsViewModel segmentsViewModel) {
        this(viewModel, dataViewModel, segmentsViewModel, null);
    }

    /**
     * @param segmentsViewModel the Segments step, or null to leave it out (its button then stays disabled)
     * @param personasViewModel the Personas step, or null to leave it out (its button then stays disabled)
     */
    public ShellView(ShellViewModel viewModel, DataViewModel dataViewModel, SegmentsViewModel segmentsViewModel,
                     PersonasViewModel personasViewModel) {
        this.viewModel = viewModel;
        this.personasViewModel = personasViewModel;
        if (personasViewModel != null) {
            viewModel.holdCloseUntil(personasViewModel::savesDone); // persona edits reach the file before it closes
        }
        this.dataView = new DataView(dataViewModel);
        this.segmentsViewModel = segmentsViewModel;
        this.welcome = WelcomeView.create(viewModel);
        root.setId("shell");
        root.getStyleClass().add("shell");
        root.setTop(menuBar());
        root.setLeft(sidebar());
        content.getStyleClass().add("content");
        content.setId("content");
        root.setCenter(content);
        root.setBottom(statusBar());

        applyNumberLocale(viewModel.numberLocaleProperty().get());
        viewModel.numberLocaleProperty().addListener((obs, old, now) -> applyNumberLocale(now));
        new TourCallout(viewModel.tour(), stepButtons::get);
        viewModel.projectProperty().addListener((obs, old, now) -> showContent());
        viewModel.selectedStepProperty().addListener((obs, old, now) -> showContent());
        showContent();
    }

    public Parent root() {
        return root;
    }

    /** Shows {@code view} when {@code step} is selected (the Data step's view is built in) and enables its button. */
    public void addStepView(Step step, Parent view) {
        addStepView(step, () -> view);
    }

    /**
     * Shows the view {@code factory} builds, the first time {@code step} is selected (so the app starts without
     * building every step), and enables the step's button.
     */
    public void addStepView(Step step, Supplier<? extends Parent> factory) {
        stepFactories.put(step, factory);
        stepViews.remove(step);
        ToggleButton button = stepButtons.get(step);
        if (step.available() && button != null && !button.disableProperty().isBound()) {
            button.disableProperty().bind(viewModel.projectProperty().isNull());
        }
        showContent();
    }

    private MenuBar menuBar() {
        MenuItem newProject = item(tr("menu.newProject"), Feather.FILE_PLUS, "Shortcut+N", viewModel::newProject);
        newProject.setId("menuNewProject");
        MenuItem open = item(tr("menu.openProject"), Feather.FOLDER, "Shortcut+O", viewModel::openProject);
        open.setId("menuOpenProject");
        MenuItem importData = item(tr("menu.importData"), Feather.UPLOAD, "Shortcut+I", this::importData);
        importData.setId("menuImportData");
        MenuItem close = item(tr("menu.closeProject"), Feather.X_SQUARE, "Shortcut+W", viewModel::closeProject);
        MenuItem quit = item(tr("menu.quit"), Feather.LOG_OUT, "Shortcut+Q", () -> root.getScene().getWindow().hide());
        newProject.disableProperty().bind(viewModel.busyProperty());
        open.disableProperty().bind(viewModel.busyProperty());
        close.disableProperty().bind(viewModel.busyProperty().or(viewModel.projectProperty().isNull()));
        importData.disableProperty().bind(viewModel.busyProperty().or(viewModel.projectProperty().isNull()));
        Menu file = new Menu(tr("menu.file"), null, newProject, open, new SeparatorMenuItem(), importData,
                new SeparatorMenuItem(), close, quit);

        javafx.scene.control.CheckMenuItem dark = new javafx.scene.control.CheckMenuItem(tr("menu.darkTheme"));
        dark.setGraphic(Icons.icon(Feather.MOON));
        dark.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        MenuItem preferences = item(tr("menu.preferences"), Feather.SETTINGS, "Shortcut+COMMA", this::showPreferences);
        preferences.setId("menuPreferences");
        Menu view = new Menu(tr("menu.view"), null, dark, new SeparatorMenuItem(), preferences);
        MenuItem tourItem = new MenuItem(tr("menu.tour"), Icons.icon(Feather.MAP));
        tourItem.setId("menuTour");
        tourItem.setOnAction(e -> viewModel.tour().start());
        tourItem.disableProperty().bind(viewModel.projectProperty().isNull());
        MenuItem about = new MenuItem(tr("menu.about"), Icons.icon(Feather.INFO));
        about.setId("menuAbout");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu(tr("menu.help"), null, tourItem, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Opens the Preferences dialog (Ctrl+,); its controls apply at once. */
    public void showPreferences() {
        new PreferencesView(viewModel, root.getScene() == null ? null : root.getScene().getWindow()).dialog().show();
    }

    /** Opens the About dialog. */
    public void showAbout() {
        new AboutView(viewModel.about(), root.getScene() == null ? null : root.getScene().getWindow()).dialog().show();
    }

    /** Numbers in tables follow the chosen locale from now on; exports keep their locale-neutral format. */
    private void applyNumberLocale(NumberLocale choice) {
        Locale.setDefault(Locale.Category.FORMAT, (choice == null ? NumberLocale.SYSTEM : choice).locale(systemFormat));
    }

    private static MenuItem item(String text, Feather icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.icon(icon));
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node sidebar() {
        Label brand = new Label(tr("app.name"), Icons.icon(Feather.USERS, 20));
        brand.getStyleClass().add("sidebar-brand");
        Label projectName = new Label();
        projectName.setId("projectNameLabel");
        projectName.getStyleClass().add("sidebar-project");
        projectName.textProperty().bind(Bindings.createStringBinding(() -> viewModel.project() == null
                ? tr("sidebar.noProject")
                : Formats.projectName(viewModel.project().project().file()), viewModel.projectProperty()));
        projectName.setGraphic(Icons.icon(Feather.HARD_DRIVE));
        Label lock = new Label(null, Icons.icon(Feather.LOCK));
        lock.getStyleClass().add("sidebar-lock");
        lock.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.project() != null && viewModel.project().project().encrypted(),
                viewModel.projectProperty()));
        HBox projectLine = new HBox(6, projectName, lock);
        projectLine.setAlignment(Pos.CENTER_LEFT);

        Label stepsTitle = new Label(tr("sidebar.workflow"));
        stepsTitle.getStyleClass().add("sidebar-section");
        VBox steps = new VBox(2);
        for (Step step : Step.values()) {
            ToggleButton button = stepButton(step);
            stepButtons.put(step, button);
            steps.getChildren().add(button);
        }
        stepGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null && viewModel.project() != null) {
                old.setSelected(true); // keep one step selected
            } else if (now != null) {
                viewModel.selectedStepProperty().set((Step) now.getUserData());
            }
        });
        viewModel.selectedStepProperty().addListener((obs, old, now) -> {
            if (now == null) {
                stepGroup.selectToggle(null);
            } else {
                stepGroup.selectToggle(stepButtons.get(now));
            }
        });

        ToggleSwitch darkSwitch = new ToggleSwitch(tr("sidebar.dark"));
        darkSwitch.setId("darkThemeSwitch");
        darkSwitch.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        viewModel.darkThemeProperty().addListener((obs, old, now) -> Theme.apply(now));

        // the steps scroll when the window is short, so the theme switch and status bar stay visible
        VBox.setVgrow(steps, Priority.ALWAYS);
        ScrollPane stepsScroll = new ScrollPane(steps);
        stepsScroll.setFitToWidth(true);
        stepsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        stepsScroll.getStyleClass().add("sidebar-scroll");
        stepsScroll.setMinHeight(0);
        VBox.setVgrow(stepsScroll, Priority.ALWAYS);
        Button gear = new Button(null, Icons.icon(Feather.SETTINGS));
        gear.setId("preferencesButton");
        gear.getStyleClass().addAll("flat", "button-icon");
        gear.setTooltip(new javafx.scene.control.Tooltip(tr("prefs.open.tip")));
        gear.setOnAction(e -> showPreferences());
        Button info = new Button(null, Icons.icon(Feather.INFO));
        info.setId("aboutButton");
        info.getStyleClass().addAll("flat", "button-icon");
        info.setTooltip(new javafx.scene.control.Tooltip(tr("about.open.tip")));
        info.setOnAction(e -> showAbout());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bottom = new HBox(4, darkSwitch, grow, gear, info);
        bottom.setAlignment(Pos.CENTER_LEFT);
        VBox sidebar = new VBox(10, brand, projectLine, stepsTitle, stepsScroll, bottom);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    private ToggleButton stepButton(Step step) {
        Label title = new Label(tr(step.titleKey()));
        title.getStyleClass().add("step-title");
        VBox text = new VBox(1, title);
        if (!step.available()) {
            // a Text with a wrapping width measures its wrapped height exactly: never cut short
            Text later = new Text(tr(step.summaryKey()));
            later.getStyleClass().add("step-later");
            later.setWrappingWidth(SIDEBAR_TEXT_WIDTH);
            text.getChildren().add(later);
        }
        HBox graphic = new HBox(10, Icons.icon(step.icon(), 18), text);
        graphic.setAlignment(step.available() ? Pos.CENTER_LEFT : Pos.TOP_LEFT);
        ToggleButton button = new ToggleButton(null, graphic);
        button.setId(step.nodeId());
        button.setUserData(step);
        button.setToggleGroup(stepGroup);
        button.getStyleClass().add("step-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setMnemonicParsing(false);
        // Rules and Export are enabled when their views are added (addStepView)
        if (step.available() && step != Step.RULES && step != Step.EXPORT
                && (step != Step.SEGMENTS || segmentsViewModel != null)
                && (step != Step.PERSONAS || personasViewModel != null)) {
            button.disableProperty().bind(viewModel.projectProperty().isNull());
        } else {
            button.setDisable(true);
        }
        return button;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.getStyleClass().add("status-text");
        ProgressBar progress = new ProgressBar();
        progress.setId("taskProgress");
        progress.setPrefWidth(220);
        Button cancel = new Button(tr("status.cancel"), Icons.icon(Feather.X_CIRCLE));
        cancel.setId("cancelTaskButton");
        cancel.getStyleClass().addAll("small");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, status, spacer, progress, cancel);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);

        Runnable update = () -> {
            var running = viewModel.tasks().running();
            BackgroundTask current = running.isEmpty() ? null : running.getLast();
            status.textProperty().unbind();
            progress.progressProperty().unbind();
            if (current == null) {
                status.textProperty().bind(viewModel.statusMessageProperty());
                progress.setVisible(false);
                cancel.visibleProperty().unbind();
                cancel.setVisible(false);
                cancel.setOnAction(null);
            } else {
                status.textProperty().bind(Bindings.createStringBinding(
                        () -> current.messageProperty().get().isBlank()
                                ? current.title()
                                : current.title() + " — " + current.messageProperty().get(),
                        current.messageProperty()));
                progress.progressProperty().bind(current.progressProperty());
                progress.setVisible(true);
                cancel.visibleProperty().bind(current.cancellableProperty());
                cancel.disableProperty().bind(current.cancelRequestedProperty());
                cancel.setOnAction(e -> current.cancel());
            }
        };
        viewModel.tasks().running().addListener((ListChangeListener<BackgroundTask>) c -> update.run());
        update.run();
        return bar;
    }

    private void importData() {
        if (viewModel.project() != null) {
            viewModel.selectedStepProperty().set(Step.DATA);
            dataView.startImport();
        }
    }

    private void showContent() {
        if (viewModel.project() == null) {
            content.getChildren().setAll(welcome);
            return;
        }
        Step step = viewModel.selectedStepProperty().get();
        if (step == null || step == Step.DATA) {
            content.getChildren().setAll(dataView.root());
        } else if (step == Step.SEGMENTS && segmentsViewModel != null) {
            if (segmentsView == null) {
                segmentsView = new SegmentsView(segmentsViewModel);
            }
            content.getChildren().setAll(segmentsView.root());
            segmentsViewModel.refresh(); // the Features step may have made new feature sets
        } else if (step == Step.PERSONAS && personasViewModel != null) {
            if (personasView == null) {
                personasView = new PersonasView(personasViewModel);
            }
            content.getChildren().setAll(personasView.root());
            personasViewModel.refresh(); // the Segments step may have saved new runs
        } else if (stepFactories.containsKey(step)) {
            content.getChildren().setAll(stepViews.computeIfAbsent(step, s -> stepFactories.get(s).get()));
        } else {
            content.getChildren().setAll(laterStep(step));
        }
    }

    /** Only reachable if a later step were enabled by mistake: says honestly what it will hold. */
    private static Node laterStep(Step step) {
        Label title = new Label(tr(step.titleKey()), Icons.icon(step.icon(), 24));
        title.getStyleClass().add("title-2");
        Label text = new Label(tr(step.summaryKey()));
        text.setWrapText(true);
        VBox box = new VBox(12, title, text);
        box.getStyleClass().add("later-step");
        return box;
    }
}
