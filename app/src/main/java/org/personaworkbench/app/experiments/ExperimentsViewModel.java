package org.personaworkbench.app.experiments;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.personaworkbench.app.common.BackgroundTask;
import org.personaworkbench.app.common.DialogService;
import org.personaworkbench.app.common.Engine;
import org.personaworkbench.app.common.Formats;
import org.personaworkbench.app.common.OpenProject;
import org.personaworkbench.app.common.StepWork;
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.engine.experiments.AbTestReport;
import org.personaworkbench.engine.experiments.BanditReplay;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.experiments.ExperimentReadout;
import org.personaworkbench.engine.experiments.Posterior;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Experiments step: picks an experiment's dataset and columns (preselected from the columns' import roles),
 * control, breakdown, planned split and prior; reads it out in the background (Cancel leaves the project unchanged;
 * a finished readout is saved under its name so it can be recomputed on reopening) and turns the readout into the
 * verdict, the tables, the forest plot and posterior curves and the power calculator's baseline; exports the readout
 * (CSV/JSON) and the charts (PNG).
 */
public final class ExperimentsViewModel {

    /** Points per posterior curve. */
    static final int CURVE_POINTS = 200;

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StepWork work;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<String> saved = FXCollections.observableArrayList();
    private final ObjectProperty<String> savedChoice = new SimpleObjectProperty<>(this, "savedChoice");
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    /** "" (none) then the columns. */
    private final ObservableList<String> optionalColumns = FXCollections.observableArrayList("");
    private final ObjectProperty<String> variantColumn = new SimpleObjectProperty<>(this, "variantColumn");
    private final ObservableList<String> controls = FXCollections.observableArrayList();
    private final ObjectProperty<String> control = new SimpleObjectProperty<>(this, "control");
    private final ObjectProperty<String> conversionColumn = new SimpleObjectProperty<>(this, "conversionColumn", "");
    private final ObjectProperty<String> metricColumn = new SimpleObjectProperty<>(this, "metricColumn", "");
    private final ObjectProperty<String> covariateColumn = new SimpleObjectProperty<>(this, "covariateColumn", "");
    private final ObjectProperty<String> customerColumn = new SimpleObjectProperty<>(this, "customerColumn", "");
    private final ObservableList<BreakdownChoice> breakdowns = FXCollections.observableArrayList(BreakdownChoice.NONE);
    private final ObjectProperty<BreakdownChoice> breakdown = new SimpleObjectProperty<>(this, "breakdown",
            BreakdownChoice.NONE);
    private final StringProperty split = new SimpleStringProperty(this, "split", "");
    private final StringProperty priorAlpha = new SimpleStringProperty(this, "priorAlpha", "1");
    private final StringProperty priorBeta = new SimpleStringProperty(this, "priorBeta", "1");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");

    private final ReadOnlyObjectWrapper<ExperimentReadout> readout = new ReadOnlyObjectWrapper<>(this, "readout");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyStringWrapper srmWarning = new ReadOnlyStringWrapper(this, "srmWarning", "");
    private final ReadOnlyStringWrapper readSummary = new ReadOnlyStringWrapper(this, "readSummary", "");
    private final ReadOnlyStringWrapper heterogeneity = new ReadOnlyStringWrapper(this, "heterogeneity", "");
    private final ReadOnlyStringWrapper bandit = new ReadOnlyStringWrapper(this, "bandit", "");
    private final ObservableList<VariantRow> variantRows = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> comparisonRows = FXCollections.observableArrayList();
    private final ObservableList<SegmentRow> segmentRows = FXCollections.observableArrayList();
    private final ObservableList<ForestRow> forestRows = FXCollections.observableArrayList();
    private final ObservableList<PosteriorSeries> posteriors = FXCollections.observableArrayList();
    private final PowerCalculator power;

    private List<ExperimentDefinition> savedDefinitions = List.of();
    private List<String> runNames = List.of();
    private List<String> ruleNames = List.of();
    /** True while a saved definition is put into the fields (so choosing a dataset does not preselect columns). */
    private boolean applying;
    /** The control to choose once the variant values are read (from a saved definition). */
    private String wantedControl;
    /** Bumped on every variant-values request so a late answer for an older column is dropped. */
    private long valuesRequest;

    public ExperimentsViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                                ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.work = new StepWork(tasks, dialogs, () -> message.set(tr("experiments.cancelled")));
        this.power = new PowerCalculator(engine);
        dataset.addListener((obs, old, now) -> datasetChanged(now));
        variantColumn.addListener((obs, old, now) -> loadControls());
        savedChoice.addListener((obs, old, now) -> {
            if (!applying && now != null) {
                open(now);
            }
        });
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Saved experiments' names. */
    public ObservableList<String> saved() {
        return saved;
    }

    /** The saved experiment shown; choosing one puts its settings into the fields and reads it out. */
    public ObjectProperty<String> savedChoiceProperty() {
        return savedChoice;
    }

    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    /** The chosen dataset's columns. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** "" (none) and the chosen dataset's columns. */
    public ObservableList<String> optionalColumns() {
        return optionalColumns;
    }

    public ObjectProperty<String> variantColumnProperty() {
        return variantColumn;
    }

    /** The variant column's values (read in the background). */
    public ObservableList<String> controls() {
        return controls;
    }

    public ObjectProperty<String> controlProperty() {
        return control;
    }

    /** "" for none. */
    public ObjectProperty<String> conversionColumnProperty() {
        return conversionColumn;
    }

    /** "" for none. */
    public ObjectProperty<String> metricColumnProperty() {
        return metricColumn;
    }

    /** The metric's pre-period value for CUPED; "" for none. */
    public ObjectProperty<String> covariateColumnProperty() {
        return covariateColumn;
    }

    /** Joins personas and rule segments; "" for none. */
    public ObjectProperty<String> customerColumnProperty() {
        return customerColumn;
    }

    public ObservableList<BreakdownChoice> breakdowns() {
        return breakdowns;
    }

    public ObjectProperty<BreakdownChoice> breakdownProperty() {
        return breakdown;
    }

    /** The planned split, for example "50,50"; empty for equal shares. */
    public StringProperty splitProperty() {
        return split;
    }

    public StringProperty priorAlphaProperty() {
        return priorAlpha;
    }

    public StringProperty priorBetaProperty() {
        return priorBeta;
    }

    /** The experiment's name (a readout is saved under it; the dataset's name when empty). */
    public StringProperty nameProperty() {
        return name;
    }

    /** The readout shown, or null. */
    public ReadOnlyObjectProperty<ExperimentReadout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The verdict in plain words, one sentence per variant. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** The sample-ratio warning shown before the results, or "" when the split is as planned. */
    public ReadOnlyStringProperty srmWarningProperty() {
        return srmWarning.getReadOnlyProperty();
    }

    /** "10,000 rows read · 0 skipped · split as planned (p = 0.41)". */
    public ReadOnlyStringProperty readSummaryProperty() {
        return readSummary.getReadOnlyProperty();
    }

    /** Cochran's Q and I² per variant over the breakdown's segments, or "". */
    public ReadOnlyStringProperty heterogeneityProperty() {
        return heterogeneity.getReadOnlyProperty();
    }

    /** The bandit replay in one sentence (per-user conversion rows only), or "". */
    public ReadOnlyStringProperty banditProperty() {
        return bandit.getReadOnlyProperty();
    }

    public ObservableList<VariantRow> variantRows() {
        return variantRows;
    }

    public ObservableList<ComparisonRow> comparisonRows() {
        return comparisonRows;
    }

    public ObservableList<SegmentRow> segmentRows() {
        return segmentRows;
    }

    /** Overall comparisons, then (with a breakdown) each segment's. */
    public ObservableList<ForestRow> forestRows() {
        return forestRows;
    }

    /** Each variant's posterior. */
    public ObservableList<PosteriorSeries> posteriors() {
        return posteriors;
    }

    public PowerCalculator power() {
        return power;
    }

    /** Whether the readout's lifts are conversion-rate points (false: the metric's units). */
    public boolean conversionReadout() {
        return readout.get() != null && readout.get().conversion();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    /** The cancellable work running now (analysis, import, export), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return work.currentTaskProperty();
    }

    // ---- commands ----

    /** Reads the datasets, saved experiments, runs and rule segments again. */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        setDatasets(target.datasets());
        tasks.run(tr("experiments.task.lists"), (progress, cancel) -> new Lists(engine.experiments(target),
                        engine.runs(target).stream().map(SegmentationRunInfo::name).toList(),
                        engine.savedRules(target).stream().map(SavedRule::name).toList()),
                lists -> {
                    if (project.get() != target) {
                        return;
                    }
                    runNames = lists.runs();
                    ruleNames = lists.rules();
                    setSaved(lists.experiments());
                    updateBreakdowns();
                }, failure -> dialogs.showFailure(tr("experiments.error.lists"), failure)).notCancellable();
    }

    /** Clears the fields' experiment (keeping the dataset and columns) to set up a new one. */
    public void newExperiment() {
        applying = true;
        savedChoice.set(null);
        applying = false;
        name.set("");
        clearReadout();
        message.set("");
    }

    /** Deletes the chosen saved experiment after asking. */
    public void deleteExperiment() {
        Project target = project.get();
        String chosen = savedChoice.get();
        if (target == null || chosen == null || work.busy()
                || !dialogs.confirm(tr("experiments.delete.title"), tr("experiments.delete.question", chosen))) {
            return;
        }
        work.run(tr("experiments.task.delete"), (progress, cancel) -> {
            engine.deleteExperiment(target, chosen);
            return engine.experiments(target);
        }, list -> {
            setSaved(list);
            newExperiment();
            message.set(tr("experiments.deleted", chosen));
        }, tr("experiments.error.save"));
    }

    /** Saves the fields as an experiment under its name (without reading it out). */
    public void save() {
        Project target = project.get();
        ExperimentDefinition d = definition();
        if (target == null || d == null || work.busy()) {
            return;
        }
        work.run(tr("experiments.task.save"), (progress, cancel) -> {
            engine.saveExperiment(target, d);
            return engine.experiments(target);
        }, list -> {
            name.set(d.name());
            setSaved(list, d.name());
            message.set(tr("experiments.savedAs", d.name()));
        }, tr("experiments.error.save"));
    }

    /** Reads the experiment out in the background; a finished readout is saved under the experiment's name. */
    public void analyse() {
        Project target = project.get();
        ExperimentDefinition d = definition();
        if (target == null || d == null || work.busy()) {
            return;
        }
        message.set("");
        work.run(tr("experiments.task.analyse", d.name()), (progress, cancel) -> {
            ExperimentReadout r = engine.analyseExperiment(target, d, progress, cancel);
            List<PosteriorSeries> curves = curves(r);
            cancel.throwIfCancelled(); // the last point where a cancel leaves nothing saved
            engine.saveExperiment(target, d);
            return new Analysis(r, curves, engine.experiments(target));
        }, done -> {
            if (project.get() != target) {
                return;
            }
            name.set(d.name());
            setSaved(done.saved(), d.name());
            show(done.readout(), done.curves());
        }, tr("experiments.error.analyse"));
    }

    /** Stops the running analysis, import or export. */
    public void cancel() {
        work.requestCancel();
    }

    /** Asks for a results CSV, imports it into the project with the detected format and roles, then selects it. */
    public void importResults() {
        Project target = project.get();
        if (target == null || work.busy()) {
            return;
        }
        Path file = dialogs.chooseFileToImport().orElse(null);
        if (file == null) {
            return;
        }
        String wanted = Formats.datasetName(file);
        BadRowPolicy askAnalyst = (sample, total) -> tasks.callOnUiThread(() -> dialogs.askBadRows(sample, total));
        work.run(tr("experiments.task.import", file.getFileName()), (progress, cancel) -> {
            CsvPreview preview = engine.inspect(file, FormatOverrides.none());
            cancel.throwIfCancelled();
            String datasetName = freeName(target, wanted);
            engine.importFile(target, file, ImportOptions.fromPreview(preview, datasetName, askAnalyst), progress,
                    cancel);
            return datasetName;
        }, imported -> {
            if (project.get() != target) {
                return;
            }
            setDatasets(target.datasets());
            dataset.set(imported);
            message.set(tr("experiments.imported", file.getFileName(), imported));
        }, tr("experiments.error.import"));
    }

    /** Writes the readout as CSV or JSON ({@code extension} "csv" or "json") where the analyst chooses. */
    public void exportReadout(String extension) {
        ExperimentReadout shown = readout.get();
        if (shown == null || work.busy()) {
            return;
        }
        Path file = dialogs.chooseExportFile(tr("experiments.export.chooser"), fileBase(shown) + "." + extension,
                extension).orElse(null);
        if (file == null) {
            return;
        }
        work.run(tr("experiments.task.export"), (progress, cancel) -> {
            engine.exportReadout(shown, file);
            return file;
        }, done -> message.set(tr("experiments.export.done", done)), tr("experiments.error.export"));
    }

    /** Writes the charts (as the view drew them into {@code image}) as a PNG where the analyst chooses. */
    public void exportCharts(BufferedImage image) {
        ExperimentReadout shown = readout.get();
        if (shown == null || image == null || work.busy()) {
            return;
        }
        Path file = dialogs.chooseExportFile(tr("experiments.export.charts.chooser"),
                fileBase(shown) + "-charts.png", "png").orElse(null);
        if (file == null) {
            return;
        }
        work.run(tr("experiments.task.export"), (progress, cancel) -> {
            engine.writePng(image, file);
            return file;
        }, done -> message.set(tr("experiments.export.done", done)), tr("experiments.error.export"));
    }

    /**
     * The definition the fields describe, or null with a message saying what is missing or wrong.
     */
    public ExperimentDefinition definition() {
        String error = null;
        double[] plannedSplit = null;
        double a = PowerCalculator.number(priorAlpha.get());
        double b = PowerCalculator.number(priorBeta.get());
        if (dataset.get() == null) {
            error = tr("experiments.invalid.dataset");
        } else if (blank(variantColumn.get())) {
            error = tr("experiments.invalid.variant");
        } else if (blank(control.get())) {
            error = tr("experiments.invalid.control");
        } else if (blank(conversionColumn.get()) && blank(metricColumn.get())) {
            error = tr("experiments.invalid.outcome");
        } else if (!blank(covariateColumn.get()) && blank(metricColumn.get())) {
            error = tr("experiments.invalid.covariate");
        } else if (breakdownNeedsCustomer() && blank(customerColumn.get())) {
            error = tr("experiments.invalid.customer");
        } else if (!(a > 0 && b > 0)) {
            error = tr("experiments.invalid.prior");
        } else if (!blank(split.get())) {
            plannedSplit = parseSplit(split.get());
            if (plannedSplit == null || (!controls.isEmpty() && plannedSplit.length != controls.size())) {
                error = tr("experiments.invalid.split", controls.size());
            }
        }
        if (error != null) {
            message.set(error);
            return null;
        }
        String experimentName = blank(name.get()) ? dataset.get() : name.get().strip();
        BreakdownChoice chosen = breakdown.get() == null ? BreakdownChoice.NONE : breakdown.get();
        return new ExperimentDefinition(experimentName, dataset.get(), variantColumn.get(), control.get(),
                orNull(conversionColumn.get()), orNull(metricColumn.get()), orNull(covariateColumn.get()),
                orNull(customerColumn.get()), null, null, null, chosen.breakdown(), plannedSplit, 0.95, a, b);
    }

    // ---- inner workings ----

    private record Lists(List<ExperimentDefinition> experiments, List<String> runs, List<String> rules) {
    }

    private record Analysis(ExperimentReadout readout, List<PosteriorSeries> curves,
                            List<ExperimentDefinition> saved) {
    }

    private boolean breakdownNeedsCustomer() {
        BreakdownChoice b = breakdown.get();
        return b != null && (b.kind() == BreakdownKind.PERSONAS || b.kind() == BreakdownKind.RULE);
    }

    /** Each variant's posterior: Beta(α + conversions, β + non-conversions) in percent, or the mean's normal. */
    private List<PosteriorSeries> curves(ExperimentReadout r) {
        List<PosteriorSeries> out = new ArrayList<>();
        ExperimentDefinition d = r.definition();
        for (AbTestReport.VariantSummary v : r.report().variants()) {
            if (r.conversion()) {
                Posterior.Curve c = engine.betaPosterior(d.priorAlpha() + v.conversions(),
                        d.priorBeta() + v.users() - v.conversions(), CURVE_POINTS);
                double[] x = Arrays.stream(c.x()).map(p -> p * 100).toArray();
                double[] y = Arrays.stream(c.density()).map(p -> p / 100).toArray();
                out.add(new PosteriorSeries(v.name(), x, y));
            } else if (v.mean() != null && v.sd() != null && v.users() > 1) {
                Posterior.Curve c = engine.normalPosterior(v.mean(), v.sd() / Math.sqrt(v.users()), CURVE_POINTS);
                out.add(new PosteriorSeries(v.name(), c.x(), c.density()));
            }
        }
        return out;
    }

    private void show(ExperimentReadout r, List<PosteriorSeries> curves) {
        readout.set(r);
        AbTestReport report = r.report();
        List<String> lines = r.verdict();
        if (report.srm().mismatch()) {
            srmWarning.set(tr("experiments.srm.warning", ExperimentFormats.pEquals(report.srm().p()),
                    observedSplit(report), plannedSplit(report)));
            if (lines.size() > report.comparisons().size()) {
                lines = lines.subList(1, lines.size()); // the banner says it
            }
        } else {
            srmWarning.set("");
        }
        verdict.set(String.join("\n", lines));
        long users = report.variants().stream().mapToLong(AbTestReport.VariantSummary::users).sum();
        String srm = report.srm().mismatch() ? "" : tr("experiments.srm.ok", ExperimentFormats.pEquals(report.srm().p()));
        readSummary.set(tr("experiments.readSummary", Formats.count(r.rowsRead()), Formats.count(r.rowsSkipped()),
                Formats.count(users), srm)
                + (r.breakdownLabel() == null ? "" : tr("experiments.readSummary.breakdown", r.breakdownLabel(),
                Formats.count(r.unmatchedUsers()))));
        variantRows.setAll(report.variants().stream()
                .map(v -> new VariantRow(v, v.name().equals(report.control()))).toList());
        comparisonRows.setAll(report.comparisons().stream().map(ComparisonRow::new).toList());
        segmentRows.setAll(report.breakdown().stream().map(SegmentRow::new).toList());
        heterogeneity.set(String.join("   ", report.heterogeneity().stream()
                .map(h -> tr("experiments.heterogeneity", h.variant(), ExperimentFormats.decimals(h.q(), 2), h.df(),
                        ExperimentFormats.pEquals(h.p()), ExperimentFormats.decimals(h.iSquared() * 100, 0)))
                .toList()));
        List<ForestRow> rows = new ArrayList<>();
        for (AbTestReport.Comparison c : report.comparisons()) {
            if (r.conversion()) {
                rows.add(new ForestRow(c.variant(), null, c.absLift() * 100, c.absLiftCi().lo() * 100,
                        c.absLiftCi().hi() * 100, false));
            } else if (c.meanDiff() != null && c.meanDiffCi() != null) {
                rows.add(new ForestRow(c.variant(), null, c.meanDiff(), c.meanDiffCi().lo(), c.meanDiffCi().hi(),
                        false));
            }
        }
        if (r.conversion()) {
            for (AbTestReport.SegmentLift s : report.breakdown()) {
                rows.add(new ForestRow(s.variant(), s.segment(), s.absLift() * 100, s.absLiftCi().lo() * 100,
                        s.absLiftCi().hi() * 100, s.tooSmall()));
            }
        }
        forestRows.setAll(rows);
        posteriors.setAll(curves);
        bandit.set(banditLine(r.bandit()));
        ExperimentReadout.Baseline base = r.baseline();
        power.setBaseline(r.conversion(), r.conversion() ? base.rate() : base.metricSd(), base.controlUsers());
    }

    private static String banditLine(BanditReplay.Report b) {
        if (b == null) {
            return "";
        }
        BanditReplay.Strategy fixed = b.strategy(BanditReplay.FIXED_SPLIT);
        BanditReplay.Strategy thompson = b.strategy(BanditReplay.THOMPSON);
        int best = b.arms().indexOf(b.bestArm());
        return tr("experiments.bandit", b.runs(), ExperimentFormats.probability(thompson.share()[best]), b.bestArm(),
                ExperimentFormats.decimals(thompson.regret(), 1), ExperimentFormats.decimals(fixed.regret(), 1),
                ExperimentFormats.decimals(thompson.conversions() - fixed.conversions(), 1));
    }

    private static String observedSplit(AbTestReport report) {
        long total = report.variants().stream().mapToLong(AbTestReport.VariantSummary::users).sum();
        return String.join(" / ", report.variants().stream()
                .map(v -> ExperimentFormats.decimals(100.0 * v.users() / Math.max(1, total), 1)).toList());
    }

    private static String plannedSplit(AbTestReport report) {
        double[] shares = report.srm().expectedSplit();
        if (shares == null) {
            return "";
        }
        return String.join(" / ", Arrays.stream(shares).mapToObj(s -> ExperimentFormats.decimals(100 * s, 1))
                .toList());
    }

    private void clearReadout() {
        readout.set(null);
        verdict.set("");
        srmWarning.set("");
        readSummary.set("");
        heterogeneity.set("");
        bandit.set("");
        variantRows.clear();
        comparisonRows.clear();
        segmentRows.clear();
        forestRows.clear();
        posteriors.clear();
        power.clear();
    }

    /** Puts a saved experiment's settings into the fields, then reads it out. */
    private void open(String experiment) {
        Optional<ExperimentDefinition> found = savedDefinitions.stream()
                .filter(d -> d.name().equalsIgnoreCase(experiment)).findFirst();
        if (found.isEmpty()) {
            return;
        }
        ExperimentDefinition d = found.get();
        if (!datasets.contains(d.dataset())) {
            message.set(tr("experiments.missingDataset", d.name(), d.dataset()));
            return;
        }
        applying = true;
        try {
            dataset.set(d.dataset());
            datasetChanged(d.dataset()); // the columns even when the dataset was chosen already
            wantedControl = d.control();
            variantColumn.set(d.variantColumn());
            conversionColumn.set(orEmpty(d.conversionColumn()));
            metricColumn.set(orEmpty(d.metricColumn()));
            covariateColumn.set(orEmpty(d.covariateColumn()));
            customerColumn.set(orEmpty(d.customerColumn()));
            updateBreakdowns();
            BreakdownChoice b = BreakdownChoice.of(d.breakdown());
            if (!breakdowns.contains(b)) {
                breakdowns.add(b);
            }
            breakdown.set(b);
            split.set(d.expectedSplit() == null ? "" : String.join(",", Arrays.stream(d.expectedSplit())
                    .mapToObj(ExperimentFormats::plain).toList()));
            priorAlpha.set(ExperimentFormats.plain(d.priorAlpha()));
            priorBeta.set(ExperimentFormats.plain(d.priorBeta()));
            name.set(d.name());
        } finally {
            applying = false;
        }
        clearReadout();
        loadControlsThen(this::analyse);
    }

    private void datasetChanged(String now) {
        DatasetInfo info = now == null || project.get() == null ? null
                : project.get().dataset(now).orElse(null);
        List<DatasetColumn> cols = info == null ? List.of() : info.columns();
        List<String> names = cols.stream().map(DatasetColumn::name).toList();
        boolean wasApplying = applying;
        applying = true; // the column choices below must not each reload the variant values
        columns.setAll(names);
        List<String> optional = new ArrayList<>();
        optional.add("");
        optional.addAll(names);
        optionalColumns.setAll(optional);
        applying = wasApplying;
        if (!applying) {
            applying = true; // one read of the variant values below, even when the column's name stays the same
            variantColumn.set(roleOr(cols, ColumnRole.VARIANT, cols.stream()
                    .filter(c -> c.type() == ColumnType.TEXT && c.role() != ColumnRole.CUSTOMER_ID)
                    .map(DatasetColumn::name).findFirst().orElse(names.isEmpty() ? null : names.getFirst())));
            conversionColumn.set(roleOr(cols, ColumnRole.OUTCOME, ""));
            metricColumn.set("");
            covariateColumn.set("");
            customerColumn.set(roleOr(cols, ColumnRole.CUSTOMER_ID, ""));
            split.set("");
            updateBreakdowns();
            breakdown.set(BreakdownChoice.NONE);
            applying = false;
            loadControlsThen(() -> {
            });
        }
    }

    private static String roleOr(List<DatasetColumn> cols, ColumnRole role, String otherwise) {
        return cols.stream().filter(c -> c.role() == role).map(DatasetColumn::name).findFirst().orElse(otherwise);
    }

    private void loadControls() {
        if (!applying) {
            loadControlsThen(() -> {
            });
        }
    }

    /** Reads the variant column's values in the background, chooses the control, then runs {@code then}. */
    private void loadControlsThen(Runnable then) {
        Project target = project.get();
        String ds = dataset.get();
        String column = variantColumn.get();
        long request = ++valuesRequest;
        if (target == null || ds == null || blank(column)) {
            controls.clear();
            control.set(null);
            return;
        }
        tasks.run(tr("experiments.task.values"), (progress, cancel) -> engine.variantValues(target, ds, column,
                        cancel),
                values -> {
                    if (request != valuesRequest || project.get() != target) {
                        return;
                    }
                    String keep = wantedControl != null && values.contains(wantedControl) ? wantedControl
                            : control.get() != null && values.contains(control.get()) ? control.get()
                            : values.isEmpty() ? null : values.getFirst();
                    wantedControl = null;
                    controls.setAll(values);
                    control.set(keep);
                    then.run();
                }, failure -> dialogs.showFailure(tr("experiments.error.values"), failure)).notCancellable();
    }

    private void updateBreakdowns() {
        BreakdownChoice kept = breakdown.get();
        List<BreakdownChoice> all = new ArrayList<>();
        all.add(BreakdownChoice.NONE);
        for (String c : columns) {
            if (!c.equals(variantColumn.get()) && !c.equals(conversionColumn.get())) {
                all.add(new BreakdownChoice(BreakdownKind.COLUMN, c));
            }
        }
        runNames.forEach(r -> all.add(new BreakdownChoice(BreakdownKind.PERSONAS, r)));
        ruleNames.forEach(r -> all.add(new BreakdownChoice(BreakdownKind.RULE, r)));
        breakdowns.setAll(all);
        breakdown.set(kept != null && all.contains(kept) ? kept : BreakdownChoice.NONE);
    }

    private void setSaved(List<ExperimentDefinition> list) {
        setSaved(list, blank(name.get()) ? savedChoice.get() : name.get().strip());
    }

    /** Shows the saved experiments, {@code current} chosen when it is one of them. */
    private void setSaved(List<ExperimentDefinition> list, String current) {
        savedDefinitions = List.copyOf(list);
        applying = true;
        saved.setAll(list.stream().map(ExperimentDefinition::name).toList());
        savedChoice.set(current != null && saved.stream().anyMatch(current::equalsIgnoreCase)
                ? saved.stream().filter(current::equalsIgnoreCase).findFirst().orElse(null) : null);
        applying = false;
    }

    private void setDatasets(List<DatasetInfo> infos) {
        List<String> names = infos.stream().map(DatasetInfo::name).toList();
        String kept = dataset.get();
        datasets.setAll(names);
        if (kept != null && names.contains(kept)) {
            return;
        }
        String withVariant = infos.stream()
                .filter(d -> d.columns().stream().anyMatch(c -> c.role() == ColumnRole.VARIANT))
                .map(DatasetInfo::name).findFirst().orElse(null);
        dataset.set(withVariant);
    }

    private void projectChanged(OpenProject now) {
        work.abandon();
        valuesRequest++;
        clearReadout();
        savedDefinitions = List.of();
        runNames = List.of();
        ruleNames = List.of();
        applying = true;
        saved.clear();
        savedChoice.set(null);
        applying = false;
        name.set("");
        message.set("");
        project.set(now == null ? null : now.project());
        datasets.clear();
        dataset.set(null);
        controls.clear();
        if (now != null) {
            setDatasets(now.datasets());
        }
    }

    /** A dataset name like {@code wanted} that the project does not have yet. */
    private static String freeName(Project target, String wanted) {
        String candidate = wanted;
        for (int i = 2; target.hasDataset(candidate); i++) {
            candidate = wanted + "_" + i;
        }
        return candidate;
    }

    private static double[] parseSplit(String text) {
        String[] parts = text.split("[,;:/ ]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (!(out[i] > 0) || !Double.isFinite(out[i])) {
                return null;
            }
        }
        return out.length < 2 ? null : out;
    }

    private static String fileBase(ExperimentReadout r) {
        return "readout-" + r.definition().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
