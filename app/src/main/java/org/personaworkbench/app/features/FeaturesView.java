package org.personaworkbench.app.features;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.NumberStringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.TextColumns;
import org.personaworkbench.engine.features.CorrelationMatrix;
import org.personaworkbench.engine.features.Impute;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.features.SegmentCount;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.FeatureSetInfo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Features step: a build bar (source dataset, kind, reference date or window, name), the feature sets with
 * the RFM segment map, and for the selected set a table of per-feature transforms, attribute joins, the
 * correlation heatmap with flagged pairs, and Preview / Save recipe / Recompute.
 */
public final class FeaturesView {

    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final FeaturesViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final CorrelationHeatmap heatmap = new CorrelationHeatmap();

    public FeaturesView(FeaturesViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("featuresView");
        root.getStyleClass().add("step-view");
        root.setTop(new VBox(12, header(), buildBar()));
        SplitPane split = new SplitPane(leftPane(), rightPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        root.setCenter(split);
        BorderPane.setMargin(split, new Insets(12, 0, 0, 0));
        viewModel.correlationsProperty().addListener((obs, old, now) -> heatmap.show(now));
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label title = new Label(tr("step.features"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("features.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        Label message = new Label();
        message.setId("featuresMessage");
        message.setGraphic(Icons.icon(Feather.INFO));
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return new VBox(2, title, about, message);
    }

    private Node buildBar() {
        ComboBox<DatasetInfo> source = new ComboBox<>(viewModel.datasets());
        source.setId("featuresSource");
        source.valueProperty().bindBidirectional(viewModel.sourceProperty());
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetInfo d) {
                return d == null ? "" : d.name();
            }

            @Override
            public DatasetInfo fromString(String s) {
                return null;
            }
        });
        ComboBox<FeaturesViewModel.Kind> kind = new ComboBox<>();
        kind.setId("featuresKind");
        kind.getItems().setAll(FeaturesViewModel.Kind.values());
        kind.valueProperty().bindBidirectional(viewModel.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(FeaturesViewModel.Kind k) {
                return k == null ? "" : k == FeaturesViewModel.Kind.RFM ? tr("features.kind.rfm")
                        : tr("features.kind.events");
            }

            @Override
            public FeaturesViewModel.Kind fromString(String s) {
                return null;
            }
        });
        DatePicker reference = new DatePicker();
        reference.setId("featuresReferenceDate");
        reference.setPromptText(tr("features.referenceDate.prompt"));
        reference.valueProperty().bindBidirectional(viewModel.referenceDateProperty());
        Spinner<Integer> window = new Spinner<>(1, 3650, 30);
        window.setId("featuresWindowDays");
        window.setEditable(true);
        window.setPrefWidth(90);
        window.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.windowDaysProperty().set(now);
            }
        });
        TextField name = new TextField();
        name.setId("featuresNewName");
        name.setPromptText(tr("features.newName.prompt"));
        name.textProperty().bindBidirectional(viewModel.newNameProperty());
        Button build = new Button(tr("features.build"), Icons.icon(Feather.PLAY));
        build.setId("featuresBuildButton");
        build.getStyleClass().add(Styles.ACCENT);
        build.setTooltip(new Tooltip(tr("features.build.tip")));
        build.disableProperty().bind(viewModel.busyProperty().or(viewModel.sourceProperty().isNull())
                .or(viewModel.newNameProperty().isEmpty()));
        build.setOnAction(e -> viewModel.build());
        build.setMinWidth(Region.USE_PREF_SIZE);
        source.setPrefWidth(190);
        kind.setPrefWidth(230);
        reference.setPrefWidth(170);
        name.setPrefWidth(160);
        name.setOnAction(e -> {
            if (!build.isDisabled()) {
                viewModel.build();
            }
        });

        VBox referenceBox = labelled(tr("features.referenceDate"), reference);
        VBox windowBox = labelled(tr("features.windowDays"), window);
        referenceBox.visibleProperty().bind(viewModel.kindProperty().isEqualTo(FeaturesViewModel.Kind.RFM));
        referenceBox.managedProperty().bind(referenceBox.visibleProperty());
        windowBox.visibleProperty().bind(viewModel.kindProperty().isEqualTo(FeaturesViewModel.Kind.EVENTS));
        windowBox.managedProperty().bind(windowBox.visibleProperty());
        HBox bar = new HBox(12, labelled(tr("features.source"), source), labelled(tr("features.kind"), kind),
                referenceBox, windowBox, labelled(tr("features.newName"), name), build);
        bar.setAlignment(Pos.BOTTOM_LEFT);
        bar.getStyleClass().add("features-build-bar");
        return bar;
    }

    private static VBox labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("text-small");
        label.setLabelFor(control);
        return new VBox(2, label, control);
    }

    private Node leftPane() {
        Label title = new Label(tr("features.sets"));
        title.getStyleClass().add("title-4");
        TableView<FeatureSetInfo> sets = new TableView<>(viewModel.featureSets());
        sets.setId("featureSetTable");
        sets.getStyleClass().add(Styles.DENSE);
        sets.getColumns().add(TextColumns.of(tr("features.column.name"), FeatureSetInfo::name, 120, 80));
        sets.getColumns().add(TextColumns.of(tr("features.column.kind"), FeatureSetInfo::kind, 60, 50));
        sets.getColumns().add(TextColumns.of(tr("features.column.rows"), s -> Formats.count(s.rows()), 80, 60));
        sets.getColumns().add(TextColumns.of(tr("features.column.version"),
                s -> VERSION.format(s.createdAt().atZone(ZoneId.systemDefault())), 130, 90));
        sets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(tr("features.sets.empty"));
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        sets.setPlaceholder(empty);
        sets.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now != sets.getSelectionModel().getSelectedItem()) {
                sets.getSelectionModel().select(now);
            }
        });
        sets.setPrefHeight(220);

        Label segmentsTitle = new Label(tr("features.segments"));
        segmentsTitle.getStyleClass().add("title-4");
        CategoryAxis names = new CategoryAxis();
        NumberAxis counts = new NumberAxis();
        counts.setLabel(tr("features.segments.customers"));
        BarChart<Number, String> chart = new BarChart<>(counts, names);
        chart.setId("segmentChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(240);
        chart.setPrefHeight(300);
        Label noSegments = new Label(tr("features.segments.empty"));
        noSegments.getStyleClass().add("text-muted");
        noSegments.setWrapText(true);
        Runnable update = () -> {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            List<SegmentCount> list = viewModel.segments();
            for (int i = list.size() - 1; i >= 0; i--) {
                SegmentCount s = list.get(i);
                series.getData().add(new XYChart.Data<>(s.customers(),
                        s.name() + " (" + Formats.percent(s.share()) + ")"));
            }
            chart.getData().setAll(List.of(series));
            chart.setVisible(!list.isEmpty());
            chart.setManaged(!list.isEmpty());
            noSegments.setVisible(list.isEmpty());
            noSegments.setManaged(list.isEmpty());
        };
        viewModel.segments().addListener((ListChangeListener<SegmentCount>) c -> update.run());
        update.run();
        VBox box = new VBox(8, title, sets, segmentsTitle, noSegments, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    private Node rightPane() {
        Button join = new Button(tr("features.join"), Icons.icon(Feather.LINK));
        join.setId("featuresJoinButton");
        join.setTooltip(new Tooltip(tr("features.join.tip")));
        join.setOnAction(e -> askJoin());
        Button preview = new Button(tr("features.preview"), Icons.icon(Feather.GRID));
        preview.setId("featuresPreviewButton");
        preview.getStyleClass().add(Styles.ACCENT);
        preview.setTooltip(new Tooltip(tr("features.preview.tip")));
        preview.setOnAction(e -> viewModel.preview());
        Button save = new Button(tr("features.saveRecipe"), Icons.icon(Feather.SAVE));
        save.setId("featuresSaveButton");
        save.setTooltip(new Tooltip(tr("features.saveRecipe.tip")));
        save.setOnAction(e -> viewModel.saveRecipe());
        Button recompute = new Button(tr("features.recompute"), Icons.icon(Feather.REFRESH_CW));
        recompute.setId("featuresRecomputeButton");
        recompute.setTooltip(new Tooltip(tr("features.recompute.tip")));
        recompute.setOnAction(e -> viewModel.recompute());
        for (Button b : List.of(join, preview, save, recompute)) {
            b.disableProperty().bind(viewModel.busyProperty().or(viewModel.selectedProperty().isNull()));
        }
        Label joins = new Label();
        joins.getStyleClass().add("text-muted");
        joins.textProperty().bind(Bindings.createStringBinding(() -> viewModel.joins().isEmpty() ? ""
                : tr("features.joins", String.join("; ", viewModel.joins().stream()
                .map(j -> j.dataset() + " (" + String.join(", ", j.columns()) + ")").toList())), viewModel.joins()));
        HBox tools = new HBox(8, join, preview, save, recompute, joins);
        tools.setAlignment(Pos.CENTER_LEFT);

        TableView<FeatureRow> table = featureTable();

        Label corrTitle = new Label(tr("features.correlations"));
        corrTitle.getStyleClass().add("title-4");
        corrTitle.setTooltip(new Tooltip(tr("features.tip.correlations")));
        Label noCorr = new Label(tr("features.correlations.empty"));
        noCorr.getStyleClass().add("text-muted");
        noCorr.visibleProperty().bind(viewModel.correlationsProperty().isNull());
        noCorr.managedProperty().bind(noCorr.visibleProperty());
        ScrollPane heat = new ScrollPane(heatmap);
        heat.setPrefViewportHeight(260);
        heat.setFitToWidth(false);
        heat.visibleProperty().bind(viewModel.correlationsProperty().isNotNull());
        heat.managedProperty().bind(heat.visibleProperty());
        Label flaggedTitle = new Label(tr("features.flagged"));
        flaggedTitle.getStyleClass().add("title-4");
        flaggedTitle.setTooltip(new Tooltip(tr("features.tip.flagged")));
        ListView<CorrelationMatrix.CorrelatedPair> flagged = new ListView<>(viewModel.flaggedPairs());
        flagged.setId("flaggedPairs");
        flagged.setPrefWidth(280);
        flagged.setPrefHeight(200);
        flagged.setPlaceholder(new Label(tr("features.flagged.none")));
        flagged.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CorrelationMatrix.CorrelatedPair p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : tr("features.flagged.pair", p.first(), p.second(), p.r()));
            }
        });
        VBox correlations = new VBox(6, corrTitle, noCorr, heat);
        HBox.setHgrow(correlations, Priority.ALWAYS);
        HBox lower = new HBox(16, correlations, new VBox(6, flaggedTitle, flagged));
        VBox box = new VBox(8, tools, table, lower);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 0, 0, 12));
        return box;
    }

    private TableView<FeatureRow> featureTable() {
        TableView<FeatureRow> table = new TableView<>(viewModel.features());
        table.setId("featureTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setEditable(true);
        table.setPrefHeight(300);
        TableColumn<FeatureRow, String> name = new TableColumn<>(tr("features.table.feature"));
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                c.getValue().column() + (c.getValue().joined() ? " ⤶" : "") + (c.getValue().text() ? " (text)" : "")));
        name.setPrefWidth(170);
        name.setEditable(false);

        TableColumn<FeatureRow, Boolean> include = new TableColumn<>(tr("features.table.include"));
        include.setCellValueFactory(c -> c.getValue().includedProperty());
        include.setCellFactory(CheckBoxTableCell.forTableColumn(include));
        include.setPrefWidth(60);

        TableColumn<FeatureRow, Impute> impute = new TableColumn<>(tr("features.table.impute"));
        impute.setCellValueFactory(c -> c.getValue().imputeProperty());
        impute.setCellFactory(ComboBoxTableCell.forTableColumn(Impute.values()));
        impute.setPrefWidth(90);

        TableColumn<FeatureRow, Boolean> log = new TableColumn<>(tr("features.table.log1p"));
        log.setCellValueFactory(c -> c.getValue().log1pProperty());
        log.setCellFactory(CheckBoxTableCell.forTableColumn(log));
        log.setPrefWidth(64);

        TableColumn<FeatureRow, Number> low = numberColumn(tr("features.table.winsorLow"), 125, true);
        low.setCellValueFactory(c -> c.getValue().winsorizeLowProperty());
        TableColumn<FeatureRow, Number> high = numberColumn(tr("features.table.winsorHigh"), 125, true);
        high.setCellValueFactory(c -> c.getValue().winsorizeHighProperty());

        TableColumn<FeatureRow, Scaling> scaling = new TableColumn<>(tr("features.table.scaling"));
        scaling.setCellValueFactory(c -> c.getValue().scalingProperty());
        scaling.setCellFactory(ComboBoxTableCell.forTableColumn(Scaling.values()));
        scaling.setPrefWidth(95);

        TableColumn<FeatureRow, Number> weight = new TableColumn<>(tr("features.table.weight"));
        weight.setCellValueFactory(c -> c.getValue().weightProperty());
        weight.setCellFactory(c -> new WeightCell());
        weight.setPrefWidth(90);

        TableColumn<FeatureRow, Boolean> oneHot = new TableColumn<>(tr("features.table.oneHot"));
        oneHot.setCellValueFactory(c -> c.getValue().oneHotProperty());
        oneHot.setCellFactory(CheckBoxTableCell.forTableColumn(oneHot));
        oneHot.setPrefWidth(80);

        TableColumn<FeatureRow, Number> filled = numberColumn(tr("features.table.filled"), 72, false);
        filled.setCellValueFactory(c -> c.getValue().filledCellsProperty());
        TableColumn<FeatureRow, Number> clipped = numberColumn(tr("features.table.winsorized"), 90, false);
        clipped.setCellValueFactory(c -> c.getValue().winsorizedCellsProperty());

        TextColumns.withTip(impute, tr("features.tip.impute"));
        TextColumns.withTip(log, tr("features.tip.log1p"));
        TextColumns.withTip(low, tr("features.tip.winsorLow"));
        TextColumns.withTip(high, tr("features.tip.winsorHigh"));
        TextColumns.withTip(scaling, tr("features.tip.scaling"));
        TextColumns.withTip(weight, tr("features.tip.weight"));
        TextColumns.withTip(oneHot, tr("features.tip.oneHot"));
        TextColumns.withTip(filled, tr("features.tip.filled"));
        TextColumns.withTip(clipped, tr("features.tip.winsorized"));
        table.getColumns().addAll(List.of(name, include, impute, log, low, high, scaling, weight, oneHot, filled,
                clipped));
        Label empty = new Label(tr("features.table.empty"));
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        return table;
    }

    private static TableColumn<FeatureRow, Number> numberColumn(String title, double width, boolean editable) {
        TableColumn<FeatureRow, Number> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setEditable(editable);
        column.getStyleClass().add("numeric-column");
        if (editable) {
            column.setCellFactory(TextFieldTableCell.forTableColumn(new NumberStringConverter(Locale.ROOT, "0.###")));
        } else {
            column.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Number v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null || v.longValue() < 0 ? null : Formats.count(v.longValue()));
                }
            });
        }
        return column;
    }

    /** A spinner bound to the row's weight (0–10 in steps of 0.5). */
    private static final class WeightCell extends TableCell<FeatureRow, Number> {
        private final Spinner<Double> spinner = new Spinner<>(0.0, 10.0, 1.0, 0.5);
        private FeatureRow bound;

        WeightCell() {
            spinner.setEditable(true);
            spinner.setPrefWidth(80);
            spinner.valueProperty().addListener((obs, old, now) -> {
                if (bound != null && now != null) {
                    bound.weightProperty().set(now);
                }
            });
        }

        @Override
        protected void updateItem(Number value, boolean empty) {
            super.updateItem(value, empty);
            bound = null;
            if (empty || getTableRow() == null || getTableRow().getItem() == null) {
                setGraphic(null);
                return;
            }
            spinner.getValueFactory().setValue(value == null ? 1.0 : value.doubleValue());
            bound = getTableRow().getItem();
            setGraphic(spinner);
        }
    }

    private void askJoin() {
        List<DatasetInfo> candidates = viewModel.datasets().stream().filter(d -> d.columns().stream()
                .anyMatch(c -> c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(tr("features.join.title"));
        dialog.initOwner(root.getScene().getWindow());
        ComboBox<DatasetInfo> dataset = new ComboBox<>();
        dataset.getItems().setAll(candidates);
        dataset.setConverter(new StringConverter<>() {
            @Override
            public String toString(DatasetInfo d) {
                return d == null ? "" : d.name();
            }

            @Override
            public DatasetInfo fromString(String s) {
                return null;
            }
        });
        ListView<String> columns = new ListView<>();
        columns.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columns.setPrefHeight(220);
        dataset.valueProperty().addListener((obs, old, now) -> columns.getItems().setAll(now == null ? List.of()
                : now.columns().stream().filter(c -> c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME)
                .map(DatasetColumn::name).toList()));
        dataset.getSelectionModel().selectFirst();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(tr("features.join.dataset")), dataset);
        grid.addRow(1, new Label(tr("features.join.columns")), columns);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b ->
                viewModel.addJoin(dataset.getValue(), List.copyOf(columns.getSelectionModel().getSelectedItems())));
    }
}
