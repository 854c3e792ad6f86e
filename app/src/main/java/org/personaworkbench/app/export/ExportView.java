package org.personaworkbench.app.export;

import org.personaworkbench.app.common.CheckedColumn;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.engine.export.ExportResult;

import java.util.ArrayList;
import java.util.List;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Export step: the source (run, persona or rule segment), the feature columns, the privacy and test
 * options, and the Export button with progress and Cancel on the left; what was written and a preview of the
 * file on the right.
 */
public final class ExportView {

    private final ExportViewModel viewModel;
    private final BorderPane root = new BorderPane();
    /** Keeps bidirectional links with spinners alive. */
    private final List<Object> links = new ArrayList<>();

    public ExportView(ExportViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("exportView");
        root.getStyleClass().addAll("step-view", "export-view");
        root.setTop(header());
        VBox left = new VBox(12, sourceCard(), columnsCard(), exportLine());
        VBox right = new VBox(12, optionsCard(), resultCard());
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(520);
        right.setPrefWidth(460);
        HBox body = new HBox(12, left, right);
        body.getStyleClass().add("segments-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("segments-scroll");
        root.setCenter(scroll);
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label title = new Label(tr("step.export"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("export.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        Label message = StepMessage.label("exportMessage", viewModel.messageProperty());
        VBox box = new VBox(6, title, about, message);
        box.getStyleClass().add("step-header");
        return box;
    }

    private Node sourceCard() {
        ToggleGroup group = new ToggleGroup();
        RadioButton runChoice = radio(group, key("export.source.run"), ExportViewModel.SourceKind.RUN, "sourceRun");
        RadioButton personaChoice = radio(group, key("export.source.persona"), ExportViewModel.SourceKind.PERSONA,
                "sourcePersona");
        RadioButton ruleChoice = radio(group, key("export.source.rule"), ExportViewModel.SourceKind.RULE, "sourceRule");
        personaChoice.disableProperty().bind(viewModel.personasAvailableProperty().not());
        group.selectToggle(toggleFor(group, viewModel.kindProperty().get()));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.kindProperty().set((ExportViewModel.SourceKind) now.getUserData());
            }
        });
        viewModel.kindProperty().addListener((obs, old, now) -> group.selectToggle(toggleFor(group, now)));

        ComboBox<String> run = new ComboBox<>(viewModel.runs());
        run.setId("exportRunChoice");
        run.setPromptText(tr("export.noRuns"));
        run.valueProperty().bindBidirectional(viewModel.runProperty());
        run.setPrefWidth(220);
        run.disableProperty().bind(viewModel.kindProperty().isEqualTo(ExportViewModel.SourceKind.RULE));
        ComboBox<PersonaChoice> persona = new ComboBox<>(viewModel.personas());
        persona.setId("exportPersonaChoice");
        persona.valueProperty().bindBidirectional(viewModel.personaProperty());
        persona.setPrefWidth(220);
        persona.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(ExportViewModel.SourceKind.PERSONA)
                .or(viewModel.personasAvailableProperty().not()));
        ComboBox<String> rule = new ComboBox<>(viewModel.rules());
        rule.setId("exportRuleChoice");
        rule.setPromptText(tr("export.noRules"));
        rule.valueProperty().bindBidirectional(viewModel.ruleProperty());
        rule.setPrefWidth(220);
        rule.disableProperty().bind(viewModel.kindProperty().isNotEqualTo(ExportViewModel.SourceKind.RULE));
        Label note = new Label();
        note.setId("personaNote");
        note.getStyleClass().addAll("text-muted", "text-small");
        note.setWrapText(true);
        note.textProperty().bind(viewModel.personaNoteProperty());
        note.visibleProperty().bind(viewModel.personaNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, runChoice, run);
        grid.addRow(1, personaChoice, persona);
        grid.addRow(2, ruleChoice, rule);
        return card(key("export.source"), Feather.TARGET, new VBox(8, grid, note));
    }

    private static RadioButton radio(ToggleGroup group, String key, ExportViewModel.SourceKind kind, String id) {
        RadioButton b = new RadioButton(tr(key));
        b.setToggleGroup(group);
        b.setUserData(kind);
        b.setId(id);
        return b;
    }

    private static javafx.scene.control.Toggle toggleFor(ToggleGroup group, ExportViewModel.SourceKind kind) {
        return group.getToggles().stream().filter(t -> t.getUserData() == kind).findFirst().orElse(null);
    }

    private Node columnsCard() {
        Label set = new Label();
        set.getStyleClass().add("text-muted");
        set.textProperty().bind(Bindings.createStringBinding(() -> viewModel.featureSetProperty().get().isEmpty()
                ? tr("export.columns.none") : tr("export.columns.from", viewModel.featureSetProperty().get()),
                viewModel.featureSetProperty()));
        FlowPane boxes = new FlowPane(14, 6);
        boxes.setId("exportColumns");
        Runnable fill = () -> {
            List<Node> nodes = new ArrayList<>();
            for (CheckedColumn c : viewModel.columns()) {
                CheckBox box = new CheckBox(c.name());
                box.setMnemonicParsing(false);
                box.selectedProperty().bindBidirectional(c.selectedProperty());
                nodes.add(box);
            }
            boxes.getChildren().setAll(nodes);
        };
        viewModel.columns().addListener((ListChangeListener<CheckedColumn>) ch -> fill.run());
        fill.run();
        Button all = new Button(tr("export.columns.all"));
        all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        all.setOnAction(e -> viewModel.columns().forEach(c -> c.selectedProperty().set(true)));
        Button none = new Button(tr("export.columns.clear"));
        none.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        none.setOnAction(e -> viewModel.columns().forEach(c -> c.selectedProperty().set(false)));
        HBox top = new HBox(8, set, all, none);
        top.setAlignment(Pos.CENTER_LEFT);
        return card(key("export.columns"), Feather.COLUMNS, new VBox(8, top, boxes));
    }

    private Node optionsCard() {
        CheckBox hash = new CheckBox(tr("export.hash"));
        hash.setId("hashIdsCheck");
        hash.selectedProperty().bindBidirectional(viewModel.hashIdsProperty());
        TextField salt = new TextField();
        salt.setId("saltField");
        salt.setPromptText(tr("export.salt.prompt"));
        salt.textProperty().bindBidirectional(viewModel.saltProperty());
        salt.disableProperty().bind(viewModel.hashIdsProperty().not());
        salt.setPrefColumnCount(16);

        CheckBox holdout = new CheckBox(tr("export.holdout"));
        holdout.setId("holdoutCheck");
        holdout.selectedProperty().bindBidirectional(viewModel.holdoutProperty());
        Spinner<Double> share = new Spinner<>(0.01, 0.99, viewModel.holdoutShareProperty().get(), 0.01);
        share.setId("holdoutShareSpinner");
        share.setEditable(true);
        share.setPrefWidth(90);
        var shareValue = share.getValueFactory().valueProperty();
        shareValue.bindBidirectional(viewModel.holdoutShareProperty());
        links.add(shareValue);
        share.disableProperty().bind(viewModel.holdoutProperty().not());
        TextField seed = new TextField();
        seed.setId("seedField");
        seed.setPrefColumnCount(8);
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), viewModel.seedProperty().get(),
                c -> c.getControlNewText().matches("-?\\d{0,18}") ? c : null);
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().bindBidirectional(viewModel.seedProperty());
        seed.disableProperty().bind(viewModel.holdoutProperty().not());

        CheckBox bom = new CheckBox(tr("export.bom"));
        bom.setId("bomCheck");
        bom.selectedProperty().bindBidirectional(viewModel.excelBomProperty());
        CheckBox persona = new CheckBox(tr("export.personaColumn"));
        persona.setId("personaColumnCheck");
        persona.selectedProperty().bindBidirectional(viewModel.personaColumnProperty());

        HBox.setHgrow(salt, Priority.ALWAYS);
        VBox lines = new VBox(8, line(hash, fixed(tr("export.salt")), salt),
                line(holdout, fixed(tr("export.share")), share, fixed(tr("export.seed")), seed),
                line(bom, persona));
        return card(key("export.options"), Feather.SETTINGS, lines);
    }

    private static HBox line(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof CheckBox c) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return box;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private Node exportLine() {
        Button export = new Button(tr("export.run"), Icons.icon(Feather.DOWNLOAD));
        export.setId("exportButton");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(viewModel.runningProperty().or(viewModel.projectProperty().isNull()));
        export.setOnAction(e -> viewModel.export());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("exportProgress");
        progress.setPrefWidth(220);
        Button cancel = new Button(tr("status.cancel"), Icons.icon(Feather.X_CIRCLE));
        cancel.setId("exportCancelButton");
        cancel.setOnAction(e -> viewModel.cancel());
        Label task = new Label();
        task.getStyleClass().add("text-muted");
        HBox runningBox = new HBox(8, progress, cancel, task);
        runningBox.setAlignment(Pos.CENTER_LEFT);
        runningBox.visibleProperty().bind(viewModel.runningProperty());
        runningBox.managedProperty().bind(runningBox.visibleProperty());
        export.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        viewModel.currentTaskProperty().addListener((obs, old, now) -> {
            progress.progressProperty().unbind();
            task.textProperty().unbind();
            if (now != null) {
                progress.progressProperty().bind(now.progressProperty());
                task.textProperty().bind(now.messageProperty());
                cancel.disableProperty().bind(now.cancelRequestedProperty());
            }
        });
        HBox line = new HBox(12, export, runningBox);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node resultCard() {
        Label none = new Label(tr("export.result.none"));
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setId("exportFacts");
        facts.setHgap(12);
        facts.setVgap(4);
        TextArea preview = new TextArea();
        preview.setId("exportPreview");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.getStyleClass().add("detail-text");
        preview.setPrefRowCount(10);
        Label previewTitle = new Label(tr("export.preview"));
        previewTitle.getStyleClass().add("title-4");
        VBox shown = new VBox(10, facts, previewTitle, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        Runnable show = () -> {
            ExportSummary s = viewModel.summaryProperty().get();
            none.setVisible(s == null);
            none.setManaged(s == null);
            shown.setVisible(s != null);
            shown.setManaged(s != null);
            facts.getChildren().clear();
            if (s == null) {
                preview.clear();
                return;
            }
            ExportResult r = s.result();
            fact(facts, 0, key("export.result.rows"), Formats.count(r.rows()), "exportRows");
            fact(facts, 1, key("export.result.holdout"), Formats.count(r.holdoutRows()), "exportHoldout");
            fact(facts, 2, key("export.result.file"), r.file().toString(), "exportFile");
            fact(facts, 3, key("export.result.columns"), String.join(", ", r.columns()), null);
            fact(facts, 4, key("export.result.sha"), r.sha256(), null);
            preview.setText(String.join("\n", s.preview()));
        };
        viewModel.summaryProperty().addListener((obs, old, now) -> show.run());
        show.run();
        VBox content = new VBox(8, none, shown);
        return card(key("export.result"), Feather.FILE_TEXT, content);
    }

    private static void fact(GridPane grid, int row, String key, String value, String id) {
        Label name = new Label(tr(key));
        name.getStyleClass().add("text-muted");
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.setId(id);
        v.getStyleClass().add("export-fact");
        grid.addRow(row, name, v);
    }

    private static Node card(String titleKey, Feather icon, Node content) {
        Label title = new Label(tr(titleKey), Icons.icon(icon));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("segments-card");
        return box;
    }
}
