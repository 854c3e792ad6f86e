package org.personaworkbench.app.segments;

import org.personaworkbench.app.common.CheckedColumn;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
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
import org.personaworkbench.app.common.TaskRunner;
import org.personaworkbench.app.common.Work;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.Algorithm;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.Linkage;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SilhouetteReport;
import org.personaworkbench.engine.segmentation.SweepOptions;
import org.personaworkbench.engine.segmentation.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Segments step: which feature set and columns to cluster, a k sweep to choose the count, a fit with any
 * algorithm, and the fit's sizes, silhouettes, projection, dendrogram and profiles; saved runs and their
 * comparison. Every computation runs in the background; a cancel or a failure leaves the shown results as
 * they were.
 */
public final class SegmentsViewModel {

    /** Silhouettes are exact up to this many rows, else on a sample of {@link #SILHOUETTE_SAMPLE}. */
    static final int SILHOUETTE_EXACT = 20_000;
    static final int SILHOUETTE_SAMPLE = 10_000;
    /** Points drawn in the projection at most. */
    static final int MAX_POINTS = 100_000;
    /** Rows the k-distance curve is computed for at most. */
    static final int KDISTANCE_SAMPLE = 10_000;

    private final Engine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<FeatureSetInfo> featureSets = FXCollections.observableArrayList();
    private final ObjectProperty<FeatureSetInfo> selectedFeatureSet = new SimpleObjectProperty<>(this, "featureSet");
    private final ObservableList<CheckedColumn> columns = FXCollections.observableArrayList();
    private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.STANDARD);
    private Map<String, List<DatasetColumn>> columnsByFeatureSet = Map.of();

    private final IntegerProperty kFrom = new SimpleIntegerProperty(this, "kFrom", 2);
    private final IntegerProperty kTo = new SimpleIntegerProperty(this, "kTo", 10);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 42);
    private final ReadOnlyObjectWrapper<SweepResult> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");

    private final ObjectProperty<Algorithm> algorithm = new SimpleObjectProperty<>(this, "algorithm", Algorithm.KMEANS);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 5);
    private final ObjectProperty<Linkage> linkage = new SimpleObjectProperty<>(this, "linkage", Linkage.WARD);
    private final BooleanProperty cutByHeight = new SimpleBooleanProperty(this, "cutByHeight");
    private final DoubleProperty cutHeight = new SimpleDoubleProperty(this, "cutHeight", 1.0);
    private final DoubleProperty eps = new SimpleDoubleProperty(this, "eps", Double.NaN);
    private final IntegerProperty minPoints = new SimpleIntegerProperty(this, "minPoints", 5);
    private final IntegerProperty minClusterSize = new SimpleIntegerProperty(this, "minClusterSize", 25);
    private final ReadOnlyObjectWrapper<KDistanceCurve> kDistance = new ReadOnlyObjectWrapper<>(this, "kDistance");

    private final ReadOnlyObjectWrapper<FitOutcome> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyObjectWrapper<ScatterData> projection = new ReadOnlyObjectWrapper<>(this, "projection");
    private final ObservableList<SizeRow> sizes = FXCollections.observableArrayList();

    private final StringProperty runName = new SimpleStringProperty(this, "runName", "");
    private final ObservableList<SegmentationRunInfo> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper comparedRuns = new ReadOnlyStringWrapper(this, "comparedRuns", "");
    private final ReadOnlyObjectWrapper<Engine.SavedRun> openedRun = new ReadOnlyObjectWrapper<>(this, "openedRun");
    private final ReadOnlyStringWrapper openedRunSummary = new ReadOnlyStringWrapper(this, "openedRunSummary", "");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<BackgroundTask> currentTask = new ReadOnlyObjectWrapper<>(this, "currentTask");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** The matrices last loaded, with what they were loaded from; written on the UI thread only. */
    private Loaded loaded;

    public SegmentsViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                             ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        selectedFeatureSet.addListener((obs, old, now) -> columnsFor(now));
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ObservableList<FeatureSetInfo> featureSets() {
        return featureSets;
    }

    public ObjectProperty<FeatureSetInfo> selectedFeatureSetProperty() {
        return selectedFeatureSet;
    }

    /** The numeric columns of the chosen feature set. */
    public ObservableList<CheckedColumn> columns() {
        return columns;
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    public IntegerProperty kFromProperty() {
        return kFrom;
    }

    public IntegerProperty kToProperty() {
        return kTo;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<SweepResult> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    /** The number of segments the fit asks for. */
    public IntegerProperty kProperty() {
        return k;
    }

    public ObjectProperty<Linkage> linkageProperty() {
        return linkage;
    }

    public BooleanProperty cutByHeightProperty() {
        return cutByHeight;
    }

    public DoubleProperty cutHeightProperty() {
        return cutHeight;
    }

    /** DBSCAN's radius; NaN lets the engine suggest it. */
    public DoubleProperty epsProperty() {
        return eps;
    }

    public IntegerProperty minPointsProperty() {
        return minPoints;
    }

    public IntegerProperty minClusterSizeProperty() {
        return minClusterSize;
    }

    public ReadOnlyObjectProperty<KDistanceCurve> kDistanceProperty() {
        return kDistance.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FitOutcome> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** The projection shown: the fit's PCA, or a t-SNE asked for later. */
    public ReadOnlyObjectProperty<ScatterData> projectionProperty() {
        return projection.getReadOnlyProperty();
    }

    public ObservableList<SizeRow> sizes() {
        return sizes;
    }

    public StringProperty runNameProperty() {
        return runName;
    }

    public ObservableList<SegmentationRunInfo> runs() {
        return runs;
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** "first → second" of the comparison shown. */
    public ReadOnlyStringProperty comparedRunsProperty() {
        return comparedRuns.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Engine.SavedRun> openedRunProperty() {
        return openedRun.getReadOnlyProperty();
    }

    /** One line about the reopened run (settings and segment sizes), or "". */
    public ReadOnlyStringProperty openedRunSummaryProperty() {
        return openedRunSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The work now running for this step (for its progress bar and Cancel), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }

    /** The outcome of the last action (saved, cancelled, notes), for a banner. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The one-line recommendation above the sweep charts, or "". */
    public String recommendation() {
        SweepResult s = sweep.get();
        if (s == null) {
            return "";
        }
        // The engine's reason starts "k = 4: …"; the label names k itself.
        String reason = s.reason().replaceFirst("^k = " + s.recommendedK() + ": ", "");
        return tr("segments.sweep.recommended", s.recommendedK(), reason);
    }

    /** The chosen column names, in the feature set's order. */
    public List<String> selectedColumns() {
        return columns.stream().filter(CheckedColumn::isSelected).map(CheckedColumn::name).toList();
    }

    // ---- commands ----

    /** Reads the project's feature sets and saved runs again (when the step is shown: features may be new). */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        tasks.run(tr("segments.task.load"),
                (progress, cancel) -> {
                    List<FeatureSetInfo> sets = target.featureSets();
                    Map<String, List<DatasetColumn>> cols = new java.util.HashMap<>();
                    for (FeatureSetInfo s : sets) {
                        target.dataset(s.name()).ifPresent(d -> cols.put(s.name(), d.columns()));
                    }
                    return new Inputs(sets, Map.copyOf(cols), engine.runs(target));
                },
                inputs -> {
                    if (project.get() != target) {
                        return;
                    }
                    columnsByFeatureSet = inputs.columns();
                    FeatureSetInfo previous = selectedFeatureSet.get();
                    featureSets.setAll(inputs.featureSets());
                    runs.setAll(inputs.runs());
                    FeatureSetInfo again = previous == null ? null : featureSets.stream()
                            .filter(f -> f.name().equals(previous.name())).findFirst().orElse(null);
                    if (again != null && again.equals(previous)) {
                        selectedFeatureSet.set(again);
                    } else {
                        selectedFeatureSet.set(again != null ? again
                                : featureSets.isEmpty() ? null : featureSets.getFirst());
                    }
                },
                failure -> dialogs.showFailure(tr("segments.error.load"), failure)).notCancellable();
    }

    /** Fits K-Means for every k in the range and selects the recommended k for the fit. */
    public void runSweep() {
        Request request = request();
        if (request == null) {
            return;
        }
        int from = kFrom.get();
        int to = kTo.get();
        if (from < 2 || to < from || to > 999) {
            dialogs.showError(tr("segments.error.sweep"), tr("segments.error.range", from, to), null);
            return;
        }
        SweepOptions options = SweepOptions.defaults().withRange(from, to).withSeed(seed.get())
                .withSilhouette(SILHOUETTE_EXACT, SILHOUETTE_SAMPLE);
        start(tr("segments.task.sweep", from, to), request,
                (matrices, progress, cancel) -> engine.sweep(matrices.scaled(), options, progress, cancel),
                result -> {
                    sweep.set(result);
                    k.set(result.recommendedK());
                    if (!algorithm.get().takesK()) {
                        algorithm.set(Algorithm.KMEANS);
                    }
                    message.set(tr("segments.sweep.done", Formats.count(result.rows()), from, to,
                            Formats.number(result.seconds())));
                },
                tr("segments.error.sweep"));
    }

    /** A click on a sweep chart: fit with this k. */
    public void chooseK(int chosen) {
        if (chosen < 1) {
            return;
        }
        k.set(chosen);
        if (!algorithm.get().takesK()) {
            algorithm.set(Algorithm.KMEANS);
        }
        cutByHeight.set(false);
    }

    /** Computes the sorted k-distance curve and suggests eps from it (when none was set). */
    public void runKDistance() {
        Request request = request();
        if (request == null) {
            return;
        }
        int neighbours = Math.max(1, minPoints.get());
        long s = seed.get();
        start(tr("segments.task.kdistance"), request,
                (matrices, progress, cancel) -> engine.kDistance(matrices.scaled(), neighbours, KDISTANCE_SAMPLE, s,
                        cancel),
                curve -> {
                    kDistance.set(curve);
                    if (Double.isNaN(eps.get())) {
                        eps.set(curve.suggestedEps());
                    }
                },
                tr("segments.error.kdistance"));
    }

    /** Clusters with the chosen algorithm and computes sizes, silhouettes, the PCA picture and the profiles. */
    public void runFit() {
        Request request = request();
        if (request == null) {
            return;
        }
        SegmentationOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            dialogs.showError(tr("segments.error.fit"), e.getMessage(), null);
            return;
        }
        long s = seed.get();
        start(tr("segments.task.fit", options.algorithm().label()), request,
                (matrices, progress, cancel) -> {
                    SegmentationResult result = engine.fit(matrices.scaled(), options, phase(progress, 0), cancel);
                    cancel.throwIfCancelled();
                    progress.report(60, 100, tr("segments.phase.silhouette"));
                    SilhouettePlot silhouette = null;
                    if (result.segments() >= 2) {
                        SilhouetteReport report = engine.silhouette(matrices.scaled(), result.labels(),
                                SILHOUETTE_EXACT, SILHOUETTE_SAMPLE, s, cancel);
                        silhouette = SilhouettePlot.of(report);
                    }
                    progress.report(75, 100, tr("segments.phase.projection"));
                    ScatterData scatter = ScatterData.of(engine.pca(matrices.scaled(), MAX_POINTS, s, cancel),
                            result.labels());
                    progress.report(85, 100, tr("segments.phase.profiles"));
                    SegmentProfiles profiles = result.segments() >= 1
                            ? engine.profileSegments(matrices.raw(), result.labels(),
                                    new ProfileOptions(0.05, 3, 3, s), Progress.NONE, cancel)
                            : null;
                    DendrogramLayout tree = result.dendrogram() == null ? null
                            : DendrogramLayout.of(result.dendrogram(), result.segments(),
                                    result.options().cutHeight());
                    return new FitOutcome(request.featureSet(), matrices, result, sizeRows(result), silhouette,
                            scatter, tree, profiles);
                },
                outcome -> {
                    fit.set(outcome);
                    projection.set(outcome.scatter());
                    sizes.setAll(outcome.sizes());
                    SegmentationResult r = outcome.result();
                    if (r.options().algorithm() == Algorithm.DBSCAN && Double.isNaN(eps.get())) {
                        eps.set(r.options().eps());
                    }
                    if (runName.get().isBlank()) {
                        runName.set(suggestedName(outcome));
                    }
                    message.set(r.note() == null || r.note().isBlank()
                            ? tr("segments.fit.done", r.segments(), Formats.count(r.rows()),
                                    Formats.number(r.seconds()))
                            : r.note());
                },
                tr("segments.error.fit"));
    }

    /** Replaces the projection with t-SNE (on a seeded sample of at most 20,000 rows). */
    public void runTsne() {
        FitOutcome current = fit.get();
        if (current == null || busy.get()) {
            return;
        }
        long s = seed.get();
        int[] labels = current.result().labels();
        run(tr("segments.task.tsne"),
                (progress, cancel) -> ScatterData.of(engine.tsne(current.matrices().scaled(), s, progress, cancel),
                        labels),
                data -> {
                    if (fit.get() == current) {
                        projection.set(data);
                    }
                },
                tr("segments.error.tsne"));
    }

    /** Shows the fit's PCA picture again. */
    public void showPca() {
        FitOutcome current = fit.get();
        if (current != null) {
            projection.set(current.scatter());
        }
    }

    /** Saves the current fit under {@link #runNameProperty()} in the project. */
    public void saveRun() {
        FitOutcome current = fit.get();
        Project target = project.get();
        String name = runName.get() == null ? "" : runName.get().trim();
        if (current == null || target == null || busy.get()) {
            return;
        }
        if (name.isEmpty()) {
            dialogs.showError(tr("segments.error.save"), tr("segments.error.noName"), null);
            return;
        }
        String version = current.featureSet().createdAt().toString();
        run(tr("segments.task.save", name),
                (progress, cancel) -> {
                    SegmentationRunInfo saved = engine.saveRun(target, name, current.featureSet().name(), version,
                            current.matrices().scaled(), current.result(), current.profiles());
                    return new Saved(saved, engine.runs(target));
                },
                saved -> {
                    if (project.get() != target) {
                        return;
                    }
                    runs.setAll(saved.runs());
                    message.set(tr("segments.runs.saved", saved.info().name()));
                },
                tr("segments.error.save")).notCancellable(); // one short transaction: it cannot stop halfway
    }

    /**
     * Saves a segment's decision-tree rule as a rule segment named after the run (or the fit) and the
     * segment, for example "rfm-k4 segment 2"; a duplicate name is refused with a message.
     */
    public void saveSegmentRule(org.personaworkbench.engine.segmentation.SegmentProfile profile) {
        Project target = project.get();
        if (target == null || profile == null || profile.rule() == null || busy.get()) {
            return;
        }
        Engine.SavedRun opened = openedRun.get();
        String typed = runName.get() == null ? "" : runName.get().trim();
        String base = opened != null ? opened.info().name() : typed.isEmpty() ? tr("segments.rule.fit") : typed;
        String name = tr("segments.rule.name", base, profile.segment());
        run(tr("segments.task.saveRule"),
                (progress, cancel) -> engine.saveRule(target, name,
                        org.personaworkbench.engine.rules.RuleSegments.fromSurrogate(profile.rule())),
                saved -> message.set(tr("segments.rule.saved", saved.name())),
                tr("segments.error.saveRule")).notCancellable();
    }

    /** Compares two saved runs: adjusted Rand index and migration matrix. */
    public void compareRuns(String first, String second) {
        Project target = project.get();
        if (target == null || first == null || second == null || busy.get()) {
            return;
        }
        run(tr("segments.task.compare", first, second),
                (progress, cancel) -> engine.compareRuns(target, first, second),
                result -> {
                    comparedRuns.set(tr("segments.runs.compared", first, second));
                    comparison.set(result);
                },
                tr("segments.error.compare")).notCancellable();
    }

    /** Reopens a saved run: its settings and how many rows each segment has. */
    public void openRun(String name) {
        Project target = project.get();
        if (target == null || name == null || busy.get()) {
            return;
        }
        run(tr("segments.task.open", name),
                (progress, cancel) -> {
                    Engine.SavedRun run = engine.openRun(target, name);
                    return new Opened(run, summary(run));
                },
                opened -> {
                    openedRun.set(opened.run());
                    openedRunSummary.set(opened.summary());
                    restoreSettings(opened.run());
                },
                tr("segments.error.open")).notCancellable();
    }

    // ---- helpers ----

    /** Puts a reopened run's feature set, columns and fit settings back, so Run fit repeats it. */
    private void restoreSettings(Engine.SavedRun run) {
        featureSets.stream().filter(f -> f.name().equalsIgnoreCase(run.info().featureSet())).findFirst()
                .ifPresent(selectedFeatureSet::set);
        if (!run.columns().isEmpty()) {
            columns.forEach(c -> c.selectedProperty().set(run.columns().stream()
                    .anyMatch(name -> name.equalsIgnoreCase(c.name()))));
        }
        SegmentationOptions o = run.options();
        algorithm.set(o.algorithm());
        if (o.algorithm().takesK()) {
            k.set(o.k());
        }
        seed.set((int) o.seed());
        linkage.set(o.linkage());
        cutByHeight.set(!Double.isNaN(o.cutHeight()));
        if (!Double.isNaN(o.cutHeight())) {
            cutHeight.set(o.cutHeight());
        }
        eps.set(o.eps());
        minPoints.set(o.minPoints());
        minClusterSize.set(o.minClusterSize());
    }

    /** Counted on the worker: a run can have a million rows. */
    private static String summary(Engine.SavedRun r) {
        int[] labels = r.assignments().labels();
        int[] counts = new int[Math.max(1, r.info().segments())];
        int noise = 0;
        for (int l : labels) {
            if (l < 0) {
                noise++;
            } else if (l < counts.length) {
                counts[l]++;
            }
        }
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            sizes.append(i == 0 ? "" : ", ").append(Formats.count(counts[i]));
        }
        return tr("segments.runs.opened", r.info().name(), r.info().algorithm(), r.info().segments(),
                Formats.count(labels.length), sizes.toString(), Formats.count(noise), Long.toString(r.info().seed()));
    }

    SegmentationOptions options() {
        Algorithm a = algorithm.get();
        SegmentationOptions o = SegmentationOptions.defaults().withAlgorithm(a).withSeed(seed.get())
                .withK(Math.max(1, k.get()));
        return switch (a) {
            case HIERARCHICAL -> o.withLinkage(linkage.get())
                    .withCutHeight(cutByHeight.get() ? cutHeight.get() : Double.NaN);
            case DBSCAN -> o.withEps(eps.get()).withMinPoints(Math.max(1, minPoints.get()));
            case HDBSCAN -> o.withMinPoints(Math.max(1, minPoints.get()))
                    .withMinClusterSize(Math.max(2, minClusterSize.get()));
            default -> o;
        };
    }

    private static List<SizeRow> sizeRows(SegmentationResult r) {
        List<SizeRow> rows = new ArrayList<>();
        int[] s = r.sizes();
        double all = Math.max(1, r.rows());
        for (int i = 0; i < s.length; i++) {
            rows.add(new SizeRow(i, s[i], s[i] / all));
        }
        if (r.noise() > 0) {
            rows.add(new SizeRow(-1, r.noise(), r.noise() / all));
        }
        return rows;
    }

    private static String suggestedName(FitOutcome outcome) {
        SegmentationResult r = outcome.result();
        return outcome.featureSet().name() + " " + r.options().algorithm().word() + " k" + r.segments() + " "
                + java.time.LocalDate.now();
    }

    /** Progress of the fit itself fills the first 60% of the bar. */
    private static Progress phase(Progress progress, int offset) {
        return (done, total, text) -> progress.report(total > 0 ? offset + done * 60 / total : -1,
                total > 0 ? 100 : -1, text);
    }

    /** What to cluster, or null (with a message) when nothing is chosen. */
    private Request request() {
        Project target = project.get();
        FeatureSetInfo set = selectedFeatureSet.get();
        if (target == null || busy.get()) {
            return null;
        }
        if (set == null) {
            dialogs.showError(tr("segments.error.input"), tr("segments.error.noFeatureSet"), null);
            return null;
        }
        List<String> cols = selectedColumns();
        if (cols.isEmpty()) {
            dialogs.showError(tr("segments.error.input"), tr("segments.error.noColumns"), null);
            return null;
        }
        return new Request(target, set, cols, scaling.get());
    }

    /** Runs work on the loaded matrices, loading them first when the choice of data changed. */
    private <T> void start(String title, Request request, MatrixWork<T> work, Consumer<T> onSuccess,
                           String errorTitle) {
        Loaded cached = loaded != null && loaded.matches(request) ? loaded : null;
        run(title,
                (progress, cancel) -> {
                    Engine.SegmentMatrices matrices = cached != null ? cached.matrices()
                            : engine.loadMatrix(request.project(), request.featureSet().name(), request.columns(),
                                    request.scaling(), progress, cancel);
                    cancel.throwIfCancelled();
                    return new WithMatrices<>(matrices, work.run(matrices, progress, cancel));
                },
                done -> {
                    if (project.get() != request.project()) {
                        return;
                    }
                    loaded = new Loaded(request, done.matrices());
                    onSuccess.accept(done.value());
                },
                errorTitle);
    }

    private <T> BackgroundTask run(String title, Work<T> work, Consumer<T> onSuccess, String errorTitle) {
        busy.set(true);
        message.set("");
        BackgroundTask[] self = new BackgroundTask[1];
        self[0] = tasks.run(title, work,
                value -> {
                    finished(self[0]);
                    onSuccess.accept(value);
                },
                failure -> {
                    finished(self[0]);
                    if (failure instanceof CancelledException) {
                        message.set(tr("segments.cancelled"));
                    } else {
                        dialogs.showFailure(errorTitle, failure);
                    }
                });
        if (busy.get()) {
            currentTask.set(self[0]);
        }
        return self[0];
    }

    private void finished(BackgroundTask task) {
        busy.set(false);
        if (task == null || currentTask.get() == task) {
            currentTask.set(null);
        }
    }

    private void columnsFor(FeatureSetInfo set) {
        List<CheckedColumn> options = new ArrayList<>();
        if (set != null) {
            for (DatasetColumn c : columnsByFeatureSet.getOrDefault(set.name(), List.of())) {
                if (c.type().isNumeric() && c.role() != ColumnRole.CUSTOMER_ID) {
                    options.add(new CheckedColumn(c.name(), clusteredByDefault(c.name())));
                }
            }
            if (options.stream().noneMatch(CheckedColumn::isSelected)) {
                options.forEach(o -> o.selectedProperty().set(true));
            }
        }
        columns.setAll(options);
    }

    /** RFM measures yes; quintile scores, segment codes and ids no (they restate the measures). */
    static boolean clusteredByDefault(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return !(c.endsWith("_score") || c.equals("segment") || c.endsWith("_id") || c.equals("id"));
    }

    private void projectChanged(OpenProject now) {
        BackgroundTask running = currentTask.get();
        if (running != null) {
            running.cancel();
        }
        busy.set(false);
        currentTask.set(null);
        loaded = null;
        columnsByFeatureSet = Map.of();
        featureSets.clear();
        selectedFeatureSet.set(null);
        columns.clear();
        sweep.set(null);
        kDistance.set(null);
        fit.set(null);
        projection.set(null);
        sizes.clear();
        runs.clear();
        comparison.set(null);
        comparedRuns.set("");
        openedRun.set(null);
        openedRunSummary.set("");
        runName.set("");
        message.set("");
        project.set(now == null ? null : now.project());
        refresh();
    }

    @FunctionalInterface
    private interface MatrixWork<T> {
        T run(Engine.SegmentMatrices matrices, Progress progress,
              org.personaworkbench.engine.common.CancellationToken cancel) throws Exception;
    }

    private record Request(Project project, FeatureSetInfo featureSet, List<String> columns, Scaling scaling) {
    }

    private record Loaded(Request request, Engine.SegmentMatrices matrices) {
        boolean matches(Request other) {
            return request.project() == other.project() && request.featureSet().equals(other.featureSet())
                    && request.columns().equals(other.columns()) && request.scaling() == other.scaling();
        }
    }

    private record WithMatrices<T>(Engine.SegmentMatrices matrices, T value) {
    }

    private record Inputs(List<FeatureSetInfo> featureSets, Map<String, List<DatasetColumn>> columns,
                          List<SegmentationRunInfo> runs) {
    }

    private record Saved(SegmentationRunInfo info, List<SegmentationRunInfo> runs) {
    }

    private record Opened(Engine.SavedRun run, String summary) {
    }
}
