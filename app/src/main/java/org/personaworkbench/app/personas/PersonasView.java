package org.personaworkbench.app.personas;

import org.personaworkbench.app.common.TaskControls;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.app.common.TextColumns;
import org.personaworkbench.engine.personas.ActionableGoal;
import org.personaworkbench.engine.personas.ContentRow;
import org.personaworkbench.engine.personas.Persona;
import org.personaworkbench.engine.personas.StickyNote;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Personas step: the run chooser with undo/redo, save status, compare, workshop and export commands at the
 * top; the gallery of persona cards; and below it the selected persona's story, content map, notes and trait
 * table, and the comparison of the checked personas, in tabs.
 */
public final class PersonasView {

    static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    private static final DateTimeFormatter NOTE_TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
    private static final PseudoClass SIGNIFICANT = PseudoClass.getPseudoClass("significant");

    private final PersonasViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final FlowPane gallery = new FlowPane(14, 14);
    private final List<CommittingText> texts = new ArrayList<>();
    private final TabPane tabs = new TabPane();
    private Tab compareTab;
    private WorkshopWindow workshop;
    /** True while the editor shows a persona, so its controls' listeners do not take that for an edit. */
    private boolean filling;

    public PersonasView(PersonasViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("personasView");
        root.getStyleClass().addAll("step-view", "personas-view");
        root.setTop(new VBox(header(), toolbar()));
        root.setCenter(body());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::shortcut);
        viewModel.beforeProjectChange(this::commitTexts);
    }

    public Parent root() {
        return root;
    }

    /** The workshop window while it is open, else null (for tests). */
    WorkshopWindow workshop() {
        return workshop;
    }

    // ---- header: title, progress with Cancel ----

    private Node header() {
        Label title = new Label(tr("step.personas"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("personas.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        about.setMinWidth(0);
        VBox text = new VBox(2, title, about);
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox running = TaskControls.line("personas", viewModel.currentTaskProperty(), 160, 260);
        running.managedProperty().bind(running.visibleProperty());
        HBox top = new HBox(16, text, running);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top);
        box.getStyleClass().add("step-header");
        return box;
    }

    // ---- toolbar: run, undo/redo, save status, compare, workshop, exports ----

    private Node toolbar() {
        ComboBox<SegmentationRunInfo> run = new ComboBox<>(viewModel.runs());
        run.setId("personaRunChoice");
        run.setPromptText(tr("personas.noRuns"));
        run.setPrefWidth(330);
        run.setConverter(new StringConverter<>() {
            @Override
            public String toString(SegmentationRunInfo r) {
                return r == null ? "" : tr("personas.run.item", r.name(), r.segments(), Formats.count(r.rows()));
            }

            @Override
            public SegmentationRunInfo fromString(String s) {
                return null;
            }
        });
        run.valueProperty().bindBidirectional(viewModel.selectedRunProperty());
        run.disableProperty().bind(viewModel.busyProperty());
        Label runLabel = new Label(tr("personas.run"));

        Button undo = new Button(null, Icons.icon(Feather.CORNER_UP_LEFT));
        undo.setId("personasUndoButton");
        undo.disableProperty().bind(viewModel.history().canUndoProperty().not());
        undo.setOnAction(e -> viewModel.undo());
        Tooltip undoTip = new Tooltip();
        undoTip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.history().canUndoProperty().get()
                        ? tr("personas.undo.tip", viewModel.history().undoDescriptionProperty().get())
                        : tr("personas.undo.none"),
                viewModel.history().undoDescriptionProperty(), viewModel.history().canUndoProperty()));
        undo.setTooltip(undoTip);
        Button redo = new Button(null, Icons.icon(Feather.CORNER_UP_RIGHT));
        redo.setId("personasRedoButton");
        redo.disableProperty().bind(viewModel.history().canRedoProperty().not());
        redo.setOnAction(e -> viewModel.redo());
        Tooltip redoTip = new Tooltip();
        redoTip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.history().canRedoProperty().get()
                        ? tr("personas.redo.tip", viewModel.history().redoDescriptionProperty().get())
                        : tr("personas.redo.none"),
                viewModel.history().redoDescriptionProperty(), viewModel.history().canRedoProperty()));
        redo.setTooltip(redoTip);

        Label saved = new Label();
        saved.setId("personasSaveStatus");
        saved.getStyleClass().add("save-status");
        Runnable status = () -> {
            SaveStatus s = viewModel.saveStatusProperty().get();
            saved.setText(switch (s) {
                case IDLE -> "";
                case SAVING -> tr("personas.status.saving");
                case SAVED -> tr("personas.status.saved");
                case FAILED -> tr("personas.status.failed");
            });
            saved.setGraphic(s == SaveStatus.IDLE ? null : Icons.icon(switch (s) {
                case SAVING -> Feather.UPLOAD_CLOUD;
                case FAILED -> Feather.ALERT_TRIANGLE;
                default -> Feather.CHECK;
            }));
            saved.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), s == SaveStatus.FAILED);
        };
        viewModel.saveStatusProperty().addListener((obs, old, now) -> status.run());
        status.run();
        saved.setTooltip(new Tooltip(tr("personas.status.tip")));

        Button compare = new Button(tr("personas.compare"), Icons.icon(Feather.COLUMNS));
        compare.setId("personasCompareButton");
        compare.disableProperty().bind(viewModel.comparisonProperty().isNull());
        compare.setTooltip(new Tooltip(tr("personas.compare.tip")));
        compare.setOnAction(e -> tabs.getSelectionModel().select(compareTab));

        Button workshopButton = new Button(tr("personas.workshop"), Icons.icon(Feather.MONITOR));
        workshopButton.setId("personasWorkshopButton");
        workshopButton.setTooltip(new Tooltip(tr("personas.workshop.tip")));
        workshopButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        workshopButton.setOnAction(e -> openWorkshop());

        MenuItem png = new MenuItem(tr("personas.export.cardPng"), Icons.icon(Feather.IMAGE));
        png.setId("exportCardPng");
        png.setOnAction(e -> viewModel.exportCardPng());
        MenuItem pdf = new MenuItem(tr("personas.export.cardPdf"), Icons.icon(Feather.FILE));
        pdf.setId("exportCardPdf");
        pdf.setOnAction(e -> viewModel.exportCardPdf());
        png.disableProperty().bind(viewModel.selectedProperty().isNull());
        pdf.disableProperty().bind(viewModel.selectedProperty().isNull());
        MenuItem deck = new MenuItem(tr("personas.export.deck"), Icons.icon(Feather.BOOK_OPEN));
        deck.setId("exportDeck");
        deck.setOnAction(e -> viewModel.exportDeck());
        MenuItem json = new MenuItem(tr("personas.export.json"), Icons.icon(Feather.CODE));
        json.setId("exportJson");
        json.setOnAction(e -> viewModel.exportJson());
        deck.disableProperty().bind(Bindings.isEmpty(viewModel.personas()));
        json.disableProperty().bind(Bindings.isEmpty(viewModel.personas()));
        MenuItem importJson = new MenuItem(tr("personas.import.title"), Icons.icon(Feather.DOWNLOAD));
        importJson.setId("importJson");
        importJson.setOnAction(e -> {
            commitTexts();
            viewModel.importJson();
        });
        importJson.disableProperty().bind(viewModel.loadedProperty().not());
        MenuButton export = new MenuButton(tr("personas.export"), Icons.icon(Feather.SHARE),
                png, pdf, deck, json, new SeparatorMenuItem(), importJson);
        export.setId("personasExportMenu");
        export.disableProperty().bind(viewModel.busyProperty());

        HBox bar = new HBox(8, runLabel, run, undo, redo, saved, PersonaCard.spacer(), compare, workshopButton,
                export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("personas-toolbar");

        Label message = StepMessage.label("personasMessage", viewModel.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, bar, message);
        box.getStyleClass().add("personas-toolbar-box");
        return box;
    }

    private void shortcut(KeyEvent e) {
        if (REDO.match(e) || REDO_Y.match(e)) {
            commitTexts();
            viewModel.redo();
            e.consume();
        } else if (UNDO.match(e)) {
            commitTexts();
            viewModel.undo();
            e.consume();
        }
    }

    /** Commits every editor field the analyst typed in (before the selection or the run changes). */
    private void commitTexts() {
        texts.forEach(CommittingText::commit);
    }

    // ---- body: empty state, gallery over the editor ----

    private Node body() {
        Label empty = new Label(tr("personas.empty"), Icons.icon(Feather.USERS, 28));
        empty.setId("personasEmpty");
        empty.getStyleClass().add("personas-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(560);
        StackPane emptyBox = new StackPane(empty);
        emptyBox.visibleProperty().bind(Bindings.isEmpty(viewModel.runs()));

        gallery.setId("personaGallery");
        gallery.getStyleClass().add("persona-gallery");
        ScrollPane galleryScroll = new ScrollPane(gallery);
        galleryScroll.setFitToWidth(true);
        galleryScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        galleryScroll.getStyleClass().add("persona-gallery-scroll");
        viewModel.personas().addListener((ListChangeListener<Persona>) c -> fillGallery());
        viewModel.selectedProperty().addListener((obs, old, now) -> markSelection());
        viewModel.checked().addListener((SetChangeListener<Integer>) c -> markSelection());

        tabs.setId("personaTabs");
        tabs.getStyleClass().add("persona-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        compareTab = tab("compareTab", key("personas.tab.compare"), compareTab());
        tabs.getTabs().addAll(tab("storyTab", key("personas.tab.story"), storyTab()),
                tab("traitsTab", key("personas.tab.traits"), traitsTab()),
                tab("contentTab", key("personas.tab.content"), contentTab()),
                tab("notesTab", key("personas.tab.notes"), notesTab()),
                compareTab);

        SplitPane split = new SplitPane(galleryScroll, tabs);
        split.setId("personasSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        split.getStyleClass().add("personas-split");
        split.visibleProperty().bind(Bindings.isNotEmpty(viewModel.runs()));

        viewModel.selectedProperty().addListener((obs, old, now) -> fillEditor(now));
        fillEditor(viewModel.selectedProperty().get());
        fillGallery();
        return new StackPane(emptyBox, split);
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(tr(key), content);
        t.setId(id);
        return t;
    }

    private void fillGallery() {
        List<Node> cards = new ArrayList<>();
        for (Persona p : viewModel.personas()) {
            cards.add(new PersonaCard(p, viewModel.checked().contains(p.segment()), segment -> {
                commitTexts();
                viewModel.select(segment);
            }, viewModel::setChecked));
        }
        List<Integer> before = gallery.getChildren().stream().map(n -> ((PersonaCard) n).segment()).toList();
        Integer focused = gallery.getChildren().stream().filter(Node::isFocused)
                .map(n -> ((PersonaCard) n).segment()).findFirst().orElse(null);
        gallery.getChildren().setAll(cards);
        if (focused != null) { // an edit rebuilt the focused card: keep the keys (Ctrl+Z) in the gallery
            cards.stream().filter(n -> ((PersonaCard) n).segment() == focused).findFirst().ifPresent(Node::requestFocus);
        }
        if (!before.equals(viewModel.personas().stream().map(Persona::segment).toList())
                && gallery.getParent() != null && gallery.getParent().getParent() instanceof ScrollPane sp) {
            sp.setVvalue(0); // another run: start at the top
        }
        markSelection();
    }

    private void markSelection() {
        Persona selected = viewModel.selectedProperty().get();
        for (Node n : gallery.getChildren()) {
            PersonaCard card = (PersonaCard) n;
            card.setSelected(selected != null && selected.segment() == card.segment());
            card.setChecked(viewModel.checked().contains(card.segment()));
        }
    }

    // ---- story: the persona's texts, goal and colour ----

    private ChoiceBox<ActionableGoal> goal;
    private ColorPicker color;

    private Node storyTab() {
        TextField name = text("personaNameField", Persona::name, viewModel::rename);
        TextField summary = text("personaSummaryField", Persona::summary, viewModel::editSummary);
        TextField channels = text("personaChannelsField", Persona::channels, viewModel::editChannels);
        channels.setPromptText(tr("personas.field.channelsPrompt"));
        TextField quote = text("personaQuoteField", Persona::quote, viewModel::editQuote);
        TextArea description = area("personaDescriptionField", Persona::description, viewModel::editDescription);
        TextArea goals = area("personaGoalsField", Persona::goals, viewModel::editGoals);
        TextArea pains = area("personaPainPointsField", Persona::painPoints, viewModel::editPainPoints);

        goal = new ChoiceBox<>(FXCollections.observableArrayList(ActionableGoal.values()));
        goal.setId("personaGoalChoice");
        goal.setConverter(new StringConverter<>() {
            @Override
            public String toString(ActionableGoal g) {
                return g == null ? "" : GoalText.label(g);
            }

            @Override
            public ActionableGoal fromString(String s) {
                return null;
            }
        });
        goal.setTooltip(new Tooltip(tr("personas.tip.goal")));
        goal.valueProperty().addListener((obs, old, now) -> {
            Persona p = viewModel.selectedProperty().get();
            if (!filling && p != null && now != null) {
                viewModel.changeGoal(p.segment(), now);
            }
        });
        color = new ColorPicker();
        color.setId("personaColorPicker");
        color.valueProperty().addListener((obs, old, now) -> {
            Persona p = viewModel.selectedProperty().get();
            if (!filling && p != null && now != null) {
                viewModel.changeColor(p.segment(), PersonaCard.toHex(now));
            }
        });
        HBox goalLine = new HBox(8, goal, color);
        goalLine.setAlignment(Pos.CENTER_LEFT);

        GridPane left = form();
        left.addRow(0, fieldLabel(key("personas.field.name")), name);
        left.addRow(1, fieldLabel(key("personas.field.summary")), summary);
        left.addRow(2, fieldLabel(key("personas.field.goal")), goalLine);
        left.addRow(3, fieldLabel(key("personas.field.channels")), channels);
        left.addRow(4, fieldLabel(key("personas.field.quote")), quote);
        GridPane right = form();
        right.addRow(0, fieldLabel(key("personas.field.description")), description);
        right.addRow(1, fieldLabel(key("personas.field.goals")), goals);
        right.addRow(2, fieldLabel(key("personas.field.painPoints")), pains);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(420);
        right.setPrefWidth(420);
        HBox both = new HBox(20, left, right);
        both.getStyleClass().add("tab-body");
        ScrollPane scroll = new ScrollPane(both);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("persona-form-scroll");
        return scroll;
    }

    private static GridPane form() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private static Label fieldLabel(String key) {
        Label l = new Label(tr(key));
        l.getStyleClass().add("field-label");
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }

    private TextField text(String id, Function<Persona, String> value, CommittingText.Commit commit) {
        TextField f = new TextField();
        f.setId(id);
        texts.add(new CommittingText(f, value, commit));
        return f;
    }

    private TextArea area(String id, Function<Persona, String> value, CommittingText.Commit commit) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(3);
        a.setTooltip(new Tooltip(tr("personas.field.areaTip")));
        texts.add(new CommittingText(a, value, commit));
        return a;
    }

    private void fillEditor(Persona p) {
        filling = true;
        try {
            texts.forEach(t -> t.show(p));
            goal.setDisable(p == null);
            color.setDisable(p == null);
            if (p != null) {
                goal.setValue(p.goal());
                color.setValue(PersonaCard.color(p.color()));
            }
            contentTable.setDisable(p == null);
            if (p == null) {
                contentTable.getItems().clear();
                notesList.getItems().clear();
            } else {
                if (!contentTable.getItems().equals(p.contentMap())) {
                    contentTable.getItems().setAll(p.contentMap());
                }
                if (!notesList.getItems().equals(p.notes())) {
                    notesList.getItems().setAll(p.notes());
                }
            }
            traitsHeading.setText(p == null ? tr("personas.noSelection")
                    : tr("personas.traits.heading", p.name()));
            List<Node> chips = new ArrayList<>();
            chips.add(traitsHeading);
            if (p != null) {
                p.traits().forEach(t -> chips.add(chip(t)));
            }
            traitList.getChildren().setAll(chips);
        } finally {
            filling = false;
        }
    }

    private static Label chip(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("trait-chip");
        return l;
    }

    // ---- traits: the tested features of the selected persona's segment ----

    private final Label traitsHeading = new Label();
    private final FlowPane traitList = new FlowPane(6, 6);

    private Node traitsTab() {
        traitsHeading.getStyleClass().add("title-4");
        traitList.setId("personaTraitChips");
        traitList.setRowValignment(javafx.geometry.VPos.CENTER);
        TableView<TraitRow> table = new TableView<>(viewModel.traits());
        table.setId("personaTraitTable");
        table.getStyleClass().addAll(Styles.DENSE, "trait-table");
        table.getColumns().add(withTip(TextColumns.of(tr("personas.col.feature"), TraitRow::feature, 170, 110),
                key("personas.tip.feature")));
        table.getColumns().add(number(key("personas.col.mean"), key("personas.tip.mean"), r -> FigureText.number(r.mean())));
        table.getColumns().add(number(key("personas.col.othersMean"), key("personas.tip.othersMean"),
                r -> FigureText.number(r.othersMean())));
        table.getColumns().add(number(key("personas.col.lift"), key("personas.tip.lift"), r -> Double.isFinite(r.lift())
                ? tr("personas.times", Formats.number(r.lift())) : FigureText.NONE));
        table.getColumns().add(number(key("personas.col.effect"), key("personas.tip.effect"),
                r -> FigureText.number(r.effectSize())));
        table.getColumns().add(number(key("personas.col.p"), key("personas.tip.p"), r -> FigureText.pValue(r.p())));
        table.getColumns().add(number(key("personas.col.q"), key("personas.tip.q"), r -> FigureText.pValue(r.q())));
        table.getColumns().add(withTip(TextColumns.of(tr("personas.col.significant"),
                r -> r.significant() ? tr("personas.significant.yes") : "", 80, 60), key("personas.tip.significant")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TraitRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(SIGNIFICANT, !empty && row != null && row.significant());
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(muted(tr("personas.traits.none")));
        Label note = muted(tr("personas.traits.note"));
        note.setWrapText(true);
        VBox box = new VBox(8, traitList, table, note);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private static <S, T> TableColumn<S, T> withTip(TableColumn<S, T> column, String tipKey) {
        Label header = new Label(column.getText());
        header.setTooltip(new Tooltip(tr(tipKey)));
        header.setMaxWidth(Double.MAX_VALUE);
        column.setGraphic(header);
        column.setText(null);
        return column;
    }

    private static <S> TableColumn<S, String> number(String titleKey, String tipKey, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(tr(titleKey));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.getStyleClass().add("numeric-column");
        c.setPrefWidth(96);
        c.setMinWidth(70);
        return withTip(c, tipKey);
    }

    // ---- content map: editable in place, rows added and removed ----

    private final TableView<ContentRow> contentTable = new TableView<>();

    private Node contentTab() {
        contentTable.setId("contentMapTable");
        contentTable.getStyleClass().add(Styles.DENSE);
        contentTable.setEditable(true);
        contentTable.getColumns().add(contentColumn(key("personas.col.contentType"), ContentRow::contentType,
                (r, v) -> new ContentRow(v, r.messagingFocus(), r.channel()), 200));
        contentTable.getColumns().add(contentColumn(key("personas.col.messagingFocus"), ContentRow::messagingFocus,
                (r, v) -> new ContentRow(r.contentType(), v, r.channel()), 380));
        contentTable.getColumns().add(contentColumn(key("personas.col.channel"), ContentRow::channel,
                (r, v) -> new ContentRow(r.contentType(), r.messagingFocus(), v), 180));
        contentTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        contentTable.setPlaceholder(muted(tr("personas.content.none")));

        Button add = new Button(tr("personas.content.add"), Icons.icon(Feather.PLUS));
        add.setId("addContentRowButton");
        add.disableProperty().bind(viewModel.selectedProperty().isNull());
        add.setOnAction(e -> {
            Persona p = viewModel.selectedProperty().get();
            viewModel.addContentRow(p.segment());
            int last = contentTable.getItems().size() - 1;
            contentTable.getSelectionModel().select(last);
            contentTable.layout();
            contentTable.edit(last, contentTable.getColumns().getFirst());
        });
        Button remove = new Button(tr("personas.content.remove"), Icons.icon(Feather.MINUS));
        remove.setId("removeContentRowButton");
        remove.disableProperty().bind(contentTable.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Persona p = viewModel.selectedProperty().get();
            viewModel.removeContentRow(p.segment(), contentTable.getSelectionModel().getSelectedIndex());
        });
        Label hint = muted(tr("personas.content.hint"));
        HBox buttons = new HBox(8, add, remove, hint);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, contentTable, buttons);
        VBox.setVgrow(contentTable, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private TableColumn<ContentRow, String> contentColumn(String titleKey, Function<ContentRow, String> value,
                                                          java.util.function.BiFunction<ContentRow, String, ContentRow> with,
                                                          double width) {
        TableColumn<ContentRow, String> c = new TableColumn<>(tr(titleKey));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setPrefWidth(width);
        c.setOnEditCommit(e -> {
            Persona p = viewModel.selectedProperty().get();
            int index = e.getTablePosition().getRow();
            if (p != null && index >= 0 && index < p.contentMap().size()) {
                viewModel.editContentRow(p.segment(), index, with.apply(p.contentMap().get(index),
                        e.getNewValue() == null ? "" : e.getNewValue()));
            }
        });
        return c;
    }

    // ---- sticky notes ----

    private final ListView<StickyNote> notesList = new ListView<>();

    private Node notesTab() {
        notesList.setId("personaNotesList");
        notesList.setCellFactory(l -> new NoteCell());
        notesList.setPlaceholder(muted(tr("personas.notes.none")));
        TextField note = new TextField();
        note.setId("personaNoteField");
        note.setPromptText(tr("personas.notes.prompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        Runnable add = () -> {
            Persona p = viewModel.selectedProperty().get();
            if (p != null && !note.getText().isBlank()) {
                viewModel.addNote(p.segment(), note.getText());
                note.clear();
            }
        };
        note.setOnAction(e -> add.run());
        note.disableProperty().bind(viewModel.selectedProperty().isNull());
        Button addButton = new Button(tr("personas.notes.add"), Icons.icon(Feather.PLUS));
        addButton.setId("addNoteButton");
        addButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        addButton.setOnAction(e -> add.run());
        Button remove = new Button(tr("personas.notes.remove"), Icons.icon(Feather.TRASH_2));
        remove.setId("removeNoteButton");
        remove.disableProperty().bind(notesList.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Persona p = viewModel.selectedProperty().get();
            viewModel.removeNote(p.segment(), notesList.getSelectionModel().getSelectedIndex());
        });
        HBox line = new HBox(8, note, addButton, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, line, notesList);
        VBox.setVgrow(notesList, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /** A sticky note: its text and when it was noted. */
    static final class NoteCell extends ListCell<StickyNote> {
        @Override
        protected void updateItem(StickyNote n, boolean empty) {
            super.updateItem(n, empty);
            if (empty || n == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(n.text());
            text.setWrapText(true);
            text.getStyleClass().add("note-text");
            Label at = new Label(NOTE_TIME.format(n.createdAt()));
            at.getStyleClass().addAll("text-muted", "text-small");
            VBox box = new VBox(2, text, at);
            box.getStyleClass().add("sticky-note");
            setText(null);
            setGraphic(box);
        }
    }

    // ---- comparison of the checked personas ----

    private Node compareTab() {
        TableView<PersonaComparison.Row> table = new TableView<>();
        table.setId("comparisonTable");
        table.getStyleClass().addAll(Styles.DENSE, "comparison-table");
        table.setPlaceholder(muted(tr("personas.compare.none")));
        viewModel.comparisonProperty().addListener((obs, old, now) -> fillComparison(table, now));
        fillComparison(table, viewModel.comparisonProperty().get());
        VBox box = new VBox(8, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private static void fillComparison(TableView<PersonaComparison.Row> table, PersonaComparison c) {
        table.getColumns().clear();
        if (c == null) {
            table.getItems().clear();
            return;
        }
        TableColumn<PersonaComparison.Row, String> label = new TableColumn<>(tr("personas.compare.figure"));
        label.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().label()));
        label.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                PersonaComparison.Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.tip()));
            }
        });
        label.setPrefWidth(170);
        label.setMinWidth(150);
        label.getStyleClass().add("comparison-label");
        table.getColumns().add(label);
        for (int i = 0; i < c.personas().size(); i++) {
            int at = i;
            Persona p = c.personas().get(i);
            TableColumn<PersonaComparison.Row, Object> col = TextColumns.of(p.name(),
                    r -> r.values().get(at), 200, 120);
            Label header = new Label(p.name());
            header.setGraphic(new javafx.scene.shape.Circle(6, PersonaCard.color(p.color())));
            col.setGraphic(header);
            col.setText(null);
            table.getColumns().add(col);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getItems().setAll(c.rows());
    }

    // ---- workshop mode ----

    private void openWorkshop() {
        commitTexts();
        if (workshop != null) {
            workshop.toFront();
            return;
        }
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        workshop = new WorkshopWindow(viewModel, owner, root.getScene() == null ? List.of()
                : root.getScene().getStylesheets());
        workshop.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> workshop = null);
        workshop.show();
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }
}
