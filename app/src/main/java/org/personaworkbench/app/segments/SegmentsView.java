package org.personaworkbench.app.segments;

import org.personaworkbench.app.common.TaskControls;
import org.personaworkbench.app.common.CheckedColumn;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.app.common.TextColumns;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.Algorithm;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.FeatureTest;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.Linkage;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SweepPoint;
import org.personaworkbench.engine.segmentation.SweepResult;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Segments step: the data to cluster at the top, the "choose k" sweep charts, the fit panel with each
 * algorithm's parameters, and the results in tabs (sizes, silhouette plot, projection, dendrogram, profiles,
 * saved runs). Charts are drawn on canvases from data the view model prepared off the FX thread.
 */
public final class SegmentsView {

    private static final DateTimeFormatter SAVED_AT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);

    private final SegmentsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final List<MetricChart> sweepCharts = new ArrayList<>();
    /** Kept so the bidirectional links between spinners and the view model are not collected. */
    private final List<Object> links = new ArrayList<>();

    public SegmentsView(SegmentsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("segmentsView");
        root.getStyleClass().addAll("step-view", "segments-view");
        root.setTop(header());
        VBox body = new VBox(12, dataCard(), sweepCard(), fitCard(), results());
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

    // ---- header: title, progress with Cancel, message ----

    private Node header() {
        Label title = new Label(tr("step.segments"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("segments.summary"));
        about.getStyleClass().add("text-muted");
        about.setMinWidth(0);
        about.setWrapText(true);
        VBox text = new VBox(2, title, about);
        HBox.setHgrow(text, Priority.ALWAYS);

        HBox running = TaskControls.line("segments", viewModel.currentTaskProperty(), 180, 280);

        HBox top = new HBox(16, text, running);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = StepMessage.label("segmentsMessage", viewModel.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, top, message);
        box.getStyleClass().add("step-header");
        return box;
    }

    // ---- data: feature set, columns, scaling ----

    private Node dataCard() {
        ComboBox<FeatureSetInfo> sets = new ComboBox<>(viewModel.featureSets());
        sets.setId("featureSetChoice");
        sets.setConverter(converter(f -> f.name() + "  (" + Formats.count(f.rows()) + ")"));
        sets.valueProperty().bindBidirectional(viewModel.selectedFeatureSetProperty());
        sets.setPromptText(tr("segments.noFeatureSets"));
        sets.setPrefWidth(240);
        ComboBox<Scaling> scaling = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Scaling.values()));
        scaling.setId("scalingChoice");
        scaling.setConverter(converter(SegmentsView::scalingLabel));
        scaling.valueProperty().bindBidirectional(viewModel.scalingProperty());
        HBox choosers = new HBox(10, label("segments.featureSet"), sets, label("segments.scaling"), scaling);
        choosers.setAlignment(Pos.CENTER_LEFT);

        FlowPane columnBoxes = new FlowPane(14, 6);
        columnBoxes.setId("columnChecklist");
        Label columnsLabel = label("segments.columns");
        Runnable fill = () -> {
            List<Node> boxes = new ArrayList<>();
            boxes.add(columnsLabel);
            for (CheckedColumn c : viewModel.columns()) {
                CheckBox box = new CheckBox(c.name());
                box.setMnemonicParsing(false); // column names have underscores
                box.selectedProperty().bindBidirectional(c.selectedProperty());
                boxes.add(box);
            }
            columnBoxes.getChildren().setAll(boxes);
        };
        viewModel.columns().addListener((ListChangeListener<CheckedColumn>) ch -> fill.run());
        fill.run();
        Node columnsLine = columnBoxes;
        Label none = new Label(tr("segments.noFeatureSetsHelp"));
        none.getStyleClass().add("text-muted");
        none.setWrapText(true);
        none.visibleProperty().bind(Bindings.isEmpty(viewModel.featureSets()));
        none.managedProperty().bind(none.visibleProperty());
        return card("segments.data", Feather.DATABASE, new VBox(8, choosers, columnsLine, none));
    }

    // ---- choose k ----

    private Node sweepCard() {
        Spinner<Integer> from = intSpinner(viewModel.kFromProperty(), 2, 999, "kFromSpinner");
        Spinner<Integer> to = intSpinner(viewModel.kToProperty(), 2, 999, "kToSpinner");
        Spinner<Integer> seed = intSpinner(viewModel.seedProperty(), 0, Integer.MAX_VALUE, "seedSpinner");
        seed.setPrefWidth(110);
        Button run = new Button(tr("segments.sweep.run"), Icons.icon(Feather.PLAY));
        run.setId("runSweepButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(notReady());
        run.setOnAction(e -> viewModel.runSweep());
        HBox controls = new HBox(10, label("segments.sweep.from"), from, label("segments.sweep.to"), to,
                label("segments.seed"), seed, run);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label recommendation = new Label();
        recommendation.setId("recommendationLabel");
        recommendation.getStyleClass().add("recommendation");
        recommendation.setWrapText(true);
        recommendation.setGraphic(Icons.icon(Feather.STAR));
        Label legend = new Label(tr("segments.sweep.legend"));
        legend.getStyleClass().addAll("text-muted", "text-small");
        legend.setWrapText(true);

        MetricChart elbow = chart("elbowChart", "segments.chart.elbow", "segments.chart.elbowHint",
                tr("segments.tip.elbow"));
        MetricChart silhouette = chart("silhouetteChart", "segments.chart.silhouette", "segments.chart.higher",
                tr("segments.tip.silhouette"));
        MetricChart ch = chart("calinskiChart", "segments.chart.calinski", "segments.chart.higher",
                tr("segments.tip.calinski"));
        MetricChart db = chart("daviesChart", "segments.chart.davies", "segments.chart.lower",
                tr("segments.tip.davies"));
        MetricChart stability = chart("stabilityChart", "segments.chart.stability", "segments.chart.higher",
                tr("segments.tip.stability"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setId("sweepCharts");
        for (int i = 0; i < sweepCharts.size(); i++) {
            MetricChart c = sweepCharts.get(i);
            c.setPrefHeight(170);
            grid.add(c, i, 0);
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / sweepCharts.size());
            grid.getColumnConstraints().add(cc);
        }
        VBox chartsBox = new VBox(6, recommendation, grid, legend);
        chartsBox.visibleProperty().bind(viewModel.sweepProperty().isNotNull());
        chartsBox.managedProperty().bind(chartsBox.visibleProperty());

        viewModel.sweepProperty().addListener((obs, old, now) -> {
            recommendation.setText(viewModel.recommendation());
            showSweep(now, elbow, silhouette, ch, db, stability);
        });
        viewModel.kProperty().addListener((obs, old, now) -> {
            SweepResult s = viewModel.sweepProperty().get();
            if (s != null) {
                sweepCharts.forEach(c -> c.setMarkers(s.recommendedK(), c == elbow ? s.kneeK() : Double.NaN,
                        now.doubleValue()));
            }
        });
        return card("segments.sweep", Feather.TRENDING_DOWN, new VBox(10, controls, chartsBox));
    }

    private MetricChart chart(String id, String titleKey, String hintKey, String meaning) {
        MetricChart c = new MetricChart();
        c.setId(id);
        c.setTitle(tr(titleKey), tr(hintKey));
        c.setOnPick(i -> {
            SweepResult s = viewModel.sweepProperty().get();
            if (s != null && i < s.points().size()) {
                viewModel.chooseK(s.points().get(i).k());
            }
        });
        Tooltip tip = new Tooltip(meaning + "\n" + tr("segments.chart.clickTip"));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(c, tip);
        c.getProperties().put(Tooltip.class, tip); // so tests can find what the chart explains
        sweepCharts.add(c);
        return c;
    }

    private void showSweep(SweepResult s, MetricChart elbow, MetricChart silhouette, MetricChart ch, MetricChart db,
                           MetricChart stability) {
        if (s == null) {
            return;
        }
        List<SweepPoint> p = s.points();
        double[] ks = p.stream().mapToDouble(SweepPoint::k).toArray();
        elbow.setData(ks, values(p, SweepPoint::inertia), null, null);
        silhouette.setData(ks, values(p, SweepPoint::silhouette),
                s.silhouetteExact() ? null : values(p, SweepPoint::silhouetteLow),
                s.silhouetteExact() ? null : values(p, SweepPoint::silhouetteHigh));
        int sample = p.stream().mapToInt(SweepPoint::silhouetteSampleSize).max().orElse(0);
        silhouette.setTitle(tr("segments.chart.silhouette"), s.silhouetteExact() ? tr("segments.chart.higher")
                : tr("segments.chart.sampled", Formats.count(sample)));
        ch.setData(ks, values(p, SweepPoint::calinskiHarabasz), null, null);
        db.setData(ks, values(p, SweepPoint::daviesBouldin), null, null);
        stability.setData(ks, values(p, SweepPoint::stability), null, null);
        for (MetricChart c : sweepCharts) {
            c.setMarkers(s.recommendedK(), c == elbow ? s.kneeK() : Double.NaN, viewModel.kProperty().get());
        }
    }

    private static double[] values(List<SweepPoint> points, ToDoubleFunction<SweepPoint> f) {
        return points.stream().mapToDouble(f).toArray();
    }

    // ---- fit ----

    private Node fitCard() {
        ComboBox<Algorithm> algorithm = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Algorithm.values()));
        algorithm.setId("algorithmChoice");
        algorithm.setConverter(converter(Algorithm::label));
        algorithm.valueProperty().bindBidirectional(viewModel.algorithmProperty());

        Spinner<Integer> k = intSpinner(viewModel.kProperty(), 1, 999, "fitKSpinner");
        Node kBox = group(label("segments.fit.k"), k);

        ComboBox<Linkage> linkage = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                Linkage.values()));
        linkage.setId("linkageChoice");
        linkage.setConverter(converter(l -> l.word().substring(0, 1).toUpperCase(Locale.ROOT) + l.word().substring(1)));
        linkage.valueProperty().bindBidirectional(viewModel.linkageProperty());
        CheckBox byHeight = new CheckBox(tr("segments.fit.cutByHeight"));
        byHeight.setId("cutByHeightCheck");
        byHeight.selectedProperty().bindBidirectional(viewModel.cutByHeightProperty());
        TextField height = doubleField(viewModel.cutHeightProperty(), "cutHeightField");
        height.disableProperty().bind(byHeight.selectedProperty().not());
        Node linkageBox = group(label("segments.fit.linkage"), linkage, byHeight, height);

        TextField eps = doubleField(viewModel.epsProperty(), "epsField");
        eps.setPromptText(tr("segments.fit.epsAuto"));
        Button kdist = new Button(tr("segments.fit.kDistance"), Icons.icon(Feather.BAR_CHART_2));
        kdist.setId("kDistanceButton");
        kdist.disableProperty().bind(notReady());
        kdist.setOnAction(e -> viewModel.runKDistance());
        Node epsBox = group(label("segments.fit.eps"), eps, kdist);
        Spinner<Integer> minPts = intSpinner(viewModel.minPointsProperty(), 1, 10_000, "minPointsSpinner");
        Node minPtsBox = group(label("segments.fit.minPoints"), minPts);
        Spinner<Integer> minSize = intSpinner(viewModel.minClusterSizeProperty(), 2, 1_000_000, "minClusterSpinner");
        Node minSizeBox = group(label("segments.fit.minClusterSize"), minSize);

        showWhen(kBox, Bindings.createBooleanBinding(() -> viewModel.algorithmProperty().get().takesK()
                && !(viewModel.algorithmProperty().get() == Algorithm.HIERARCHICAL
                && viewModel.cutByHeightProperty().get()), viewModel.algorithmProperty(),
                viewModel.cutByHeightProperty()));
        showWhen(linkageBox, viewModel.algorithmProperty().isEqualTo(Algorithm.HIERARCHICAL));
        showWhen(epsBox, viewModel.algorithmProperty().isEqualTo(Algorithm.DBSCAN));
        showWhen(minPtsBox, viewModel.algorithmProperty().isEqualTo(Algorithm.DBSCAN)
                .or(viewModel.algorithmProperty().isEqualTo(Algorithm.HDBSCAN)));
        showWhen(minSizeBox, viewModel.algorithmProperty().isEqualTo(Algorithm.HDBSCAN));

        Button run = new Button(tr("segments.fit.run"), Icons.icon(Feather.PLAY));
        run.setId("runFitButton");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(notReady());
        run.setOnAction(e -> viewModel.runFit());
        FlowPane params = new FlowPane(16, 8, group(label("segments.fit.algorithm"), algorithm), kBox, linkageBox,
                epsBox, minPtsBox, minSizeBox, run);
        params.setAlignment(Pos.CENTER_LEFT);

        MetricChart curve = new MetricChart();
        curve.setId("kDistanceChart");
        curve.setPrefHeight(200);
        curve.setMaxWidth(640);
        Tooltip.install(curve, new Tooltip(tr("segments.kdistance.tip")));
        Runnable showCurve = () -> {
            KDistanceCurve c = viewModel.kDistanceProperty().get();
            if (c == null) {
                return;
            }
            double[] d = c.distances();
            double[] xs = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                xs[i] = i + 1;
            }
            curve.setTitle(tr("segments.kdistance.title", c.k()), tr("segments.kdistance.hint",
                    tick(c.suggestedEps()), Formats.count(c.sampleSize())));
            curve.setData(xs, d, null, null);
            curve.setHorizontal(viewModel.epsProperty().get(), c.suggestedEps());
        };
        curve.setOnPick(i -> {
            KDistanceCurve c = viewModel.kDistanceProperty().get();
            if (c != null) {
                viewModel.epsProperty().set(c.distances()[i]);
            }
        });
        viewModel.kDistanceProperty().addListener((obs, old, now) -> showCurve.run());
        viewModel.epsProperty().addListener((obs, old, now) -> {
            KDistanceCurve c = viewModel.kDistanceProperty().get();
            curve.setHorizontal(now.doubleValue(), c == null ? Double.NaN : c.suggestedEps());
        });
        showWhen(curve, viewModel.algorithmProperty().isEqualTo(Algorithm.DBSCAN)
                .and(viewModel.kDistanceProperty().isNotNull()));
        return card("segments.fit", Feather.TARGET, new VBox(10, params, curve));
    }

    // ---- results ----

    private Node results() {
        TabPane tabs = new TabPane(
                tab("segments.tab.sizes", sizesTab()),
                tab("segments.tab.silhouette", silhouetteTab()),
                tab("segments.tab.projection", projectionTab()),
                tab("segments.tab.dendrogram", dendrogramTab()),
                tab("segments.tab.profiles", profilesTab()),
                tab("segments.tab.runs", runsTab()));
        tabs.setId("resultTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(460);
        tabs.setPrefHeight(540); // about the viewport's height at 1280×800: scrolled down, tabs and content fit
        tabs.getStyleClass().add("segments-tabs");
        return tabs;
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(tr(key), content);
        t.setId(key.substring(key.lastIndexOf('.') + 1) + "Tab");
        return t;
    }

    private Node sizesTab() {
        TableView<SizeRow> table = new TableView<>(viewModel.sizes());
        table.setId("sizesTable");
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().add(TextColumns.of(tr("segments.col.segment"),
                r -> r.segment() < 0 ? tr("segments.noise") : tr("segments.segment", r.segment()), 130, 90));
        TableColumn<SizeRow, Object> rows = TextColumns.of(tr("segments.col.rows"), r -> Formats.count(r.rows()), 110, 80);
        rows.getStyleClass().add("numeric-column");
        TableColumn<SizeRow, Object> share = TextColumns.of(tr("segments.col.share"), r -> Formats.percent(r.share()),
                90, 70);
        share.getStyleClass().add("numeric-column");
        TableColumn<SizeRow, SizeRow> bar = new TableColumn<>(tr("segments.col.bar"));
        bar.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        bar.setCellFactory(c -> new BarCell());
        bar.setPrefWidth(360);
        bar.setSortable(false);
        TextColumns.withTip(rows, tr("segments.tip.rows"));
        TextColumns.withTip(share, tr("segments.tip.share"));
        TextColumns.withTip(bar, tr("segments.tip.bar"));
        table.getColumns().add(rows);
        table.getColumns().add(share);
        table.getColumns().add(bar);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(muted(tr("segments.noFit")));
        Label note = new Label();
        note.setId("fitNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            FitOutcome f = viewModel.fitProperty().get();
            if (f == null) {
                return "";
            }
            var r = f.result();
            String s = tr("segments.fit.summary", r.options().algorithm().label(), r.segments(),
                    Formats.count(r.rows()), Formats.number(r.seconds()));
            if (Double.isFinite(r.inertia())) {
                s += " " + tr("segments.fit.inertia", Formats.number(r.inertia()));
            }
            if (f.silhouette() != null) {
                s += " " + tr("segments.fit.silhouette", tick(f.silhouette().mean()));
            }
            if (Double.isFinite(r.bic())) {
                s += " " + tr("segments.fit.bic", Formats.number(r.bic()));
            }
            return s;
        }, viewModel.fitProperty()));
        VBox box = new VBox(8, note, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node silhouetteTab() {
        SilhouetteCanvas canvas = new SilhouetteCanvas();
        canvas.setId("silhouettePlot");
        Label note = new Label();
        note.setId("silhouetteNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        viewModel.fitProperty().addListener((obs, old, now) -> {
            SilhouettePlot p = now == null ? null : now.silhouette();
            canvas.setPlot(p);
            note.setText(now == null ? "" : p == null ? tr("segments.silhouette.none")
                    : p.exact() ? tr("segments.silhouette.exact", tick(p.mean()), Formats.count(p.sampleSize()))
                    : tr("segments.silhouette.sampled", tick(p.mean()), tick(p.low()), tick(p.high()),
                            Formats.count(p.sampleSize())));
        });
        VBox box = new VBox(6, note, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node projectionTab() {
        ScatterCanvas canvas = new ScatterCanvas();
        canvas.setId("projectionPlot");
        Button pca = new Button(tr("segments.projection.pca"));
        pca.setId("pcaButton");
        pca.setOnAction(e -> viewModel.showPca());
        Button tsne = new Button(tr("segments.projection.tsne"), Icons.icon(Feather.SHUFFLE));
        tsne.setId("tsneButton");
        tsne.setTooltip(new Tooltip(tr("segments.projection.tsneTip")));
        tsne.setOnAction(e -> viewModel.runTsne());
        BooleanBinding noFit = viewModel.fitProperty().isNull().or(viewModel.busyProperty());
        pca.disableProperty().bind(noFit);
        tsne.disableProperty().bind(noFit);
        Label note = new Label();
        note.setId("projectionNote");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        HBox.setHgrow(note, Priority.ALWAYS);
        viewModel.projectionProperty().addListener((obs, old, now) -> {
            canvas.setData(now);
            note.setText(now == null ? "" : now.note() != null ? now.note()
                    : tr("segments.projection.points", now.method(), Formats.count(now.points())));
        });
        HBox bar = new HBox(8, pca, tsne, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, bar, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node dendrogramTab() {
        DendrogramCanvas canvas = new DendrogramCanvas();
        canvas.setId("dendrogramPlot");
        Label note = new Label();
        note.setId("dendrogramNote");
        note.getStyleClass().add("dendrogram-note");
        note.setGraphic(Icons.icon(Feather.ALERT_CIRCLE));
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        Label none = muted(tr("segments.dendrogram.none"));
        viewModel.fitProperty().addListener((obs, old, now) -> {
            DendrogramLayout d = now == null ? null : now.dendrogram();
            canvas.setLayout(d);
            String n = now == null ? null : now.result().note();
            note.setText(d == null ? "" : n != null && !n.isBlank() ? n
                    : tr("segments.dendrogram.about", d.linkage(), d.leafCount()));
            note.setVisible(d != null);
            none.setVisible(d == null);
        });
        note.setVisible(false);
        note.managedProperty().bind(note.visibleProperty());
        StackPane stack = new StackPane(canvas, none);
        VBox box = new VBox(6, note, stack);
        VBox.setVgrow(stack, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node profilesTab() {
        ListView<SegmentProfile> segments = new ListView<>();
        segments.setId("profileList");
        segments.setPrefWidth(220);
        segments.setMinWidth(180);
        segments.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SegmentProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : tr("segments.profile.item", p.segment(),
                        Formats.count(p.size()), Formats.percent(p.share())));
            }
        });
        Label heading = new Label();
        heading.getStyleClass().add("title-4");
        VBox traits = new VBox(3);
        traits.setId("profileTraits");
        Label rule = new Label();
        rule.setId("profileRule");
        rule.setWrapText(true);
        rule.getStyleClass().add("profile-rule");
        TableView<FeatureComparison> features = new TableView<>();
        features.setId("profileFeatures");
        features.getStyleClass().add(Styles.DENSE);
        features.getColumns().add(TextColumns.of(tr("segments.col.feature"), FeatureComparison::feature, 150, 100));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.mean"), f -> Formats.number(f.mean())),
                tr("segments.tip.mean")));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.median"), f -> Formats.number(f.median())),
                tr("segments.tip.median")));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.restMean"),
                f -> Formats.number(f.othersMean())), tr("segments.tip.restMean")));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.lift"), f -> Double.isFinite(f.lift())
                ? tr("segments.times", Formats.number(f.lift())) : ""), tr("segments.tip.lift")));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.effect"),
                f -> Formats.number(f.effectSize())), tr("segments.tip.effect")));
        features.getColumns().add(TextColumns.withTip(num(tr("segments.col.q"), f -> pValue(f.q())),
                tr("segments.tip.q")));
        features.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        features.setPlaceholder(muted(tr("segments.noFit")));
        features.setPrefHeight(200);
        Button saveRule = new Button(tr("segments.rule.save"), Icons.icon(Feather.FILTER));
        saveRule.setId("saveSegmentRuleButton");
        saveRule.getStyleClass().addAll(Styles.SMALL);
        saveRule.setMinWidth(Region.USE_PREF_SIZE);
        saveRule.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            SegmentProfile p = segments.getSelectionModel().getSelectedItem();
            return p == null || p.rule() == null;
        }, segments.getSelectionModel().selectedItemProperty()).or(viewModel.busyProperty()));
        saveRule.setOnAction(e -> viewModel.saveSegmentRule(segments.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(rule, Priority.ALWAYS);
        rule.setMaxWidth(Double.MAX_VALUE);
        HBox ruleLine = new HBox(10, rule, saveRule);
        ruleLine.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(6, heading, traits, ruleLine, features);
        VBox.setVgrow(features, Priority.ALWAYS);
        HBox.setHgrow(detail, Priority.ALWAYS);
        segments.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p == null) {
                heading.setText("");
                traits.getChildren().clear();
                rule.setText("");
                features.getItems().clear();
                return;
            }
            heading.setText(tr("segments.profile.heading", p.segment(), Formats.count(p.size()),
                    Formats.percent(p.share())));
            traits.getChildren().setAll(p.traits().isEmpty() ? List.of(muted(tr("segments.profile.noTraits")))
                    : p.traits().stream().map(t -> (Node) new Label("• " + t)).toList());
            rule.setText(p.rule() == null ? "" : tr("segments.profile.rule", p.rule().text(),
                    Formats.percent(p.rule().precision()), Formats.percent(p.rule().recall())));
            features.getItems().setAll(p.features());
        });

        TableView<FeatureTest> tests = new TableView<>();
        tests.setId("featureTests");
        tests.getStyleClass().add(Styles.DENSE);
        tests.getColumns().add(TextColumns.of(tr("segments.col.feature"), FeatureTest::feature, 150, 100));
        tests.getColumns().add(TextColumns.withTip(TextColumns.of(tr("segments.col.test"), FeatureTest::test, 120, 90),
                tr("segments.tip.test")));
        tests.getColumns().add(TextColumns.withTip(num(tr("segments.col.statistic"),
                t -> Formats.number(t.statistic())), tr("segments.tip.statistic")));
        tests.getColumns().add(TextColumns.withTip(num(tr("segments.col.p"), t -> pValue(t.p())),
                tr("segments.tip.p")));
        tests.getColumns().add(TextColumns.withTip(num(tr("segments.col.q"), t -> pValue(t.q())),
                tr("segments.tip.q")));
        tests.getColumns().add(TextColumns.withTip(TextColumns.of(tr("segments.col.significant"),
                t -> t.significant() ? tr("segments.yes") : tr("segments.no"), 90, 70), tr("segments.tip.significant")));
        tests.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tests.setPrefHeight(150);
        tests.setPlaceholder(muted(tr("segments.noFit")));

        viewModel.fitProperty().addListener((obs, old, now) -> {
            var p = now == null ? null : now.profiles();
            segments.getItems().setAll(p == null ? List.of() : p.segments());
            tests.getItems().setAll(p == null ? List.of() : p.tests());
            if (!segments.getItems().isEmpty()) {
                segments.getSelectionModel().selectFirst();
            }
        });
        HBox top = new HBox(12, segments, detail);
        VBox.setVgrow(top, Priority.ALWAYS);
        Label testsTitle = new Label(tr("segments.profile.tests"));
        testsTitle.getStyleClass().add("title-4");
        VBox box = new VBox(8, top, testsTitle, tests);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private Node runsTab() {
        TextField name = new TextField();
        name.setId("runNameField");
        name.setPromptText(tr("segments.runs.namePrompt"));
        name.setPrefColumnCount(28);
        name.textProperty().bindBidirectional(viewModel.runNameProperty());
        Button save = new Button(tr("segments.runs.save"), Icons.icon(Feather.SAVE));
        save.setId("saveRunButton");
        save.disableProperty().bind(viewModel.fitProperty().isNull().or(viewModel.busyProperty()));
        save.setOnAction(e -> viewModel.saveRun());
        HBox saveLine = new HBox(8, label("segments.runs.name"), name, save);
        saveLine.setAlignment(Pos.CENTER_LEFT);

        TableView<SegmentationRunInfo> table = new TableView<>(viewModel.runs());
        table.setId("runsTable");
        table.getStyleClass().add(Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(TextColumns.of(tr("segments.col.run"), SegmentationRunInfo::name, 220, 120));
        table.getColumns().add(TextColumns.of(tr("segments.col.featureSet"), SegmentationRunInfo::featureSet, 140, 90));
        table.getColumns().add(TextColumns.of(tr("segments.col.algorithm"), SegmentationRunInfo::algorithm, 100, 80));
        table.getColumns().add(num(tr("segments.col.segments"), r -> r.segments()));
        table.getColumns().add(num(tr("segments.col.rows"), r -> Formats.count(r.rows())));
        table.getColumns().add(TextColumns.of(tr("segments.col.saved"),
                r -> SAVED_AT.format(r.createdAt().atZone(ZoneId.systemDefault())), 150, 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(muted(tr("segments.runs.none")));
        table.setPrefHeight(150);

        Button open = new Button(tr("segments.runs.open"), Icons.icon(Feather.FOLDER));
        open.setId("openRunButton");
        open.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(1)
                .or(viewModel.busyProperty()));
        open.setOnAction(e -> viewModel.openRun(table.getSelectionModel().getSelectedItem().name()));
        Button compare = new Button(tr("segments.runs.compare"), Icons.icon(Feather.GIT_PULL_REQUEST));
        compare.setId("compareRunsButton");
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2)
                .or(viewModel.busyProperty()));
        compare.setOnAction(e -> {
            var selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            // older first: the migration reads "from the earlier run to the later one"
            var ordered = selected.stream().sorted(java.util.Comparator.comparing(SegmentationRunInfo::createdAt)).toList();
            viewModel.compareRuns(ordered.get(0).name(), ordered.get(1).name());
        });
        Label hint = muted(tr("segments.runs.hint"));
        HBox buttons = new HBox(8, open, compare, hint);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label opened = new Label();
        opened.setId("openedRunLabel");
        opened.setWrapText(true);
        opened.textProperty().bind(viewModel.openedRunSummaryProperty());
        opened.visibleProperty().bind(viewModel.openedRunProperty().isNotNull());
        opened.managedProperty().bind(opened.visibleProperty());

        Label ari = new Label();
        ari.setId("ariLabel");
        ari.getStyleClass().add("recommendation");
        ari.setWrapText(true);
        ari.setTooltip(new Tooltip(tr("segments.tip.ari")));
        TableView<MigrationRow> migration = new TableView<>();
        migration.setId("migrationTable");
        migration.getStyleClass().add(Styles.DENSE);
        migration.setPrefHeight(180);
        migration.setPlaceholder(muted(tr("segments.runs.noComparison")));
        viewModel.comparisonProperty().addListener((obs, old, c) -> {
            showComparison(c, migration);
            ari.setText(c == null ? "" : tr("segments.runs.ari", viewModel.comparedRunsProperty().get(),
                    String.format(Locale.ROOT, "%.3f", c.adjustedRand()), Formats.count(c.commonRows()), Formats.count(c.onlyInFirst()),
                    Formats.count(c.onlyInSecond())));
        });
        VBox box = new VBox(8, saveLine, table, buttons, opened, ari, migration);
        VBox.setVgrow(migration, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /** One row of the migration matrix: a segment of the first run and where its rows went. */
    record MigrationRow(int from, long[] counts) {
    }

    private static void showComparison(RunComparison c, TableView<MigrationRow> table) {
        table.getColumns().clear();
        table.getItems().clear();
        if (c == null) {
            return;
        }
        table.getColumns().add(TextColumns.of(tr("segments.runs.fromTo"), r -> segmentName(r.from()), 130, 100));
        int[] second = c.secondLabels();
        for (int j = 0; j < second.length; j++) {
            int col = j;
            TableColumn<MigrationRow, Object> column = TextColumns.of(segmentName(second[j]),
                    r -> Formats.count(r.counts()[col]), 105, 100);
            column.getStyleClass().add("numeric-column");
            table.getColumns().add(column);
        }
        long[][] m = c.migration();
        int[] first = c.firstLabels();
        for (int i = 0; i < first.length; i++) {
            table.getItems().add(new MigrationRow(first[i], m[i]));
        }
    }

    private static String segmentName(int segment) {
        return segment < 0 ? tr("segments.noise") : tr("segments.segment", segment);
    }

    // ---- small helpers ----

    private BooleanBinding notReady() {
        return viewModel.busyProperty().or(viewModel.selectedFeatureSetProperty().isNull())
                .or(viewModel.projectProperty().isNull());
    }

    private static Node card(String titleKey, Feather icon, Node content) {
        Label title = new Label(tr(titleKey), Icons.icon(icon));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(10, title, content);
        box.getStyleClass().add("segments-card");
        return box;
    }

    private static Node group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Label label(String key) {
        Label l = new Label(tr(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    private static <S> TableColumn<S, Object> num(String title, Function<S, Object> value) {
        TableColumn<S, Object> c = TextColumns.of(title, value, 90, 70);
        c.getStyleClass().add("numeric-column");
        return c;
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String tick(double v) {
        return ChartCanvas.tick(v);
    }

    private static String scalingLabel(Scaling s) {
        return switch (s) {
            case NONE -> tr("segments.scaling.none");
            case STANDARD -> tr("segments.scaling.standard");
            case MINMAX -> tr("segments.scaling.minmax");
            case ROBUST -> tr("segments.scaling.robust");
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Spinner<Integer> intSpinner(IntegerProperty property, int min, int max, String id) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.max(min, property.get()));
        Spinner<Integer> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(80);
        var boxed = property.asObject();
        factory.valueProperty().bindBidirectional(boxed);
        links.add(boxed);
        // a typed number counts as soon as the field loses focus
        spinner.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                spinner.increment(0);
            }
        });
        return spinner;
    }

    private static TextField doubleField(DoubleProperty property, String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(6);
        Runnable show = () -> field.setText(Double.isNaN(property.get()) ? "" : tick(property.get()));
        property.addListener((obs, old, now) -> show.run());
        show.run();
        Runnable commit = () -> {
            String t = field.getText().trim().replace(',', '.');
            if (t.isEmpty()) {
                property.set(Double.NaN);
                return;
            }
            try {
                property.set(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                show.run();
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return field;
    }

    /** A bar as long as the segment's share, in its colour. */
    private static final class BarCell extends TableCell<SizeRow, SizeRow> {
        private final Region bar = new Region();
        private final HBox box = new HBox(bar);

        BarCell() {
            bar.getStyleClass().add("size-bar");
            bar.setPrefHeight(12);
            bar.setMaxHeight(12);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(SizeRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            javafx.scene.paint.Color c = SegmentColors.of(item.segment());
            bar.setStyle("-fx-background-color: " + web(c) + "; -fx-background-radius: 2;");
            bar.prefWidthProperty().bind(widthProperty().subtract(16).multiply(item.share()));
            setGraphic(box);
        }

        private static String web(javafx.scene.paint.Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                    (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
        }
    }
}
