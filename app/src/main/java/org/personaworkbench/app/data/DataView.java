package org.personaworkbench.app.data;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.TextColumns;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.engine.profile.ColumnProfile;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.profile.ValueCount;
import org.personaworkbench.engine.project.DatasetInfo;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Data step: a header with the Import button, the project's datasets (rows and columns) on the
 * left, and the selected dataset's profile on the right — one row per column with type, role, missing
 * share, distinct values, number summaries and a small histogram or the most frequent values.
 */
public final class DataView {

    private static final DateTimeFormatter IMPORTED_AT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final DataViewModel viewModel;
    private final BorderPane root = new BorderPane();

    public DataView(DataViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("dataView");
        root.getStyleClass().add("step-view");
        root.setTop(header());
        SplitPane split = new SplitPane(datasetsPane(), profilePane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        split.getStyleClass().add("data-split");
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        root.setCenter(split);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && viewModel.projectProperty().get() != null
                    && !viewModel.importingProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                var wizard = viewModel.startImport(e.getDragboard().getFiles().getFirst().toPath());
                wizard.ifPresent(w -> ImportWizardView.show(root.getScene().getWindow(), w));
                done = wizard.isPresent();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    public Parent root() {
        return root;
    }

    /** Asks for a file (or takes one dropped on the view) and shows the import wizard for it. */
    public void startImport() {
        viewModel.startImport().ifPresent(wizard -> ImportWizardView.show(root.getScene().getWindow(), wizard));
    }

    private Node header() {
        Label title = new Label(tr("step.data"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("step.data.summary"));
        about.getStyleClass().add("text-muted");
        VBox text = new VBox(2, title, about);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button(tr("data.import"), Icons.icon(Feather.UPLOAD));
        importButton.setId("importDataButton");
        importButton.getStyleClass().add("accent");
        importButton.setTooltip(new Tooltip(tr("data.import.tip")));
        importButton.disableProperty().bind(viewModel.importingProperty().or(viewModel.projectProperty().isNull()));
        importButton.setOnAction(e -> startImport());
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        about.setMinWidth(0);
        HBox top = new HBox(16, text, spacer, importButton);
        top.setAlignment(Pos.CENTER_LEFT);

        Label message = StepMessage.label("importMessage", viewModel.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(10, top, message);
        box.getStyleClass().add("step-header");
        return box;
    }

    private Node datasetsPane() {
        Label title = new Label(tr("data.datasets"));
        title.getStyleClass().add("title-4");
        TableView<DatasetInfo> table = new TableView<>(viewModel.datasets());
        table.setId("datasetTable");
        table.getStyleClass().addAll("dataset-table", Styles.DENSE);
        table.getColumns().add(column(tr("data.column.name"), DatasetInfo::name, 260));
        TableColumn<DatasetInfo, Object> rows = column(tr("data.column.rows"), d -> Formats.count(d.rows()), 90);
        rows.getStyleClass().add("numeric-column");
        TableColumn<DatasetInfo, Object> cols = column(tr("data.column.columns"), d -> d.columns().size(), 70);
        cols.getStyleClass().add("numeric-column");
        TableColumn<DatasetInfo, Object> created = column(tr("data.column.imported"),
                d -> d.createdAt() == null ? "" : IMPORTED_AT.format(d.createdAt().atZone(ZoneId.systemDefault())), 160);
        table.getColumns().add(rows);
        table.getColumns().add(cols);
        table.getColumns().add(created);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(tr("data.noDatasets"));
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        table.setPlaceholder(empty);
        // two-way link between the table's selection and the view model
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectedDatasetProperty().set(now);
            }
        });
        viewModel.selectedDatasetProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        VBox pane = new VBox(8, title, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        pane.getStyleClass().add("pane-padded");
        pane.setMinHeight(120);
        return pane;
    }

    private Node profilePane() {
        Label title = new Label();
        title.setId("profileTitle");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetInfo d = viewModel.selectedDatasetProperty().get();
            return d == null ? tr("profile.title") : tr("profile.titleFor", d.name());
        }, viewModel.selectedDatasetProperty()));
        Label summary = new Label();
        summary.setId("profileSummary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetProfile p = viewModel.profileProperty().get();
            return p == null ? "" : tr("profile.summary", Formats.count(p.rows()), p.columns().size());
        }, viewModel.profileProperty()));
        Button refresh = new Button(null, Icons.icon(Feather.REFRESH_CW));
        refresh.getStyleClass().addAll("flat", "button-icon");
        refresh.setTooltip(new Tooltip(tr("profile.refresh")));
        refresh.setOnAction(e -> viewModel.refreshProfile());
        refresh.disableProperty().bind(viewModel.profilingProperty()
                .or(viewModel.selectedDatasetProperty().isNull()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, title, summary, spacer, refresh);
        head.setAlignment(Pos.BASELINE_LEFT);

        TableView<ColumnProfile> table = profileTable();
        Label placeholder = new Label();
        placeholder.getStyleClass().add("text-muted");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.selectedDatasetProperty().get() == null ? tr("profile.selectDataset") : "",
                viewModel.selectedDatasetProperty()));
        table.setPlaceholder(placeholder);
        viewModel.profileProperty().addListener((obs, old, now) ->
                table.getItems().setAll(now == null ? java.util.List.of() : now.columns()));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label computing = new Label(tr("profile.computing"));
        computing.getStyleClass().add("text-muted");
        VBox busy = new VBox(10, spinner, computing);
        busy.setAlignment(Pos.CENTER);
        busy.setId("profileBusy");
        busy.visibleProperty().bind(viewModel.profilingProperty());
        busy.setMouseTransparent(true);

        StackPane stack = new StackPane(table, busy);
        VBox pane = new VBox(8, head, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        pane.getStyleClass().add("pane-padded");
        return pane;
    }

    private TableView<ColumnProfile> profileTable() {
        TableView<ColumnProfile> table = new TableView<>();
        table.setId("profileTable");
        table.getStyleClass().add("profile-table");
        table.setFixedCellSize(40);
        TableColumn<ColumnProfile, Object> name = column(tr("profile.column"), ColumnProfile::name, 125);
        TableColumn<ColumnProfile, Object> type = column(tr("profile.type"), c -> DataLabels.type(c.type()), 92);
        TableColumn<ColumnProfile, Object> role = column(tr("profile.role"), c -> DataLabels.role(c.role()), 104);
        TableColumn<ColumnProfile, Object> missing = numeric(tr("profile.missing"),
                c -> Formats.percent(c.missingShare()), 76);
        TableColumn<ColumnProfile, Object> distinct = numeric(tr("profile.distinct"),
                c -> Formats.count(c.distinct()), 84);
        TableColumn<ColumnProfile, Object> min = numeric(tr("profile.min"),
                c -> c.min() != null ? Formats.number(c.min()) : temporalText(c.minText()), 100);
        TableColumn<ColumnProfile, Object> max = numeric(tr("profile.max"),
                c -> c.max() != null ? Formats.number(c.max()) : temporalText(c.maxText()), 100);
        TableColumn<ColumnProfile, Object> mean = numeric(tr("profile.mean"), c -> Formats.number(c.mean()), 74);
        mean.setId("profileMeanColumn");
        TableColumn<ColumnProfile, Object> median = numeric(tr("profile.median"),
                c -> Formats.number(c.median()), 76);
        TableColumn<ColumnProfile, ColumnProfile> distribution = new TableColumn<>(tr("profile.distribution"));
        distribution.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        distribution.setCellFactory(c -> new DistributionCell());
        distribution.setPrefWidth(170);
        distribution.setMinWidth(120);
        distribution.setSortable(false);
        table.getColumns().addAll(java.util.List.of(name, type, role, missing, distinct, min, max, mean, median));
        table.getColumns().add(distribution);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** Empty for null; the date part of an ISO date or date-time (the Distribution column shows the times). */
    private static String temporalText(String iso) {
        if (iso == null) {
            return "";
        }
        int t = iso.indexOf('T');
        return t < 0 ? iso : iso.substring(0, t);
    }

    /** An ISO date-time as people read it: a space for the 'T', seconds only when not zero. */
    private static String readableTemporal(String iso) {
        String shown = iso.replace('T', ' ');
        return shown.length() == 19 && shown.endsWith(":00") ? shown.substring(0, 16) : shown;
    }

    private static <S> TableColumn<S, Object> column(String title, Function<S, Object> value, double width) {
        return TextColumns.of(title, value, width, 84); // a narrow window scrolls sideways instead of hiding headers
    }

    private static <S> TableColumn<S, Object> numeric(String title, Function<S, Object> value, double width) {
        TableColumn<S, Object> c = column(title, value, width);
        c.getStyleClass().add("numeric-column");
        c.setSortable(false);
        return c;
    }

    /** A histogram for numbers, the most frequent values for text, the range for dates. */
    private static final class DistributionCell extends TableCell<ColumnProfile, ColumnProfile> {
        private final HistogramSparkline sparkline = new HistogramSparkline();
        private final Label topValues = new Label();

        DistributionCell() {
            topValues.getStyleClass().add("top-values");
            topValues.setMinWidth(0);
            setText(null);
        }

        @Override
        protected void updateItem(ColumnProfile item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (item.histogram() != null && !item.histogram().counts().isEmpty()) {
                sparkline.setHistogram(item.histogram());
                setGraphic(sparkline);
                setTooltip(null);
            } else if (!item.topValues().isEmpty()) {
                String shortList = item.topValues().stream().limit(3)
                        .map(v -> tr("profile.valueCount", valueText(v), Formats.count(v.count())))
                        .collect(Collectors.joining(", "));
                topValues.setText(shortList);
                setGraphic(topValues);
                setTooltip(new Tooltip(item.topValues().stream()
                        .map(v -> tr("profile.valueCount", valueText(v), Formats.count(v.count())))
                        .collect(Collectors.joining("\n"))));
            } else if (item.minText() != null && item.maxText() != null) {
                String range = tr("profile.dateRange", readableTemporal(item.minText()),
                        readableTemporal(item.maxText()), Formats.count(daysBetween(item.minText(), item.maxText())));
                topValues.setText(range);
                setGraphic(topValues);
                setTooltip(new Tooltip(range));
            } else {
                setGraphic(null);
                setTooltip(null);
            }
        }

        private static long daysBetween(String isoFrom, String isoTo) {
            return java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.parse(temporalText(isoFrom)), java.time.LocalDate.parse(temporalText(isoTo)));
        }

        private static String valueText(ValueCount v) {
            return v.value() == null ? tr("profile.emptyValue") : v.value();
        }
    }

}
