package org.personaworkbench.app.rules;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.TextColumns;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Rules step: saved rule segments on the left; the editor (builder rows, rule text with its error and
 * caret, live member count) in the middle; the overlap with a run's segments and "start from a segment" below.
 * Typing is debounced {@value #DEBOUNCE_MS} ms before the count runs.
 */
public final class RulesView {

    static final int DEBOUNCE_MS = 300;

    private final RulesViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final VBox builder = new VBox(6);

    public RulesView(RulesViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("rulesView");
        root.getStyleClass().addAll("step-view", "rules-view");
        root.setTop(header());
        SplitPane split = new SplitPane(savedList(), editor());
        split.setDividerPositions(0.25);
        split.getStyleClass().add("data-split");
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        root.setCenter(split);

        PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MS));
        debounce.setOnFinished(e -> viewModel.countNow());
        viewModel.ruleTextProperty().addListener((obs, old, now) -> debounce.playFromStart());
        viewModel.rootProperty().addListener((obs, old, now) -> drawBuilder());
        viewModel.structureProperty().addListener((obs, old, now) -> drawBuilder());
        viewModel.fields().addListener((javafx.collections.ListChangeListener<FieldChoice>) c -> drawBuilder());
        drawBuilder();
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label title = new Label(tr("step.rules"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("rules.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        VBox box = new VBox(4, title, about);
        box.getStyleClass().add("step-header");
        return box;
    }

    // ---- saved rules ----

    private Node savedList() {
        Label title = new Label(tr("rules.saved.title"), Icons.icon(Feather.BOOKMARK));
        title.getStyleClass().add("title-4");
        ListView<SavedRuleRow> list = new ListView<>(viewModel.savedRules());
        list.setId("savedRuleList");
        list.setPlaceholder(muted(tr("rules.saved.none")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SavedRuleRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(row.name() + "\n" + (row.members() < 0 ? tr("rules.saved.uncounted")
                        : tr("rules.saved.members", Formats.count(row.members()), row.members())));
                setTooltip(new Tooltip(row.ruleText()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.open(now));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button newRule = new Button(tr("rules.new"), Icons.icon(Feather.PLUS));
        newRule.setId("newRuleButton");
        newRule.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            viewModel.newRule();
        });
        Button delete = new Button(tr("rules.delete"), Icons.icon(Feather.TRASH_2));
        delete.setId("deleteRuleButton");
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> viewModel.delete(list.getSelectionModel().getSelectedItem()));
        HBox buttons = new HBox(6, newRule, delete);
        newRule.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, title, list, buttons);
        box.getStyleClass().add("segments-card");
        VBox.setVgrow(box, Priority.ALWAYS);
        VBox column = new VBox(12, box, fromSegmentCard());
        column.setMinWidth(250);
        return column;
    }

    // ---- editor ----

    private Node editor() {
        TextField name = new TextField();
        name.setId("ruleNameField");
        name.setPromptText(tr("rules.name.prompt"));
        name.textProperty().bindBidirectional(viewModel.saveNameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button save = new Button(tr("rules.save"), Icons.icon(Feather.SAVE));
        save.setId("saveRuleButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.projectProperty().isNull());
        save.setOnAction(e -> viewModel.save());
        Label saved = new Label();
        saved.setId("rulesMessage");
        saved.getStyleClass().addAll("text-muted", "text-small");
        saved.setGraphic(Icons.icon(Feather.CHECK));
        saved.textProperty().bind(viewModel.messageProperty());
        saved.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());
        saved.setMaxWidth(260);
        HBox nameLine = new HBox(8, new Label(tr("rules.name")), name, save, saved);
        nameLine.setAlignment(Pos.CENTER_LEFT);

        builder.setId("ruleBuilder");
        ScrollPane builderScroll = new ScrollPane(builder);
        builderScroll.setFitToWidth(true);
        builderScroll.setPrefViewportHeight(175);
        builderScroll.setMinHeight(120);
        builderScroll.getStyleClass().add("rule-builder-scroll");
        Label note = new Label();
        note.setId("builderNote");
        note.getStyleClass().add("text-muted");
        note.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE));
        note.textProperty().bind(viewModel.builderNoteProperty());
        note.visibleProperty().bind(viewModel.builderNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        TextArea text = new TextArea();
        text.setId("ruleTextArea");
        text.getStyleClass().add("rule-text");
        text.setWrapText(true);
        text.setPrefRowCount(2);
        text.setPrefHeight(52);
        text.setPromptText(tr("rules.text.prompt"));
        text.textProperty().bindBidirectional(viewModel.ruleTextProperty());

        Label error = new Label();
        error.setId("ruleError");
        error.getStyleClass().addAll("rule-error", Styles.DANGER);
        error.setWrapText(true);
        error.setGraphic(Icons.icon(Feather.ALERT_CIRCLE));
        Label caret = new Label();
        caret.setId("ruleCaret");
        caret.getStyleClass().add("rule-caret");
        Runnable showError = () -> {
            RuleError e = viewModel.errorProperty().get();
            error.setText(e == null ? "" : e.message());
            caret.setText(e == null ? "" : caretLines(viewModel.ruleTextProperty().get(), e.column()));
        };
        viewModel.errorProperty().addListener((obs, old, now) -> showError.run());
        for (Node n : List.of(error, caret)) {
            n.visibleProperty().bind(viewModel.errorProperty().isNotNull());
            n.managedProperty().bind(n.visibleProperty());
        }

        Label count = new Label();
        count.setId("ruleCount");
        count.getStyleClass().addAll("title-3", "rule-count");
        count.setGraphic(Icons.icon(Feather.USERS, 18));
        count.textProperty().bind(viewModel.countTextProperty());
        count.setTooltip(new Tooltip(tr("rules.tip.count")));
        ProgressBar counting = new ProgressBar();
        counting.setPrefWidth(80);
        counting.visibleProperty().bind(viewModel.countingProperty());
        HBox countLine = new HBox(10, count, counting);
        countLine.setAlignment(Pos.CENTER_LEFT);

        Label builderTitle = new Label(tr("rules.builder"), Icons.icon(Feather.LIST));
        builderTitle.getStyleClass().addAll("text-muted", "text-small");
        Label textTitle = new Label(tr("rules.text"), Icons.icon(Feather.TYPE));
        textTitle.getStyleClass().addAll("text-muted", "text-small");
        VBox editorCard = new VBox(8, nameLine, builderTitle, note, builderScroll, textTitle, text, error, caret,
                countLine);
        editorCard.getStyleClass().add("segments-card");

        VBox body = new VBox(12, editorCard, overlapCard());
        body.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("segments-scroll");
        return scroll;
    }

    /** The rule's line holding the column, and a caret under that column (monospace). */
    static String caretLines(String text, int column) {
        String t = text == null ? "" : text;
        int at = Math.max(0, Math.min(column - 1, t.length()));
        int start = t.lastIndexOf('\n', at - 1) + 1;
        int end = t.indexOf('\n', at);
        String line = t.substring(start, end < 0 ? t.length() : end);
        StringBuilder pad = new StringBuilder();
        for (int i = start; i < at; i++) {
            pad.append(t.charAt(i) == '\t' ? '\t' : ' ');
        }
        return line + "\n" + pad + "^";
    }

    // ---- builder rows ----

    private void drawBuilder() {
        GroupRow top = viewModel.rootProperty().get();
        builder.getChildren().setAll(top == null ? List.of() : List.of(group(top, true)));
    }

    private Node group(GroupRow group, boolean top) {
        ToggleGroup join = new ToggleGroup();
        ToggleButton all = new ToggleButton(tr("rules.group.all"));
        ToggleButton any = new ToggleButton(tr("rules.group.any"));
        all.getStyleClass().addAll(Styles.LEFT_PILL, Styles.SMALL);
        any.getStyleClass().addAll(Styles.RIGHT_PILL, Styles.SMALL);
        all.setToggleGroup(join);
        any.setToggleGroup(join);
        all.setId(top ? "joinAll" : null);
        any.setId(top ? "joinAny" : null);
        (group.anyProperty().get() ? any : all).setSelected(true);
        join.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
                return;
            }
            group.anyProperty().set(now == any);
            viewModel.builderChanged();
        });
        Button addRow = new Button(tr("rules.addCondition"), Icons.icon(Feather.PLUS));
        addRow.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addRow.setId(top ? "addConditionButton" : null);
        addRow.setOnAction(e -> viewModel.addCondition(group));
        Button addGroup = new Button(tr("rules.addGroup"), Icons.icon(Feather.FOLDER_PLUS));
        addGroup.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addGroup.setId(top ? "addGroupButton" : null);
        addGroup.setOnAction(e -> viewModel.addGroup(group));
        Label of = new Label(tr("rules.group.of"));
        HBox head = new HBox(6, new HBox(all, any), of, addRow, addGroup);
        head.setAlignment(Pos.CENTER_LEFT);
        if (!top) {
            head.getChildren().add(removeButton(group));
        }
        VBox rows = new VBox(4);
        for (BuilderNode child : group.children()) {
            rows.getChildren().add(switch (child) {
                case ConditionRow c -> condition(c);
                case GroupRow g -> group(g, false);
            });
        }
        VBox box = new VBox(4, head, rows);
        box.getStyleClass().add(top ? "rule-group-top" : "rule-group");
        return box;
    }

    private Button removeButton(BuilderNode node) {
        Button remove = new Button(null, Icons.icon(Feather.X));
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        remove.setTooltip(new Tooltip(tr("rules.remove")));
        remove.setOnAction(e -> viewModel.remove(node));
        return remove;
    }

    private Node condition(ConditionRow row) {
        ObservableList<FieldChoice> choices = FXCollections.observableArrayList(viewModel.fields());
        FieldChoice current = row.fieldProperty().get();
        if (current != null && !choices.contains(current)) {
            choices.addFirst(current);
        }
        ComboBox<FieldChoice> field = new ComboBox<>(choices);
        field.getStyleClass().addAll("rule-field", Styles.SMALL);
        field.setPromptText(tr("rules.field.prompt"));
        field.setPrefWidth(210);
        field.setVisibleRowCount(14);
        field.setConverter(new StringConverter<>() {
            @Override
            public String toString(FieldChoice f) {
                return f == null ? "" : f.kind() == FieldChoice.Kind.EVENT ? f.ruleName() + "()" : f.ruleName();
            }

            @Override
            public FieldChoice fromString(String s) {
                return null;
            }
        });
        field.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FieldChoice f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : (f.kind() == FieldChoice.Kind.EVENT ? f.ruleName() + "()"
                        : f.ruleName()) + "   · " + kindLabel(f.kind()));
            }
        });
        field.setValue(current);

        ComboBox<String> operator = new ComboBox<>();
        operator.getStyleClass().addAll("rule-operator", Styles.SMALL);
        operator.setPrefWidth(120);
        TextField value = new TextField();
        value.getStyleClass().addAll("rule-value", Styles.SMALL);
        value.setPrefColumnCount(12);
        HBox.setHgrow(value, Priority.ALWAYS);
        TextField type = arg(row.typeProperty().get(), key("rules.event.type"));
        TextField category = arg(row.categoryProperty().get(), key("rules.event.category"));
        TextField device = arg(row.deviceProperty().get(), key("rules.event.device"));
        TextField days = arg(row.lastDaysProperty().get(), key("rules.event.lastDays"));
        days.setPrefColumnCount(5);
        HBox eventArgs = new HBox(4, type, category, device, days);
        eventArgs.setAlignment(Pos.CENTER_LEFT);

        Runnable fit = () -> {
            FieldChoice f = field.getValue();
            FieldChoice.Kind kind = f == null ? FieldChoice.Kind.NUMBER : f.kind();
            String op = row.operatorProperty().get();
            operator.getItems().setAll(kind.operators());
            if (!kind.operators().contains(op)) {
                op = kind == FieldChoice.Kind.TEXT ? "=" : ">=";
                row.operatorProperty().set(op);
            }
            operator.setValue(op);
            boolean event = kind == FieldChoice.Kind.EVENT;
            eventArgs.setVisible(event);
            eventArgs.setManaged(event);
            type.setVisible(event && "events".equals(f.ruleName()));
            type.setManaged(type.isVisible());
            value.setDisable(FieldChoice.isMissing(op));
            value.setPromptText(FieldChoice.isList(op) ? tr("rules.value.list")
                    : kind == FieldChoice.Kind.TEXT ? tr("rules.value.text") : tr("rules.value.number"));
        };
        value.setText(row.valueProperty().get());
        fit.run();
        field.valueProperty().addListener((obs, old, now) -> {
            row.fieldProperty().set(now);
            fit.run();
            viewModel.builderChanged();
        });
        operator.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(row.operatorProperty().get())) {
                row.operatorProperty().set(now);
                value.setDisable(FieldChoice.isMissing(now));
                value.setPromptText(FieldChoice.isList(now) ? tr("rules.value.list") : value.getPromptText());
                viewModel.builderChanged();
            }
        });
        link(value, row.valueProperty());
        link(type, row.typeProperty());
        link(category, row.categoryProperty());
        link(device, row.deviceProperty());
        link(days, row.lastDaysProperty());

        HBox line = new HBox(6, field, eventArgs, operator, value, removeButton(row));
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("rule-row");
        return line;
    }

    private TextField arg(String initial, String promptKey) {
        TextField t = new TextField(initial);
        t.setPromptText(tr(promptKey));
        t.setPrefColumnCount(7);
        t.getStyleClass().addAll("rule-arg", Styles.SMALL);
        return t;
    }

    /** Typing in a control writes the row and prints the rows into the text. */
    private void link(TextField control, javafx.beans.property.StringProperty target) {
        ChangeListener<String> typed = (obs, old, now) -> {
            target.set(now);
            viewModel.builderChanged();
        };
        control.textProperty().addListener(typed);
    }

    private static String kindLabel(FieldChoice.Kind kind) {
        return switch (kind) {
            case NUMBER -> tr("rules.kind.number");
            case TEXT -> tr("rules.kind.text");
            case EVENT -> tr("rules.kind.event");
        };
    }

    // ---- overlap and "from a segment" ----

    private Node overlapCard() {
        ComboBox<String> run = new ComboBox<>(viewModel.runs());
        run.setId("overlapRunChoice");
        run.setPromptText(tr("rules.overlap.pickRun"));
        run.valueProperty().bindBidirectional(viewModel.overlapRunProperty());
        run.setPrefWidth(200);
        HBox top = new HBox(8, new Label(tr("rules.overlap.run")), run);
        top.setAlignment(Pos.CENTER_LEFT);
        TableView<OverlapRow> table = new TableView<>(viewModel.overlapRows());
        table.setId("overlapTable");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(TextColumns.of(tr("rules.col.segment"), OverlapRow::label, 170, 110));
        table.getColumns().add(TextColumns.withTip(numeric(tr("rules.col.size"), r -> Formats.count(r.size())),
                tr("rules.tip.size")));
        table.getColumns().add(TextColumns.withTip(numeric(tr("rules.col.both"), r -> Formats.count(r.both())),
                tr("rules.tip.both")));
        table.getColumns().add(TextColumns.withTip(bar(tr("rules.col.shareOfRule"), OverlapRow::shareOfRule),
                tr("rules.tip.shareOfRule")));
        table.getColumns().add(TextColumns.withTip(bar(tr("rules.col.shareOfSegment"), OverlapRow::shareOfSegment),
                tr("rules.tip.shareOfSegment")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(muted(tr("rules.overlap.none")));
        table.setPrefHeight(160);
        table.setFixedCellSize(27);
        Label summary = new Label();
        summary.setId("overlapSummary");
        summary.getStyleClass().add("text-muted");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.overlapSummaryProperty());
        return card(key("rules.overlap.title"), Feather.PIE_CHART, new VBox(8, top, table, summary));
    }

    private Node fromSegmentCard() {
        ComboBox<String> run = new ComboBox<>(viewModel.runs());
        run.setId("segmentRunChoice");
        run.setPromptText(tr("rules.overlap.pickRun"));
        run.valueProperty().bindBidirectional(viewModel.segmentRunProperty());
        run.setMaxWidth(Double.MAX_VALUE);
        ComboBox<SegmentChoice> segment = new ComboBox<>(viewModel.segments());
        segment.setId("segmentChoice");
        segment.setPromptText(tr("rules.fromSegment.pick"));
        segment.valueProperty().bindBidirectional(viewModel.selectedSegmentProperty());
        segment.setMaxWidth(Double.MAX_VALUE);
        Label rule = new Label();
        rule.setId("segmentRulePreview");
        rule.getStyleClass().add("rule-preview");
        rule.setWrapText(true);
        rule.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rule.textProperty().bind(Bindings.createStringBinding(() -> {
            SegmentChoice c = viewModel.selectedSegmentProperty().get();
            return c == null ? "" : c.ruleText() != null ? c.ruleText() : c.note();
        }, viewModel.selectedSegmentProperty()));
        Button use = new Button(tr("rules.fromSegment.use"), Icons.icon(Feather.EDIT_3));
        use.setId("useSegmentRuleButton");
        use.disableProperty().bind(viewModel.selectedSegmentProperty().isNull());
        use.setOnAction(e -> viewModel.useSegmentRule());
        Label hint = muted(tr("rules.fromSegment.hint"));
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, hint, run, segment, rule, use);
        return card(key("rules.fromSegment.title"), Feather.GIT_BRANCH, box);
    }

    private static TableColumn<OverlapRow, Object> numeric(String title, java.util.function.Function<OverlapRow,
            Object> value) {
        TableColumn<OverlapRow, Object> c = TextColumns.of(title, value, 80, 60);
        c.getStyleClass().add("numeric-column");
        return c;
    }

    /** A share shown as a small bar and a percentage. */
    private static TableColumn<OverlapRow, OverlapRow> bar(String title, ToDoubleFunction<OverlapRow> share) {
        TableColumn<OverlapRow, OverlapRow> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleObjectProperty<>(d.getValue()));
        c.setPrefWidth(150);
        c.setMinWidth(110);
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.setPrefWidth(70);
                bar.getStyleClass().addAll(Styles.SMALL, "share-bar");
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(OverlapRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                double s = share.applyAsDouble(row);
                bar.setProgress(s);
                text.setText(Formats.percent(s));
                setGraphic(box);
            }
        });
        return c;
    }

    private static Node card(String titleKey, Feather icon, Node content) {
        Label title = new Label(tr(titleKey), Icons.icon(icon));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("segments-card");
        return box;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }
}
