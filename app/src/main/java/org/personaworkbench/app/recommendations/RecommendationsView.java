package org.personaworkbench.app.recommendations;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.ContextShares;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Metrics;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.key;
import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Recommendations step: the data and strategy controls on top (dataset, feedback kind, strategies, list
 * length, diversity slider, progress and Cancel), then three tabs: a customer (persona, history, features) beside
 * the chosen strategies' lists; the offline evaluation (protocol line, table, NDCG chart, persona filter); and the
 * export of top-N lists per customer.
 */
public final class RecommendationsView {

    private final RecommendationsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    /** Keeps bidirectional links with spinners alive. */
    private final List<Object> links = new ArrayList<>();

    public RecommendationsView(RecommendationsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("recommendationsView");
        root.getStyleClass().addAll("step-view", "recommendations-view");
        root.setTop(header());
        TabPane tabs = new TabPane(tab("customerTab", tr("recommendations.tab.customer"), customerPane()),
                tab("evaluationTab", tr("recommendations.tab.evaluation"), evaluationPane()),
                tab("recommendationsExportTab", tr("recommendations.tab.export"), exportPane()));
        tabs.setId("recommendationsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane.setMargin(tabs, new Insets(4, 0, 0, 0));
        root.setCenter(tabs);
    }

    public Parent root() {
        return root;
    }

    // ---- header: data, strategies, list length, diversity, progress ----

    private Node header() {
        Label title = new Label(tr("step.recommendations"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("recommendations.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        Label message = StepMessage.label("recommendationsMessage", viewModel.messageProperty());

        ComboBox<String> dataset = new ComboBox<>(viewModel.datasets());
        dataset.setId("interactionDatasetChoice");
        dataset.setPromptText(tr("recommendations.noDataset.short"));
        dataset.valueProperty().bindBidirectional(viewModel.datasetProperty());
        dataset.setTooltip(new Tooltip(tr("recommendations.dataset.tip")));
        dataset.setPrefWidth(170);
        dataset.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<FeedbackKind> feedback = new ComboBox<>();
        feedback.getItems().setAll(FeedbackKind.IMPLICIT_COUNT, FeedbackKind.IMPLICIT_RECENCY, FeedbackKind.EXPLICIT);
        feedback.setId("feedbackChoice");
        feedback.setConverter(converter(StrategyNames::of));
        feedback.valueProperty().bindBidirectional(viewModel.feedbackProperty());
        feedback.setTooltip(new Tooltip(tr("recommendations.feedback.tip")));
        feedback.setPrefWidth(220);
        feedback.setMinWidth(Region.USE_PREF_SIZE);
        Button load = new Button(tr("recommendations.load"), Icons.icon(Feather.DOWNLOAD_CLOUD));
        load.setId("loadInteractionsButton");
        load.disableProperty().bind(viewModel.busyProperty().or(viewModel.projectProperty().isNull()));
        load.setOnAction(e -> viewModel.load());
        load.setMinWidth(Region.USE_PREF_SIZE);
        Button retrain = new Button(tr("recommendations.retrain"), Icons.icon(Feather.REFRESH_CW));
        retrain.setId("retrainButton");
        retrain.getStyleClass().add(Styles.FLAT);
        retrain.setTooltip(new Tooltip(tr("recommendations.retrain.tip")));
        retrain.disableProperty().bind(viewModel.busyProperty().or(viewModel.loadedProperty().isNull()));
        retrain.setOnAction(e -> viewModel.retrain());
        retrain.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("interactionsSummary");
        summary.getStyleClass().add("text-muted");
        summary.textProperty().bind(viewModel.dataSummaryProperty());
        summary.setTooltip(new Tooltip(tr("recommendations.data.tip")));
        summary.setMinWidth(0);
        HBox data = line(fixed(tr("recommendations.dataset")), dataset, fixed(tr("recommendations.feedback")),
                feedback, load, retrain);

        FlowPane checks = new FlowPane(12, 6);
        checks.setId("strategyChecks");
        for (StrategyChoice c : viewModel.strategies()) {
            CheckBox box = new CheckBox(StrategyNames.of(c.algorithm()));
            box.setId("strategy-" + c.algorithm().word());
            box.selectedProperty().bindBidirectional(c.selectedProperty());
            box.setTooltip(new Tooltip(StrategyNames.about(c.algorithm())));
            checks.getChildren().add(box);
        }
        Spinner<Integer> n = new Spinner<>(1, 50, viewModel.nProperty().get());
        n.setId("topNSpinner");
        n.setEditable(true);
        n.setPrefWidth(80);
        n.setMinWidth(80);
        var nValue = n.getValueFactory().valueProperty();
        nValue.bindBidirectional(viewModel.nProperty());
        links.add(nValue);
        n.setTooltip(new Tooltip(tr("recommendations.n.tip")));
        Slider slider = new Slider(0, 1, viewModel.diversityProperty().get());
        slider.setId("diversitySlider");
        slider.setPrefWidth(180);
        slider.setMajorTickUnit(0.25);
        slider.setShowTickMarks(true);
        slider.setTooltip(new Tooltip(tr("recommendations.diversity.tip")));
        Label lambda = new Label();
        lambda.setId("diversityValue");
        lambda.setMinWidth(36);
        lambda.textProperty().bind(Bindings.createStringBinding(() -> decimals(slider.getValue(), 2),
                slider.valueProperty()));
        PauseTransition settle = new PauseTransition(Duration.millis(150));
        settle.setOnFinished(e -> viewModel.diversityProperty().set(slider.getValue()));
        slider.valueProperty().addListener((obs, old, now) -> settle.playFromStart());
        viewModel.diversityProperty().addListener((obs, old, now) -> {
            if (Math.abs(slider.getValue() - now.doubleValue()) > 1e-9 && !settle.getStatus().equals(
                    javafx.animation.Animation.Status.RUNNING)) {
                slider.setValue(now.doubleValue());
            }
        });
        ComboBox<String> context = new ComboBox<>(viewModel.contexts());
        context.setId("contextChoice");
        context.setConverter(converter(RecommendationsView::contextName));
        context.valueProperty().bindBidirectional(viewModel.contextProperty());
        context.setTooltip(new Tooltip(tr("recommendations.context.tip")));
        context.setMinWidth(Region.USE_PREF_SIZE);
        context.disableProperty().bind(Bindings.size(viewModel.contexts()).lessThan(2));
        HBox.setHgrow(checks, Priority.ALWAYS);
        HBox strategies = line(fixed(tr("recommendations.strategies")), checks, fixed(tr("recommendations.n")), n,
                fixed(tr("recommendations.diversity")), slider, lambda, fixed(tr("recommendations.context")),
                context);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = line(summary, gap, taskLine());
        VBox box = new VBox(8, title, about, message, data, strategies, status);
        box.getStyleClass().add("step-header");
        return box;
    }

    private Node taskLine() {
        Label task = new Label();
        task.setId("recommendationsTask");
        task.getStyleClass().add("text-muted");
        ProgressBar progress = new ProgressBar(0);
        progress.setId("recommendationsProgress");
        progress.setPrefWidth(220);
        Button cancel = new Button(tr("status.cancel"), Icons.icon(Feather.X_CIRCLE));
        cancel.setId("recommendationsCancelButton");
        cancel.getStyleClass().add(Styles.SMALL);
        HBox box = line(progress, cancel, task);
        box.visibleProperty().bind(viewModel.currentTaskProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        viewModel.currentTaskProperty().addListener((obs, old, now) -> bindTask(now, task, progress, cancel));
        bindTask(viewModel.currentTaskProperty().get(), task, progress, cancel);
        return box;
    }

    private static void bindTask(BackgroundTask now, Label task, ProgressBar progress, Button cancel) {
        progress.progressProperty().unbind();
        task.textProperty().unbind();
        cancel.disableProperty().unbind();
        if (now == null) {
            task.setText("");
            cancel.setOnAction(null);
            return;
        }
        progress.progressProperty().bind(now.progressProperty());
        task.textProperty().bind(Bindings.createStringBinding(() -> now.messageProperty().get().isEmpty()
                ? now.title() : now.messageProperty().get(), now.messageProperty()));
        cancel.disableProperty().bind(now.cancelRequestedProperty());
        cancel.setOnAction(e -> now.cancel());
    }

    // ---- customer tab ----

    private Node customerPane() {
        TextField search = new TextField();
        search.setId("customerField");
        search.setPromptText(tr("recommendations.customer.prompt"));
        search.textProperty().bindBidirectional(viewModel.customerQueryProperty());
        ListView<String> suggestions = new ListView<>(viewModel.suggestions());
        suggestions.setId("customerSuggestions");
        suggestions.setPrefHeight(96);
        suggestions.visibleProperty().bind(Bindings.isNotEmpty(viewModel.suggestions())
                .and(search.focusedProperty().or(suggestions.focusedProperty())));
        suggestions.managedProperty().bind(suggestions.visibleProperty());
        search.setOnAction(e -> {
            String typed = search.getText();
            if (!viewModel.findCustomer(typed) && !viewModel.suggestions().isEmpty()) {
                viewModel.findCustomer(viewModel.suggestions().getFirst());
            }
        });
        suggestions.setOnMouseClicked(e -> {
            String picked = suggestions.getSelectionModel().getSelectedItem();
            if (picked != null) {
                viewModel.findCustomer(picked);
                search.positionCaret(search.getLength());
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN && !viewModel.suggestions().isEmpty()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        suggestions.setOnKeyPressed(e -> {
            String picked = suggestions.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && picked != null) {
                viewModel.findCustomer(picked);
            }
        });
        Button find = new Button(tr("recommendations.customer.find"), Icons.icon(Feather.SEARCH));
        find.setId("findCustomerButton");
        find.setOnAction(e -> search.getOnAction().handle(null));
        find.disableProperty().bind(viewModel.loadedProperty().isNull());
        find.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(search, Priority.ALWAYS);

        Label who = new Label();
        who.setId("customerId");
        who.getStyleClass().add("title-4");
        who.textProperty().bind(Bindings.createStringBinding(() -> viewModel.customerProperty().get().isEmpty()
                ? tr("recommendations.customer.none")
                : tr("recommendations.customer.title", viewModel.customerProperty().get()),
                viewModel.customerProperty()));
        Label persona = new Label();
        persona.setId("customerPersona");
        persona.setGraphic(Icons.icon(Feather.USER));
        persona.getStyleClass().add("recommendations-persona");
        persona.textProperty().bind(Bindings.createStringBinding(() -> viewModel.personaProperty().get().isEmpty()
                ? tr("recommendations.persona.none") : viewModel.personaProperty().get(),
                viewModel.personaProperty()));
        persona.setTooltip(new Tooltip(tr("recommendations.persona.tip")));
        persona.visibleProperty().bind(viewModel.customerProperty().isNotEmpty());

        TableView<HistoryRow> history = new TableView<>(viewModel.history());
        history.setId("historyTable");
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setPlaceholder(new Label(tr("recommendations.history.none")));
        history.getColumns().add(column(tr("recommendations.history.item"), tr("recommendations.history.item.tip"),
                HistoryRow::title, 176));
        history.getColumns().add(column(tr("recommendations.history.value"), tr("recommendations.history.value.tip"),
                r -> decimals(r.value(), r.value() == Math.rint(r.value()) ? 0 : 2), 48));
        history.getColumns().add(column(tr("recommendations.history.date"), tr("recommendations.history.date.tip"),
                HistoryRow::date, 104));
        history.setPrefHeight(220);
        history.setFixedCellSize(30);
        VBox.setVgrow(history, Priority.ALWAYS);

        FlowPane features = new FlowPane(14, 4);
        features.setId("customerFeatures");
        Label featuresTitle = new Label();
        featuresTitle.getStyleClass().add("text-muted");
        Runnable fillFeatures = () -> {
            features.getChildren().clear();
            for (RecommendationsViewModel.FeatureValue f : viewModel.features()) {
                Label name = new Label(f.name());
                name.getStyleClass().add("text-muted");
                Label value = new Label(f.value());
                value.setTooltip(new Tooltip(tr("recommendations.feature.tip", f.name(),
                        viewModel.featureSetProperty().get())));
                HBox pair = new HBox(5, name, value);
                features.getChildren().add(pair);
            }
            featuresTitle.setText(viewModel.features().isEmpty() ? "" : tr("recommendations.features",
                    viewModel.featureSetProperty().get()));
        };
        viewModel.features().addListener((ListChangeListener<RecommendationsViewModel.FeatureValue>) c ->
                fillFeatures.run());
        fillFeatures.run();

        Label historyTitle = new Label(tr("recommendations.history"));
        historyTitle.getStyleClass().add("text-muted");
        VBox left = new VBox(8, line(search, find), suggestions, who, persona, featuresTitle, features, historyTitle,
                history);
        left.getStyleClass().add("segments-card");
        left.setPrefWidth(380);
        left.setMinWidth(360);
        left.setMaxWidth(380);

        HBox lists = new HBox(10);
        lists.setId("recommendationLists");
        Label empty = new Label(tr("recommendations.lists.none"));
        empty.getStyleClass().add("text-muted");
        empty.setWrapText(true);
        Runnable fillLists = () -> {
            List<Node> cards = new ArrayList<>();
            for (StrategyList l : viewModel.lists()) {
                cards.add(listCard(l));
            }
            if (cards.isEmpty()) {
                cards.add(empty);
            }
            lists.getChildren().setAll(cards);
        };
        viewModel.lists().addListener((ListChangeListener<StrategyList>) c -> fillLists.run());
        fillLists.run();
        lists.setFillHeight(true);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(lists);
        scroll.setId("recommendationListsScroll");
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        scroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("segments-scroll");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox body = new HBox(10, left, scroll);
        return body;
    }

    private Node listCard(StrategyList list) {
        Label title = new Label(StrategyNames.of(list.algorithm()));
        title.getStyleClass().add("title-4");
        title.setTooltip(new Tooltip(StrategyNames.about(list.algorithm())));
        Label diversity = new Label(tr("recommendations.list.diversity", decimals(list.diversity(), 2)));
        diversity.setId("diversity-" + list.algorithm().word());
        diversity.getStyleClass().addAll("text-muted", "recommendations-diversity");
        diversity.setTooltip(new Tooltip(tr("recommendations.list.diversity.tip")));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, diversity);
        top.setAlignment(Pos.BASELINE_LEFT);
        ListView<RankedItem> items = new ListView<>();
        items.getItems().setAll(list.items());
        items.setId("list-" + list.algorithm().word());
        items.getStyleClass().add("recommendation-list");
        ScoreFormat scores = ScoreFormat.forList(list.algorithm(), list.items());
        items.setCellFactory(v -> new RankedCell(scores));
        items.setPlaceholder(new Label(tr("recommendations.list.empty")));
        VBox.setVgrow(items, Priority.ALWAYS);
        VBox card = new VBox(6, top, items);
        card.getStyleClass().add("segments-card");
        card.setPrefWidth(340);
        card.setMinWidth(300);
        HBox.setHgrow(card, Priority.ALWAYS);
        return card;
    }

    /** Rank, title and score on one line, the explanation below. */
    private static final class RankedCell extends ListCell<RankedItem> {
        private final Label rank = new Label();
        private final Label title = new Label();
        private final Label score = new Label();
        private final Label why = new Label();
        private final VBox box;
        private final ScoreFormat scores;

        RankedCell(ScoreFormat scores) {
            this.scores = scores;
            rank.getStyleClass().add("recommendation-rank");
            rank.setMinWidth(28);
            title.getStyleClass().add("recommendation-title");
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            score.getStyleClass().addAll("text-muted", "recommendation-score");
            score.setMinWidth(Region.USE_PREF_SIZE);
            score.setTooltip(new Tooltip(tr("recommendations.list.score.tip")));
            why.getStyleClass().addAll("text-muted", "text-small");
            why.setPadding(new Insets(0, 0, 0, 32));
            HBox line = new HBox(4, rank, title, score);
            line.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(1, line, why);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(RankedItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            rank.setText(item.rank() + ".");
            title.setText(item.title());
            score.setText(scores.format(item.score()));
            why.setText(item.explanation());
            setTooltip(new Tooltip(item.item() + " · " + item.title() + "\n" + item.explanation()));
            setGraphic(box);
        }
    }

    // ---- evaluation tab ----

    private Node evaluationPane() {
        Button evaluate = new Button(tr("recommendations.evaluate"), Icons.icon(Feather.BAR_CHART_2));
        evaluate.setId("evaluateButton");
        evaluate.getStyleClass().add(Styles.ACCENT);
        evaluate.disableProperty().bind(viewModel.busyProperty().or(viewModel.loadedProperty().isNull()));
        evaluate.setOnAction(e -> viewModel.evaluate());
        ComboBox<String> persona = new ComboBox<>(viewModel.personaFilters());
        persona.setId("evaluationPersonaChoice");
        persona.setConverter(converter(s -> s == null || s.isEmpty() ? tr("recommendations.persona.all") : s));
        persona.valueProperty().bindBidirectional(viewModel.personaFilterProperty());
        persona.setTooltip(new Tooltip(tr("recommendations.persona.filter.tip")));
        Label protocol = new Label();
        protocol.setId("protocolLine");
        protocol.setWrapText(true);
        protocol.getStyleClass().add("recommendations-protocol");
        protocol.textProperty().bind(Bindings.createStringBinding(() -> viewModel.protocolLineProperty().get()
                .isEmpty() ? tr("recommendations.protocol.none") : viewModel.protocolLineProperty().get(),
                viewModel.protocolLineProperty()));
        protocol.setTooltip(new Tooltip(tr("recommendations.protocol.tip")));
        protocol.setMinHeight(Region.USE_PREF_SIZE);

        TableView<EvaluationRow> table = new TableView<>(viewModel.evaluation());
        table.setId("evaluationTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(tr("recommendations.evaluation.none")));
        table.getColumns().add(column(tr("recommendations.metric.strategy"), tr("recommendations.metric.strategy.tip"),
                r -> StrategyNames.of(r.algorithm()), 96));
        metric(table, key("recommendations.metric.precision"), key("recommendations.metric.precision.tip"), Metrics::precision, 3);
        metric(table, key("recommendations.metric.recall"), key("recommendations.metric.recall.tip"), Metrics::recall, 3);
        metric(table, key("recommendations.metric.ndcg"), key("recommendations.metric.ndcg.tip"), Metrics::ndcg, 3);
        metric(table, key("recommendations.metric.map"), key("recommendations.metric.map.tip"), Metrics::map, 3);
        metric(table, key("recommendations.metric.hitRate"), key("recommendations.metric.hitRate.tip"), Metrics::hitRate, 3);
        metric(table, key("recommendations.metric.coverage"), key("recommendations.metric.coverage.tip"), Metrics::coverage, 3);
        metric(table, key("recommendations.metric.novelty"), key("recommendations.metric.novelty.tip"), Metrics::novelty, 2);
        metric(table, key("recommendations.metric.diversity"), key("recommendations.metric.diversity.tip"), Metrics::diversity,
                3);
        table.getColumns().add(column(tr("recommendations.metric.users"), tr("recommendations.metric.users.tip"),
                r -> Formats.count(r.metrics().users()), 88));
        table.getColumns().add(column(tr("recommendations.metric.train"), tr("recommendations.metric.train.tip"),
                r -> decimals(r.trainSeconds(), 2), 66));
        table.getColumns().add(column(tr("recommendations.metric.p50"), tr("recommendations.metric.p50.tip"),
                r -> decimals(r.recommendMsP50(), 2), 68));
        table.getColumns().add(column(tr("recommendations.metric.p99"), tr("recommendations.metric.p99.tip"),
                r -> decimals(r.recommendMsP99(), 2), 68));
        table.setFixedCellSize(32);
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.max(3, viewModel.evaluation().size())
                * 32.0 + 40, viewModel.evaluation()));
        table.setMinHeight(Region.USE_PREF_SIZE);

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(tr("recommendations.chart.axis"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("ndcgChart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle(tr("recommendations.chart.title"));
        chart.setPrefHeight(230);
        chart.setCategoryGap(48);
        chart.setMinHeight(200);
        Tooltip.install(chart, new Tooltip(tr("recommendations.chart.tip")));
        Runnable fillChart = () -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            for (EvaluationRow r : viewModel.evaluation()) {
                series.getData().add(new XYChart.Data<>(StrategyNames.of(r.algorithm()),
                        Double.isFinite(r.metrics().ndcg()) ? r.metrics().ndcg() : 0));
            }
            chart.getData().setAll(List.of(series));
            for (XYChart.Data<String, Number> d : series.getData()) {
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), new Tooltip(tr("recommendations.chart.bar", d.getXValue(),
                            decimals(d.getYValue().doubleValue(), 3))));
                }
            }
        };
        viewModel.evaluation().addListener((ListChangeListener<EvaluationRow>) c -> fillChart.run());
        chart.visibleProperty().bind(Bindings.isNotEmpty(viewModel.evaluation()));
        chart.managedProperty().bind(chart.visibleProperty());

        Button exportTable = new Button(tr("recommendations.evaluation.export"), Icons.icon(Feather.DOWNLOAD));
        exportTable.setId("exportEvaluationButton");
        exportTable.disableProperty().bind(viewModel.busyProperty().or(viewModel.evaluatedProperty().not()));
        exportTable.setOnAction(e -> viewModel.exportEvaluation());
        exportTable.setTooltip(new Tooltip(tr("recommendations.evaluation.export.tip")));

        HBox top = line(evaluate, fixed(tr("recommendations.persona.filter")), persona, exportTable);
        VBox box = new VBox(10, top, protocol, table, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("segments-scroll");
        return scroll;
    }

    private static void metric(TableView<EvaluationRow> table, String titleKey, String tipKey,
                               java.util.function.ToDoubleFunction<Metrics> value, int places) {
        table.getColumns().add(column(tr(titleKey), tr(tipKey), r -> decimals(value.applyAsDouble(r.metrics()),
                places), 76));
    }

    // ---- export tab ----

    private Node exportPane() {
        ComboBox<Algorithm> strategy = new ComboBox<>();
        strategy.getItems().setAll(Algorithm.values());
        strategy.setId("exportStrategyChoice");
        strategy.setConverter(converter(StrategyNames::of));
        strategy.valueProperty().bindBidirectional(viewModel.exportStrategyProperty());
        ComboBox<String> persona = new ComboBox<>(viewModel.personaFilters());
        persona.setId("exportPersonaChoice");
        persona.setConverter(converter(s -> s == null || s.isEmpty() ? tr("recommendations.persona.all") : s));
        persona.valueProperty().bindBidirectional(viewModel.exportPersonaProperty());
        CheckBox hash = new CheckBox(tr("export.hash"));
        hash.setId("recommendationsHashCheck");
        hash.selectedProperty().bindBidirectional(viewModel.hashIdsProperty());
        TextField salt = new TextField();
        salt.setId("recommendationsSaltField");
        salt.setPromptText(tr("export.salt.prompt"));
        salt.textProperty().bindBidirectional(viewModel.saltProperty());
        salt.disableProperty().bind(viewModel.hashIdsProperty().not());
        salt.setPrefColumnCount(18);
        Button export = new Button(tr("export.run"), Icons.icon(Feather.DOWNLOAD));
        export.setId("recommendationsExportButton");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(viewModel.busyProperty().or(viewModel.loadedProperty().isNull()));
        export.setOnAction(e -> viewModel.export());
        Label about = new Label(tr("recommendations.export.about"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, fixed(tr("recommendations.export.strategy")), strategy);
        grid.addRow(1, fixed(tr("recommendations.export.persona")), persona);
        grid.addRow(2, hash, salt);
        VBox box = new VBox(12, about, grid, export);
        box.getStyleClass().add("segments-card");
        box.setMaxWidth(640);
        return new VBox(box);
    }

    // ---- helpers ----

    private static Tab tab(String id, String title, Node content) {
        BorderPane padded = new BorderPane(content);
        padded.setPadding(new Insets(10, 16, 12, 16));
        Tab t = new Tab(title, padded);
        t.setId(id);
        return t;
    }

    private static <R> TableColumn<R, String> column(String title, String tip, Function<R, String> value,
                                                     double width) {
        TableColumn<R, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        header.setMinWidth(Region.USE_PREF_SIZE);
        header.getStyleClass().add("text-small");
        c.setGraphic(header);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** "None", "Morning"…, or "Device: mobile" for a context key. */
    static String contextName(String key) {
        if (key == null || key.isEmpty()) {
            return tr("recommendations.context.none");
        }
        if (key.startsWith(ContextShares.DEVICE)) {
            return tr("recommendations.context.device", key.substring(ContextShares.DEVICE.length()));
        }
        return switch (key) {
            case "morning" -> tr("recommendations.context.morning");
            case "afternoon" -> tr("recommendations.context.afternoon");
            case "evening" -> tr("recommendations.context.evening");
            case "night" -> tr("recommendations.context.night");
            default -> key;
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    static String decimals(double value, int places) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.getDefault(Locale.Category.FORMAT));
        f.setMinimumFractionDigits(places);
        f.setMaximumFractionDigits(places);
        return f.format(value);
    }

    private static HBox line(Node... nodes) {
        HBox box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
