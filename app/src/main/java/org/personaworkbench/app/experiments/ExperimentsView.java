package org.personaworkbench.app.experiments;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.Icons;
import org.personaworkbench.app.common.StepMessage;
import org.personaworkbench.app.common.TaskControls;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.ExperimentReadout;

import java.awt.image.BufferedImage;
import java.util.function.Function;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Experiments step: the setup (saved experiments, dataset and columns, control, breakdown, split, prior,
 * Analyse with its progress and Cancel) on top; below, once read out, a sample-ratio warning when the split is off,
 * the verdict in large type, the per-variant and comparison tables (every statistical header explains itself in a
 * tooltip), the forest plot and posterior densities, the breakdown, the power calculator and the exports.
 */
public final class ExperimentsView {

    private static final double CELL = 26;
    /** Room for a two-line column header and the table's border. */
    private static final double HEADER = 46;

    private final ExperimentsViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ForestPlot forest;
    private final PosteriorChart posterior;

    public ExperimentsView(ExperimentsViewModel viewModel) {
        this.viewModel = viewModel;
        root.setId("experimentsView");
        root.getStyleClass().addAll("step-view", "experiments-view");
        forest = new ForestPlot(viewModel.forestRows(), () -> viewModel.readoutProperty().get() == null ? ""
                : viewModel.readoutProperty().get().report().control(), viewModel::conversionReadout);
        posterior = new PosteriorChart(viewModel.posteriors(), viewModel::conversionReadout);
        root.setTop(header());
        VBox content = new VBox(14, setup(), results());
        content.setPadding(new Insets(4, 24, 24, 24));
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("experimentsScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        root.setCenter(scroll);
    }

    public Parent root() {
        return root;
    }

    /** The forest plot (for tests and the PNG export). */
    ForestPlot forestPlot() {
        return forest;
    }

    // ---- header ----

    private Node header() {
        Label title = new Label(tr("step.experiments"));
        title.getStyleClass().add("title-2");
        Label about = new Label(tr("experiments.summary"));
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, title, gap,
                TaskControls.line("experiments", viewModel.currentTaskProperty(), 200, 260));
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = StepMessage.label("experimentsMessage", viewModel.messageProperty());
        VBox box = new VBox(6, top, about, message);
        box.getStyleClass().add("step-header");
        return box;
    }

    // ---- setup ----

    private Node setup() {
        ComboBox<String> saved = new ComboBox<>(viewModel.saved());
        saved.setId("savedExperimentChoice");
        saved.setPromptText(tr("experiments.saved.none"));
        saved.valueProperty().bindBidirectional(viewModel.savedChoiceProperty());
        saved.setPrefWidth(200);
        saved.setTooltip(new Tooltip(tr("experiments.saved.tip")));
        Button fresh = button("newExperimentButton", tr("experiments.new"), Feather.PLUS);
        fresh.getStyleClass().add(Styles.FLAT);
        fresh.setOnAction(e -> viewModel.newExperiment());
        Button delete = button("deleteExperimentButton", tr("experiments.delete"), Feather.TRASH_2);
        delete.getStyleClass().add(Styles.FLAT);
        delete.disableProperty().bind(viewModel.savedChoiceProperty().isNull().or(viewModel.busyProperty()));
        delete.setOnAction(e -> viewModel.deleteExperiment());
        TextField name = new TextField();
        name.setId("experimentNameField");
        name.setPromptText(tr("experiments.name.prompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        name.setPrefWidth(200);
        Button save = button("saveExperimentButton", tr("experiments.save"), Feather.SAVE);
        save.disableProperty().bind(viewModel.busyProperty().or(viewModel.datasetProperty().isNull()));
        save.setOnAction(e -> viewModel.save());
        FlowPane line1 = flow(pair(tr("experiments.saved"), saved), new HBox(4, fresh, delete),
                pair(tr("experiments.name"), name), save);

        ComboBox<String> dataset = combo("experimentDatasetChoice", viewModel.datasets(),
                viewModel.datasetProperty(), tr("experiments.dataset.tip"), 190);
        dataset.setPromptText(tr("experiments.dataset.none"));
        Button importCsv = button("importResultsButton", tr("experiments.import"), Feather.UPLOAD);
        importCsv.setTooltip(new Tooltip(tr("experiments.import.tip")));
        importCsv.disableProperty().bind(viewModel.busyProperty().or(viewModel.projectProperty().isNull()));
        importCsv.setOnAction(e -> viewModel.importResults());
        ComboBox<String> variant = combo("variantColumnChoice", viewModel.columns(), viewModel.variantColumnProperty(),
                tr("experiments.variant.tip"), 150);
        ComboBox<String> control = combo("controlChoice", viewModel.controls(), viewModel.controlProperty(),
                tr("experiments.control.tip"), 120);
        ComboBox<String> conversion = optional("conversionColumnChoice", viewModel.conversionColumnProperty(),
                tr("experiments.conversion.tip"));
        ComboBox<String> metric = optional("metricColumnChoice", viewModel.metricColumnProperty(),
                tr("experiments.metric.tip"));
        ComboBox<String> covariate = optional("covariateColumnChoice", viewModel.covariateColumnProperty(),
                tr("experiments.covariate.tip"));
        ComboBox<String> customer = optional("customerColumnChoice", viewModel.customerColumnProperty(),
                tr("experiments.customer.tip"));
        FlowPane line2 = flow(pair(tr("experiments.dataset"), dataset), importCsv,
                pair(tr("experiments.variant"), variant), pair(tr("experiments.control"), control));

        ComboBox<BreakdownChoice> breakdown = new ComboBox<>(viewModel.breakdowns());
        breakdown.setId("breakdownChoice");
        breakdown.valueProperty().bindBidirectional(viewModel.breakdownProperty());
        breakdown.setConverter(new StringConverter<>() {
            @Override
            public String toString(BreakdownChoice c) {
                return c == null ? "" : c.label();
            }

            @Override
            public BreakdownChoice fromString(String s) {
                return null;
            }
        });
        breakdown.setTooltip(new Tooltip(tr("experiments.breakdown.tip")));
        breakdown.setPrefWidth(220);
        TextField split = field("splitField", viewModel.splitProperty(), tr("experiments.split.prompt"), 90,
                tr("experiments.split.tip"));
        TextField alpha = field("priorAlphaField", viewModel.priorAlphaProperty(), "1", 48,
                tr("experiments.prior.tip"));
        TextField beta = field("priorBetaField", viewModel.priorBetaProperty(), "1", 48, tr("experiments.prior.tip"));
        Button analyse = button("analyseButton", tr("experiments.analyse"), Feather.PLAY);
        analyse.getStyleClass().add(Styles.ACCENT);
        analyse.setDefaultButton(true);
        analyse.disableProperty().bind(viewModel.busyProperty().or(viewModel.datasetProperty().isNull()));
        analyse.setOnAction(e -> viewModel.analyse());
        FlowPane line3 = flow(pair(tr("experiments.conversion"), conversion), pair(tr("experiments.metric"), metric),
                pair(tr("experiments.covariate"), covariate), pair(tr("experiments.prior"), alpha, new Label("β"), beta));
        FlowPane line4 = flow(pair(tr("experiments.customer"), customer), pair(tr("experiments.breakdown"), breakdown),
                pair(tr("experiments.split"), split), analyse);

        VBox box = new VBox(8, line1, line2, line3, line4);
        box.setId("experimentSetup");
        box.getStyleClass().add("experiment-setup");
        return box;
    }

    // ---- results ----

    private Node results() {
        Label srm = new Label();
        srm.setId("srmBanner");
        srm.getStyleClass().add("srm-banner");
        srm.setGraphic(Icons.icon(Feather.ALERT_TRIANGLE, 18));
        srm.setWrapText(true);
        srm.setMaxWidth(Double.MAX_VALUE);
        srm.textProperty().bind(viewModel.srmWarningProperty());
        srm.visibleProperty().bind(viewModel.srmWarningProperty().isNotEmpty());
        srm.managedProperty().bind(srm.visibleProperty());

        Label verdict = new Label();
        verdict.setId("verdictLabel");
        verdict.getStyleClass().add("experiment-verdict");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        verdict.textProperty().bind(viewModel.verdictProperty());
        Label read = new Label();
        read.setId("readSummary");
        read.getStyleClass().add("text-muted");
        read.setWrapText(true);
        read.textProperty().bind(viewModel.readSummaryProperty());

        HBox charts = new HBox(12, forest, posterior);
        HBox.setHgrow(forest, Priority.ALWAYS);
        HBox.setHgrow(posterior, Priority.ALWAYS);
        forest.setMaxWidth(Double.MAX_VALUE);
        posterior.setMaxWidth(Double.MAX_VALUE);
        forest.prefWidthProperty().bind(charts.widthProperty().subtract(12).divide(2));
        posterior.prefWidthProperty().bind(charts.widthProperty().subtract(12).divide(2));
        posterior.minHeightProperty().bind(forest.heightProperty());
        charts.setAlignment(Pos.TOP_LEFT);

        TableView<SegmentRow> segments = segmentTable();
        Label heterogeneity = new Label();
        heterogeneity.setId("heterogeneityLabel");
        heterogeneity.getStyleClass().add("text-muted");
        heterogeneity.setWrapText(true);
        heterogeneity.textProperty().bind(viewModel.heterogeneityProperty());
        heterogeneity.setTooltip(new Tooltip(tr("experiments.heterogeneity.tip")));
        VBox breakdown = new VBox(6, section(tr("experiments.section.breakdown")), segments, heterogeneity);
        breakdown.visibleProperty().bind(Bindings.isNotEmpty(viewModel.segmentRows()));
        breakdown.managedProperty().bind(breakdown.visibleProperty());

        TableView<ComparisonRow> metricTable = metricComparisonTable();
        VBox metricBox = new VBox(6, section(tr("experiments.section.metric")), metricTable);
        metricBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.readoutProperty().get() != null
                && viewModel.readoutProperty().get().definition().metricColumn() != null, viewModel.readoutProperty()));
        metricBox.managedProperty().bind(metricBox.visibleProperty());
        TableView<ComparisonRow> conversionTable = comparisonTable();
        VBox conversionBox = new VBox(6, section(tr("experiments.section.comparisons")), conversionTable);
        conversionBox.visibleProperty().bind(Bindings.createBooleanBinding(viewModel::conversionReadout,
                viewModel.readoutProperty()));
        conversionBox.managedProperty().bind(conversionBox.visibleProperty());
        VBox sequentialBox = new VBox(6, section(tr("experiments.section.sequential")), sequentialTable());
        sequentialBox.visibleProperty().bind(conversionBox.visibleProperty());
        sequentialBox.managedProperty().bind(sequentialBox.visibleProperty());

        VBox box = new VBox(10, srm, verdict, read, section(tr("experiments.section.variants")), variantTable(),
                conversionBox, sequentialBox, metricBox, section(tr("experiments.section.charts")), charts, breakdown,
                section(tr("experiments.section.power")), powerPane(), exportLine());
        box.setId("experimentResults");
        box.visibleProperty().bind(viewModel.readoutProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TableView<VariantRow> variantTable() {
        TableView<VariantRow> table = table("variantTable", viewModel.variantRows());
        table.getColumns().add(column(tr("experiments.col.variant"), null, 150, r -> r.summary().name()
                + (r.control() ? " " + tr("experiments.controlMark") : "")));
        table.getColumns().add(column(tr("experiments.col.users"), tr("experiments.col.users.tip"), 80,
                r -> Formats.count(r.summary().users())));
        var conversions = column(tr("experiments.col.conversions"), tr("experiments.col.conversions.tip"), 96,
                (VariantRow r) -> Formats.count(r.summary().conversions()));
        var rate = column(tr("experiments.col.rate"), tr("experiments.col.rate.tip"), 70,
                (VariantRow r) -> ExperimentFormats.rate(r.summary().rate()));
        var wilson = column(tr("experiments.col.wilson"), tr("experiments.col.wilson.tip"), 130,
                (VariantRow r) -> ExperimentFormats.rateInterval(r.summary().rateCi()));
        var credible = column(tr("experiments.col.credible"), tr("experiments.col.credible.tip"), 130,
                (VariantRow r) -> ExperimentFormats.rateInterval(r.summary().credibleInterval()));
        var mean = column(tr("experiments.col.mean"), tr("experiments.col.mean.tip"), 70,
                (VariantRow r) -> ExperimentFormats.metric(r.summary().mean()));
        var meanCi = column(tr("experiments.col.meanCi"), tr("experiments.col.meanCi.tip"), 120,
                (VariantRow r) -> ExperimentFormats.metricInterval(r.summary().meanCi()));
        var sd = column(tr("experiments.col.sd"), tr("experiments.col.sd.tip"), 64,
                (VariantRow r) -> ExperimentFormats.metric(r.summary().sd()));
        var cuped = column(tr("experiments.col.cupedMean"), tr("experiments.col.cupedMean.tip"), 80,
                (VariantRow r) -> ExperimentFormats.metric(r.summary().cupedMean()));
        table.getColumns().addAll(java.util.List.of(conversions, rate, wilson, credible, mean, meanCi, sd, cuped));
        Runnable visibility = () -> {
            ExperimentReadout r = viewModel.readoutProperty().get();
            boolean conv = r != null && r.conversion();
            boolean hasMetric = r != null && r.definition().metricColumn() != null;
            boolean hasCuped = r != null && r.report().variants().stream().anyMatch(v -> v.cupedMean() != null);
            conversions.setVisible(conv);
            rate.setVisible(conv);
            wilson.setVisible(conv);
            credible.setVisible(conv);
            mean.setVisible(hasMetric);
            meanCi.setVisible(hasMetric);
            sd.setVisible(hasMetric);
            cuped.setVisible(hasCuped);
        };
        viewModel.readoutProperty().addListener((obs, old, now) -> visibility.run());
        visibility.run();
        return table;
    }

    private TableView<ComparisonRow> comparisonTable() {
        TableView<ComparisonRow> table = table("comparisonTable", viewModel.comparisonRows());
        table.getColumns().add(column(tr("experiments.col.comparison"), null, 80,
                r -> r.comparison().variant()));
        table.getColumns().add(column(tr("experiments.col.absLift"), tr("experiments.col.absLift.tip"), 76,
                r -> ExperimentFormats.points(r.comparison().absLift())));
        table.getColumns().add(column(tr("experiments.col.absLiftCi"), tr("experiments.col.absLiftCi.tip"), 130,
                r -> ExperimentFormats.pointsInterval(r.comparison().absLiftCi())));
        table.getColumns().add(column(tr("experiments.col.relLift"), tr("experiments.col.relLift.tip"), 76,
                r -> ExperimentFormats.relative(r.comparison().relLift())));
        table.getColumns().add(column(tr("experiments.col.relLiftCi"), tr("experiments.col.relLiftCi.tip"), 130,
                r -> ExperimentFormats.relativeInterval(r.comparison().relLiftCi())));
        table.getColumns().add(column(tr("experiments.col.zP"), tr("experiments.col.zP.tip"), 72,
                r -> ExperimentFormats.p(r.comparison().zP())));
        table.getColumns().add(column(tr("experiments.col.chi2P"), tr("experiments.col.chi2P.tip"), 72,
                r -> ExperimentFormats.p(r.comparison().chi2P())));
        table.getColumns().add(column(tr("experiments.col.yatesP"), tr("experiments.col.yatesP.tip"), 66,
                r -> ExperimentFormats.p(r.comparison().chi2YatesP())));
        table.getColumns().add(column(tr("experiments.col.fisherP"), tr("experiments.col.fisherP.tip"), 70,
                r -> r.comparison().fisherP() == null ? tr("experiments.notNeeded")
                        : ExperimentFormats.p(r.comparison().fisherP())));
        table.getColumns().add(column(tr("experiments.col.holmP"), tr("experiments.col.holmP.tip"), 72,
                r -> ExperimentFormats.p(r.comparison().holmP())));
        table.getColumns().add(column(tr("experiments.col.bhP"), tr("experiments.col.bhP.tip"), 72,
                r -> ExperimentFormats.p(r.comparison().bhP())));
        return table;
    }

    /**
     * The Bayesian figures and the always-valid (mSPRT) ones beside the fixed-size interval: a table of their own so
     * every table fits 1280 pixels without cutting its headers.
     */
    private TableView<ComparisonRow> sequentialTable() {
        TableView<ComparisonRow> table = table("sequentialTable", viewModel.comparisonRows());
        table.getColumns().add(column(tr("experiments.col.comparison"), null, 80, r -> r.comparison().variant()));
        table.getColumns().add(column(tr("experiments.col.probBeat"), tr("experiments.col.probBeat.tip"), 90,
                r -> ExperimentFormats.probability(r.comparison().probBeatControl())));
        table.getColumns().add(column(tr("experiments.col.loss"), tr("experiments.col.loss.tip"), 90,
                r -> ExperimentFormats.decimals(r.comparison().expectedLoss() * 100, 3)));
        table.getColumns().add(column(tr("experiments.col.alwaysValidP"), tr("experiments.col.alwaysValidP.tip"), 112,
                r -> r.comparison().sequential() == null ? ""
                        : ExperimentFormats.p(r.comparison().sequential().alwaysValidP())));
        table.getColumns().add(column(tr("experiments.col.alwaysValidCi"), tr("experiments.col.alwaysValidCi.tip"),
                160, r -> r.comparison().sequential() == null ? ""
                        : ExperimentFormats.pointsInterval(r.comparison().sequential().alwaysValidCi())));
        table.getColumns().add(column(tr("experiments.col.fixedCi"), tr("experiments.col.fixedCi.tip"), 160,
                r -> ExperimentFormats.pointsInterval(r.comparison().absLiftCi())));
        table.getColumns().add(column(tr("experiments.col.looks"), tr("experiments.col.looks.tip"), 264,
                r -> r.comparison().sequential() == null ? ""
                        : tr(r.comparison().sequential().arrivalOrder() ? "experiments.looks.arrival"
                        : "experiments.looks.final", Formats.count(r.comparison().sequential().looks()))));
        return table;
    }

    private TableView<ComparisonRow> metricComparisonTable() {
        TableView<ComparisonRow> table = table("metricComparisonTable", viewModel.comparisonRows());
        table.getColumns().add(column(tr("experiments.col.comparison"), null, 110,
                r -> r.comparison().variant()));
        table.getColumns().add(column(tr("experiments.col.meanDiff"), tr("experiments.col.meanDiff.tip"), 90,
                r -> ExperimentFormats.metric(r.comparison().meanDiff())));
        table.getColumns().add(column(tr("experiments.col.meanDiffCi"), tr("experiments.col.meanDiffCi.tip"), 130,
                r -> ExperimentFormats.metricInterval(r.comparison().meanDiffCi())));
        table.getColumns().add(column(tr("experiments.col.welchP"), tr("experiments.col.welchP.tip"), 74,
                r -> ExperimentFormats.p(r.comparison().welchP())));
        table.getColumns().add(column(tr("experiments.col.mannWhitneyP"), tr("experiments.col.mannWhitneyP.tip"),
                84, r -> ExperimentFormats.p(r.comparison().mannWhitneyP())));
        table.getColumns().add(column(tr("experiments.col.metricProb"), tr("experiments.col.metricProb.tip"), 100,
                r -> r.comparison().metricProbBeatControl() == null ? ""
                        : ExperimentFormats.probability(r.comparison().metricProbBeatControl())));
        table.getColumns().add(column(tr("experiments.col.cupedDiff"), tr("experiments.col.cupedDiff.tip"), 170,
                r -> cuped(r, c -> ExperimentFormats.metric(c.meanDiff()) + "  (" + ExperimentFormats.metricInterval(c.meanDiffCi())
                        + ")")));
        table.getColumns().add(column(tr("experiments.col.cupedP"), tr("experiments.col.cupedP.tip"), 74,
                r -> cuped(r, c -> ExperimentFormats.p(c.p()))));
        table.getColumns().add(column(tr("experiments.col.cupedReduction"),
                tr("experiments.col.cupedReduction.tip"), 110,
                r -> cuped(r, c -> ExperimentFormats.probability(c.varianceReduction()))));
        Runnable visibility = () -> {
            ExperimentReadout r = viewModel.readoutProperty().get();
            boolean hasCuped = r != null && r.report().comparisons().stream().anyMatch(c -> c.cuped() != null);
            table.getColumns().subList(table.getColumns().size() - 3, table.getColumns().size())
                    .forEach(c -> c.setVisible(hasCuped));
        };
        viewModel.readoutProperty().addListener((obs, old, now) -> visibility.run());
        visibility.run();
        return table;
    }

    private static String cuped(ComparisonRow r, Function<AbTestReport.Cuped, String> f) {
        return r.comparison().cuped() == null ? "" : f.apply(r.comparison().cuped());
    }

    private TableView<SegmentRow> segmentTable() {
        TableView<SegmentRow> table = table("segmentTable", viewModel.segmentRows());
        table.getColumns().add(column(tr("experiments.col.segment"), null, 190, r -> r.lift().segment()));
        table.getColumns().add(column(tr("experiments.col.comparison"), null, 90,
                r -> r.lift().variant()));
        table.getColumns().add(column(tr("experiments.col.segmentUsers"), tr("experiments.col.segmentUsers.tip"),
                120, r -> Formats.count(r.lift().variantUsers()) + " / " + Formats.count(r.lift().controlUsers())));
        table.getColumns().add(column(tr("experiments.col.segmentRates"), tr("experiments.col.segmentRates.tip"),
                130, r -> ExperimentFormats.rate(r.lift().variantRate()) + " / "
                        + ExperimentFormats.rate(r.lift().controlRate())));
        table.getColumns().add(column(tr("experiments.col.absLift"), tr("experiments.col.absLift.tip"), 70,
                r -> ExperimentFormats.points(r.lift().absLift())));
        table.getColumns().add(column(tr("experiments.col.absLiftCi"), tr("experiments.col.absLiftCi.tip"), 120,
                r -> ExperimentFormats.pointsInterval(r.lift().absLiftCi())));
        table.getColumns().add(column(tr("experiments.col.zP"), tr("experiments.col.zP.tip"), 64,
                r -> ExperimentFormats.p(r.lift().zP())));
        table.getColumns().add(column(tr("experiments.col.segmentBh"), tr("experiments.col.segmentBh.tip"), 64,
                r -> ExperimentFormats.p(r.lift().bhP())));
        table.getColumns().add(column(tr("experiments.col.tooSmall"), tr("experiments.col.tooSmall.tip"), 110,
                r -> r.lift().tooSmall() ? tr("experiments.tooSmall") : ""));
        return table;
    }

    private Node powerPane() {
        PowerCalculator power = viewModel.power();
        Label baseline = new Label();
        baseline.setId("powerBaseline");
        baseline.textProperty().bind(power.baselineTextProperty());
        TextField alpha = field("powerAlphaField", power.alphaProperty(), "0.05", 70, tr("experiments.power.alpha.tip"));
        TextField pw = field("powerField", power.powerProperty(), "0.8", 70, tr("experiments.power.power.tip"));
        TextField users = field("powerUsersField", power.usersProperty(), "", 110, tr("experiments.power.users.tip"));
        TextField effect = field("powerEffectField", power.effectProperty(), "", 90,
                tr("experiments.power.effect.tip"));
        Label mde = new Label();
        mde.setId("powerMdeResult");
        mde.getStyleClass().add("power-result");
        mde.textProperty().bind(power.mdeResultProperty());
        Label needed = new Label();
        needed.setId("powerUsersResult");
        needed.getStyleClass().add("power-result");
        needed.textProperty().bind(power.usersResultProperty());
        Label effectUnit = new Label();
        effectUnit.textProperty().bind(Bindings.createStringBinding(() -> viewModel.conversionReadout()
                ? tr("experiments.power.effect.points") : tr("experiments.power.effect.units"),
                viewModel.readoutProperty()));
        Label problem = new Label();
        problem.setId("powerMessage");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(power.messageProperty());
        problem.visibleProperty().bind(power.messageProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane grid = new GridPane(10, 8);
        grid.add(pair(tr("experiments.power.alpha"), alpha), 0, 0);
        grid.add(pair(tr("experiments.power.power"), pw), 1, 0);
        grid.add(new Label(tr("experiments.power.usersToMde")), 0, 1);
        HBox usersBox = new HBox(8, users, new Label(tr("experiments.power.usersPerArm")));
        usersBox.setAlignment(Pos.CENTER_LEFT);
        grid.add(usersBox, 1, 1);
        grid.add(new Label("→"), 2, 1);
        grid.add(mde, 3, 1);
        grid.add(new Label(tr("experiments.power.mdeToUsers")), 0, 2);
        HBox effectBox = new HBox(8, effect, effectUnit);
        effectBox.setAlignment(Pos.CENTER_LEFT);
        grid.add(effectBox, 1, 2);
        grid.add(new Label("→"), 2, 2);
        grid.add(needed, 3, 2);
        Label bandit = new Label();
        bandit.setId("banditLine");
        bandit.getStyleClass().add("text-muted");
        bandit.setWrapText(true);
        bandit.textProperty().bind(viewModel.banditProperty());
        bandit.setTooltip(new Tooltip(tr("experiments.bandit.tip")));
        bandit.visibleProperty().bind(viewModel.banditProperty().isNotEmpty());
        bandit.managedProperty().bind(bandit.visibleProperty());
        VBox box = new VBox(8, baseline, grid, problem, bandit);
        box.setId("powerCalculator");
        box.getStyleClass().add("power-calculator");
        return box;
    }

    private Node exportLine() {
        Button csv = button("exportReadoutCsvButton", tr("experiments.export.csv"), Feather.FILE_TEXT);
        csv.setOnAction(e -> viewModel.exportReadout("csv"));
        Button json = button("exportReadoutJsonButton", tr("experiments.export.json"), Feather.CODE);
        json.setOnAction(e -> viewModel.exportReadout("json"));
        Button png = button("exportChartsButton", tr("experiments.export.png"), Feather.IMAGE);
        png.setOnAction(e -> viewModel.exportCharts(chartsImage()));
        for (Button b : new Button[] {csv, json, png}) {
            b.disableProperty().bind(viewModel.busyProperty().or(viewModel.readoutProperty().isNull()));
        }
        HBox box = new HBox(10, section(tr("experiments.section.export")), csv, json, png);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The forest plot and posterior chart side by side as one image (white or dark, as shown). */
    BufferedImage chartsImage() {
        WritableImage a = forest.snapshot(new SnapshotParameters(), null);
        WritableImage b = posterior.snapshot(new SnapshotParameters(), null);
        int gap = 12;
        int w = (int) (a.getWidth() + gap + b.getWidth());
        int h = (int) Math.max(a.getHeight(), b.getHeight());
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        copy(a, out, 0);
        copy(b, out, (int) a.getWidth() + gap);
        return out;
    }

    private static void copy(WritableImage image, BufferedImage out, int x0) {
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                out.setRGB(x0 + x, y, pixels.getArgb(x, y));
            }
        }
    }

    // ---- small builders ----

    private static <T> TableView<T> table(String id, ObservableList<T> items) {
        TableView<T> table = new TableView<>(items);
        table.setId(id);
        table.getStyleClass().addAll(Styles.DENSE, "experiment-table");
        table.setFixedCellSize(CELL);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.prefHeightProperty().bind(Bindings.size(items).multiply(CELL).add(HEADER));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());
        table.setPlaceholder(new Label(""));
        return table;
    }

    /** A column whose header is a label with a one-sentence tooltip (when {@code tip} is given). */
    private static <T> TableColumn<T, String> column(String title, String tip, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>();
        Label header = new Label(title);
        if (tip != null) {
            Tooltip t = new Tooltip(tip);
            t.setWrapText(true);
            t.setMaxWidth(360);
            header.setTooltip(t);
        }
        c.setGraphic(header);
        c.setText("");
        c.setUserData(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("experiment-section");
        return l;
    }

    private static Button button(String id, String text, Feather icon) {
        Button b = new Button(text, Icons.icon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static ComboBox<String> combo(String id, ObservableList<String> items,
                                          javafx.beans.property.Property<String> value, String tip, double width) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(new Tooltip(tip));
        box.setPrefWidth(width);
        return box;
    }

    private ComboBox<String> optional(String id, javafx.beans.property.Property<String> value, String tip) {
        ComboBox<String> box = combo(id, viewModel.optionalColumns(), value, tip, 140);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? tr("experiments.column.none") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, String prompt,
                                   double width, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        f.setMinWidth(width);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private static HBox pair(String label, Node... controls) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, l);
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane f = new FlowPane(18, 8, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }
}
