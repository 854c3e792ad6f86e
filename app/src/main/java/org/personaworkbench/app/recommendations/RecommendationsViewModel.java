package org.personaworkbench.app.recommendations;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.project.FeatureSetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.EvaluationExport;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interaction;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.Metrics;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.RecommendRequest;
import org.personaworkbench.engine.recommendations.Recommendation;
import org.personaworkbench.engine.recommendations.RecommendationExport;
import org.personaworkbench.engine.recommendations.Recommender;
import org.personaworkbench.engine.recommendations.RecommenderOptions;
import org.personaworkbench.engine.recommendations.SplitKind;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeSet;

import static org.personaworkbench.app.common.I18n.tr;

/**
 * The Recommendations step: reads the project's purchases (dataset and feedback kind chosen), trains the ticked
 * strategies in the background (kept until the data or the analyst asks for a retrain), finds a customer and
 * shows their persona, history and features beside each strategy's top-N list with explanations and diversity,
 * re-ranked as the diversity slider moves; evaluates the strategies offline (overall and per persona) under one
 * printed protocol; and exports top-N lists per customer as a campaign CSV.
 */
public final class RecommendationsViewModel {

    /** Suggestions shown while typing a customer id. */
    static final int MAX_SUGGESTIONS = 12;
    static final long SEED = 42;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Engine engine;
    /** The evaluation split's and the models' seed (the default-seed preference in the app). */
    private final javafx.beans.property.LongProperty seed = new javafx.beans.property.SimpleLongProperty(this, "seed", SEED);
    /** {@link #seed} for background threads, which must not read an FX property. */
    private volatile long workerSeed = SEED;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ObservableList<String> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<String> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<FeedbackKind> feedback = new SimpleObjectProperty<>(this, "feedback",
            FeedbackKind.IMPLICIT_COUNT);
    private final ReadOnlyObjectWrapper<ProjectInteractions.Loaded> loaded = new ReadOnlyObjectWrapper<>(this,
            "loaded");
    private final ReadOnlyStringWrapper dataSummary = new ReadOnlyStringWrapper(this, "dataSummary", "");
    private final ObservableList<StrategyChoice> strategies = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> n = new SimpleObjectProperty<>(this, "n", 10);
    private final DoubleProperty diversity = new SimpleDoubleProperty(this, "diversity", 0);
    private final ObservableList<String> contexts = FXCollections.observableArrayList("");
    private final ObjectProperty<String> context = new SimpleObjectProperty<>(this, "context", "");

    private final StringProperty customerQuery = new SimpleStringProperty(this, "customerQuery", "");
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper(this, "customer", "");
    private final ReadOnlyStringWrapper persona = new ReadOnlyStringWrapper(this, "persona", "");
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<FeatureValue> features = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper featureSet = new ReadOnlyStringWrapper(this, "featureSet", "");
    private final ObservableList<StrategyList> lists = FXCollections.observableArrayList();

    private final ObservableList<String> personaFilters = FXCollections.observableArrayList();
    private final ObjectProperty<String> personaFilter = new SimpleObjectProperty<>(this, "personaFilter");
    private final ObservableList<EvaluationRow> evaluation = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper protocolLine = new ReadOnlyStringWrapper(this, "protocolLine", "");
    private final ReadOnlyBooleanWrapper evaluated = new ReadOnlyBooleanWrapper(this, "evaluated");

    private final ObjectProperty<Algorithm> exportStrategy = new SimpleObjectProperty<>(this, "exportStrategy",
            Algorithm.ITEM_KNN);
    private final ObjectProperty<String> exportPersona = new SimpleObjectProperty<>(this, "exportPersona");
    private final BooleanProperty hashIds = new SimpleBooleanProperty(this, "hashIds");
    private final StringProperty salt = new SimpleStringProperty(this, "salt", "");

    private final StepWork work;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Trained models for the loaded data, by strategy (cleared when other data is read or on Retrain). */
    private final Map<Algorithm, Recommender> models = new EnumMap<>(Algorithm.class);
    private List<EvaluationReport> reports = List.of();
    private Map<String, Integer> featureRows = Map.of();
    private FeatureTable featureValues;
    /** Bumped whenever lists are asked for, so an older answer arriving late is dropped. */
    private long listRequest;

    public RecommendationsViewModel(Engine engine, TaskRunner tasks, DialogService dialogs,
                                    ObservableValue<OpenProject> openProject) {
        this.engine = Objects.requireNonNull(engine);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.work = new StepWork(tasks, dialogs, () -> message.set(tr("recommendations.cancelled")));
        for (Algorithm a : Algorithm.values()) {
            StrategyChoice choice = new StrategyChoice(a, a == Algorithm.POPULARITY || a == Algorithm.ITEM_KNN);
            choice.selectedProperty().addListener((obs, old, now) -> strategiesChanged());
            strategies.add(choice);
        }
        seed.addListener((obs, old, now) -> workerSeed = now.longValue());
        customerQuery.addListener((obs, old, now) -> updateSuggestions(now));
        diversity.addListener((obs, old, now) -> recommend());
        context.addListener((obs, old, now) -> recommend());
        n.addListener((obs, old, now) -> recommend());
        personaFilter.addListener((obs, old, now) -> showEvaluation());
        openProject.addListener((obs, old, now) -> projectChanged(now));
        projectChanged(openProject.getValue());
    }

    // ---- properties ----

    /** The seed of the evaluation's random split and of the models; read when an evaluation or list is made. */
    public javafx.beans.property.LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Datasets with customer and item ids. */
    public ObservableList<String> datasets() {
        return datasets;
    }

    public ObjectProperty<String> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<FeedbackKind> feedbackProperty() {
        return feedback;
    }

    /** The interactions, catalogue and personas read, or null before a load. */
    public ReadOnlyObjectProperty<ProjectInteractions.Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "4,338 customers · 3,665 items · … from transactions; personas of rfm-k4", or "". */
    public ReadOnlyStringProperty dataSummaryProperty() {
        return dataSummary.getReadOnlyProperty();
    }

    /** Every strategy with a tick (popularity and item-kNN ticked at first). */
    public ObservableList<StrategyChoice> strategies() {
        return strategies;
    }

    /** Items per list. */
    public ObjectProperty<Integer> nProperty() {
        return n;
    }

    /** MMR λ, 0 (relevance only) to 1 (diversity only). */
    public DoubleProperty diversityProperty() {
        return diversity;
    }

    /** "" (no context) then the contexts the loaded data has: times of day, then "device:NAME". */
    public ObservableList<String> contexts() {
        return contexts;
    }

    /** The context the lists are re-ranked for; "" or null for none. */
    public ObjectProperty<String> contextProperty() {
        return context;
    }

    /** What is typed in the customer field. */
    public StringProperty customerQueryProperty() {
        return customerQuery;
    }

    /** Customer ids starting with (or else containing) the typed text. */
    public ObservableList<String> suggestions() {
        return suggestions;
    }

    /** The customer shown ("" when none). */
    public ReadOnlyStringProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personaProperty() {
        return persona.getReadOnlyProperty();
    }

    /** The customer's items, most recent first. */
    public ObservableList<HistoryRow> history() {
        return history;
    }

    /** The customer's row of the project's RFM (or first) feature set. */
    public ObservableList<FeatureValue> features() {
        return features;
    }

    public ReadOnlyStringProperty featureSetProperty() {
        return featureSet.getReadOnlyProperty();
    }

    /** One list per ticked strategy, in strategy order. */
    public ObservableList<StrategyList> lists() {
        return lists;
    }

    /** "" (all customers) and each persona name. */
    public ObservableList<String> personaFilters() {
        return personaFilters;
    }

    /** The persona the evaluation table shows, or "" / null for all customers. */
    public ObjectProperty<String> personaFilterProperty() {
        return personaFilter;
    }

    public ObservableList<EvaluationRow> evaluation() {
        return evaluation;
    }

    /** True once an evaluation is there to export (cleared when other data is read). */
    public ReadOnlyBooleanProperty evaluatedProperty() {
        return evaluated.getReadOnlyProperty();
    }

    /** How the figures were obtained, in one line ("" before an evaluation). */
    public ReadOnlyStringProperty protocolLineProperty() {
        return protocolLine.getReadOnlyProperty();
    }

    public ObjectProperty<Algorithm> exportStrategyProperty() {
        return exportStrategy;
    }

    /** The persona whose customers are exported, or "" / null for all. */
    public ObjectProperty<String> exportPersonaProperty() {
        return exportPersona;
    }

    public BooleanProperty hashIdsProperty() {
        return hashIds;
    }

    public StringProperty saltProperty() {
        return salt;
    }

    /** The cancellable work running now (load, training, evaluation, export), or null. */
    public ReadOnlyObjectProperty<BackgroundTask> currentTaskProperty() {
        return work.currentTaskProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public List<Algorithm> selectedStrategies() {
        return strategies.stream().filter(StrategyChoice::isSelected).map(StrategyChoice::algorithm).toList();
    }

    /** Strategies trained so far for the loaded data. */
    public List<Algorithm> trainedStrategies() {
        return List.copyOf(models.keySet());
    }

    // ---- commands ----

    /** Reads the datasets again; the first time data is there, loads it. */
    public void refresh() {
        Project target = project.get();
        if (target == null) {
            return;
        }
        tasks.run(tr("recommendations.task.datasets"), (progress, cancel) -> engine.interactionDatasets(target),
                names -> {
                    if (project.get() != target) {
                        return;
                    }
                    String kept = dataset.get();
                    datasets.setAll(names);
                    dataset.set(kept != null && names.contains(kept) ? kept : names.isEmpty() ? null : names.getFirst());
                    if (names.isEmpty()) {
                        message.set(tr("recommendations.noDataset"));
                    } else if (loaded.get() == null && !work.busy()) {
                        load();
                    }
                }, failure -> dialogs.showFailure(tr("recommendations.error.load"), failure)).notCancellable();
    }

    /** Reads the interactions of the chosen dataset as the feedback kind says, then trains the ticked strategies. */
    public void load() {
        Project target = project.get();
        if (target == null || work.busy()) {
            return;
        }
        ProjectInteractions.Options options = new ProjectInteractions.Options(dataset.get(), feedback.get(), 30,
                null);
        message.set("");
        start(tr("recommendations.task.load"), (progress, cancel) -> {
            progress.report(-1, -1, tr("recommendations.task.load"));
            ProjectInteractions.Loaded data = engine.loadInteractions(target, options, cancel);
            cancel.throwIfCancelled();
            FeatureTable table = null;
            String set = "";
            try {
                FeatureSetInfo info = engine.featureSets(target).stream().filter(f -> "rfm".equals(f.kind()))
                        .findFirst().orElse(null);
                if (info != null) {
                    table = engine.featureTable(target, info.name(), cancel);
                    set = info.name();
                }
            } catch (org.personaworkbench.engine.common.EngineException e) {
                table = null; // features are a nicety: the step works without them
            }
            return new Read(data, table, set);
        }, read -> {
            if (project.get() != target) {
                return;
            }
            models.clear();
            setReports(List.of());
            evaluation.clear();
            protocolLine.set("");
            loaded.set(read.data());
            featureValues = read.features();
            featureSet.set(read.featureSet());
            Map<String, Integer> rows = new HashMap<>();
            if (read.features() != null) {
                for (int r = 0; r < read.features().rows(); r++) {
                    rows.putIfAbsent(read.features().rowIds().get(r), r);
                }
            }
            featureRows = rows;
            Interactions i = read.data().interactions();
            dataSummary.set(read.data().run() == null
                    ? tr("recommendations.data.summary", Formats.count(i.users()), Formats.count(i.items()),
                    Formats.count(i.cells()), read.data().dataset())
                    : tr("recommendations.data.summaryPersonas", Formats.count(i.users()), Formats.count(i.items()),
                    Formats.count(i.cells()), read.data().dataset(), read.data().run()));
            List<String> names = new ArrayList<>(new TreeSet<>(read.data().personaOfUser().values()));
            names.addFirst("");
            personaFilters.setAll(names);
            personaFilter.set("");
            String keptContext = context.get();
            List<String> available = new ArrayList<>(read.data().contexts());
            available.addFirst("");
            contexts.setAll(available);
            context.set(available.contains(keptContext) ? keptContext : "");
            exportPersona.set("");
            String who = customer.get();
            customer.set("");
            train(who);
        });
    }

    /** Forgets the trained models and trains the ticked strategies again. */
    public void retrain() {
        if (work.busy()) {
            return;
        }
        models.clear();
        train(customer.get());
    }

    /** Shows a customer (persona, history, features, lists); false when the loaded data has no such id. */
    public boolean findCustomer(String id) {
        ProjectInteractions.Loaded data = loaded.get();
        String wanted = id == null ? "" : id.strip();
        if (data == null || wanted.isEmpty()) {
            return false;
        }
        OptionalInt user = data.interactions().userIndex(wanted);
        if (user.isEmpty()) {
            message.set(tr("recommendations.customer.unknown", wanted));
            return false;
        }
        message.set("");
        suggestions.clear();
        customer.set(wanted);
        persona.set(Objects.requireNonNullElse(data.personaOfUser().get(wanted), ""));
        history.setAll(historyOf(data, user.getAsInt()));
        features.setAll(featuresOf(wanted));
        recommend();
        return true;
    }

    /** Recomputes every shown list for the chosen customer in the background (the latest request wins). */
    public void recommend() {
        ProjectInteractions.Loaded data = loaded.get();
        String who = customer.get();
        if (data == null || who.isEmpty()) {
            lists.clear();
            return;
        }
        int user = data.interactions().userIndex(who).orElse(-1);
        List<Algorithm> shown = selectedStrategies().stream().filter(models::containsKey).toList();
        Map<Algorithm, Recommender> chosen = new EnumMap<>(Algorithm.class);
        shown.forEach(a -> chosen.put(a, models.get(a)));
        int count = n.get() == null ? 10 : n.get();
        RecommendRequest request = request();
        long ticket = ++listRequest;
        tasks.run(tr("recommendations.task.recommend"), (progress, cancel) -> {
            List<StrategyList> out = new ArrayList<>();
            for (Algorithm a : shown) {
                List<Recommendation> recs = chosen.get(a).recommend(user, count, request);
                List<RankedItem> items = new ArrayList<>();
                int rank = 1;
                for (Recommendation r : recs) {
                    items.add(new RankedItem(rank++, r.itemId(), data.catalog().title(r.itemId()), r.score(),
                            r.explanation()));
                }
                double div = engine.listDiversity(data.interactions(),
                        recs.stream().mapToInt(Recommendation::item).toArray());
                out.add(new StrategyList(a, items, div));
            }
            return out;
        }, out -> {
            if (ticket == listRequest && loaded.get() == data) {
                lists.setAll(out);
            }
        }, failure -> dialogs.showFailure(tr("recommendations.error.recommend"), failure)).notCancellable();
    }

    /** Evaluates the ticked strategies offline under {@link #protocol()} in the background. */
    public void evaluate() {
        ProjectInteractions.Loaded data = loaded.get();
        if (data == null || work.busy()) {
            return;
        }
        List<Algorithm> chosen = selectedStrategies();
        if (chosen.isEmpty()) {
            message.set(tr("recommendations.error.noStrategy"));
            return;
        }
        EvaluationProtocol protocol = protocol();
        start(tr("recommendations.task.evaluate"), (progress, cancel) -> {
            List<EvaluationReport> out = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                cancel.throwIfCancelled();
                Algorithm a = chosen.get(i);
                out.add(engine.evaluateRecommender(data.interactions(), protocol, optionsFor(a, data),
                        part(progress, i, chosen.size(), tr("recommendations.task.evaluating", StrategyNames.of(a))),
                        cancel));
            }
            return out;
        }, out -> {
            if (loaded.get() != data) {
                return;
            }
            setReports(out);
            protocolLine.set(describe(protocol));
            showEvaluation();
            trainTickedMeanwhile();
        });
    }

    /** Asks where to write, then writes every customer's (or one persona's) list of the export strategy. */
    public void export() {
        ProjectInteractions.Loaded data = loaded.get();
        Algorithm strategy = exportStrategy.get();
        if (data == null || work.busy() || strategy == null) {
            return;
        }
        if (hashIds.get() && (salt.get() == null || salt.get().isEmpty())) {
            dialogs.showError(tr("recommendations.export.error"), tr("export.error.salt"), null);
            return;
        }
        String who = blankToNull(exportPersona.get());
        String base = "recommendations-" + strategy.word() + (who == null ? ""
                : "-" + who.replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT));
        Path file = dialogs.chooseExportFile(tr("recommendations.export.chooser"), base + ".csv", "csv").orElse(null);
        if (file == null) {
            return;
        }
        RecommendationExport.Options options = new RecommendationExport.Options(file, n.get() == null ? 10 : n.get(),
                request(), who,
                hashIds.get() ? salt.get() : null);
        Recommender known = models.get(strategy);
        start(tr("recommendations.task.export"), (progress, cancel) -> {
            Recommender model = known != null ? known
                    : engine.trainRecommender(data.interactions(), optionsFor(strategy, data), Progress.NONE, cancel);
            return new Exported(model, engine.exportRecommendations(data, model, options, progress, cancel));
        }, done -> {
            if (loaded.get() == data) {
                models.putIfAbsent(strategy, done.model());
            }
            message.set(tr("recommendations.export.done", Formats.count(done.result().rows()),
                    Formats.count(done.result().customers()), done.result().file()));
            trainTickedMeanwhile();
        });
    }

    /**
     * Asks where to write, then writes the last evaluation of every strategy (all customers, each persona, each
     * cold-start bucket) with its protocol in every row: CSV, or JSON when the chosen name ends with .json.
     */
    public void exportEvaluation() {
        List<EvaluationReport> written = reports;
        if (written.isEmpty() || work.busy()) {
            return;
        }
        String base = "evaluation" + (dataset.get() == null ? ""
                : "-" + dataset.get().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT));
        Path file = dialogs.chooseExportFile(tr("recommendations.evaluation.export.chooser"), base + ".csv", "csv")
                .orElse(null);
        if (file == null) {
            return;
        }
        EvaluationExport.Format format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? EvaluationExport.Format.JSON : EvaluationExport.Format.CSV;
        start(tr("recommendations.task.exportEvaluation"), (progress, cancel) -> {
            engine.exportEvaluation(written, file, format, cancel);
            return file;
        }, done -> message.set(tr("recommendations.evaluation.export.done", written.size(), done)));
    }

    /** Stops the running load, training, evaluation or export. */
    public void cancel() {
        work.requestCancel();
    }

    /** The evaluation protocol for the loaded data: ratings ≥ 4 relevant when explicit, any purchase otherwise. */
    public EvaluationProtocol protocol() {
        int k = n.get() == null ? 10 : n.get();
        boolean explicit = loaded.get() != null && loaded.get().interactions().kind() == FeedbackKind.EXPLICIT;
        return new EvaluationProtocol(SplitKind.RANDOM, 0.2, seed.get(), explicit ? 4 : 0, k,
                EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, 0);
    }

    /** The protocol in one line, as printed above the evaluation table. */
    static String describe(EvaluationProtocol p) {
        String split = switch (p.split()) {
            case RANDOM -> tr("recommendations.protocol.random", Math.round((1 - p.splitParameter()) * 100),
                    Math.round(p.splitParameter() * 100), Long.toString(p.seed()));
            case TEMPORAL -> tr("recommendations.protocol.temporal", (int) p.splitParameter());
            case LEAVE_ONE_OUT -> tr("recommendations.protocol.loo", Long.toString(p.seed()));
        };
        String relevant = p.relevanceThreshold() > 0
                ? tr("recommendations.protocol.relevantRating", Formats.number(p.relevanceThreshold()))
                : tr("recommendations.protocol.relevantAll");
        String candidates = EvaluationProtocol.ALL_UNSEEN.equals(p.candidates())
                ? tr("recommendations.protocol.allUnseen") : p.candidates();
        return tr("recommendations.protocol", split, relevant, candidates, p.k(), p.ndcgDefinition());
    }

    // ---- internals ----

    private void strategiesChanged() {
        if (loaded.get() == null) {
            return;
        }
        if (work.busy()) {
            recommend(); // the new strategy is trained with the next load or retrain
            return;
        }
        train(customer.get());
    }

    /** Trains the ticked strategies not trained yet, then shows {@code who} again. */
    private void train(String who) {
        ProjectInteractions.Loaded data = loaded.get();
        List<Algorithm> missing = selectedStrategies().stream().filter(a -> !models.containsKey(a)).toList();
        if (data == null) {
            return;
        }
        if (missing.isEmpty()) {
            show(who);
            return;
        }
        start(tr("recommendations.task.train"), (progress, cancel) -> {
            Map<Algorithm, Recommender> out = new EnumMap<>(Algorithm.class);
            for (int i = 0; i < missing.size(); i++) {
                cancel.throwIfCancelled();
                Algorithm a = missing.get(i);
                out.put(a, engine.trainRecommender(data.interactions(), optionsFor(a, data),
                        part(progress, i, missing.size(), tr("recommendations.task.training", StrategyNames.of(a))),
                        cancel));
            }
            return out;
        }, out -> {
            if (loaded.get() != data) {
                return;
            }
            models.putAll(out);
            train(who); // strategies ticked while this ran are trained next; with none left, shows the lists
        });
    }

    /** Strategies ticked while other work ran are trained now. */
    private void trainTickedMeanwhile() {
        if (loaded.get() != null && selectedStrategies().stream().anyMatch(a -> !models.containsKey(a))) {
            train(customer.get());
        }
    }

    private void show(String who) {
        if (who != null && !who.isEmpty() && findCustomer(who)) {
            return;
        }
        ProjectInteractions.Loaded data = loaded.get();
        if (customer.get().isEmpty() && data != null && data.interactions().users() > 0) {
            findCustomer(data.interactions().userId(0));
        } else {
            recommend();
        }
    }

    private void setReports(List<EvaluationReport> now) {
        reports = List.copyOf(now);
        evaluated.set(!reports.isEmpty());
    }

    private void showEvaluation() {
        String who = blankToNull(personaFilter.get());
        List<EvaluationRow> rows = new ArrayList<>();
        for (EvaluationReport r : reports) {
            Metrics m = who == null ? r.metrics() : r.perPersona().get(who);
            if (m != null) {
                rows.add(new EvaluationRow(r.algorithm(), m, r.trainSeconds(), r.recommendMsP50(),
                        r.recommendMsP99()));
            }
        }
        evaluation.setAll(rows);
    }

    private void updateSuggestions(String typed) {
        ProjectInteractions.Loaded data = loaded.get();
        String text = typed == null ? "" : typed.strip();
        if (data == null || text.isEmpty()) {
            suggestions.clear();
            return;
        }
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String id : data.interactions().userIds()) {
            if (id.startsWith(text)) {
                starts.add(id);
            } else if (contains.size() < MAX_SUGGESTIONS && id.contains(text)) {
                contains.add(id);
            }
        }
        starts.sort(null);
        starts.addAll(contains);
        suggestions.setAll(starts.subList(0, Math.min(MAX_SUGGESTIONS, starts.size())));
    }

    private static List<HistoryRow> historyOf(ProjectInteractions.Loaded data, int user) {
        Interactions i = data.interactions();
        int[] items = i.itemsOf(user);
        double[] values = i.valuesOf(user);
        long[] times = i.timesOf(user);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < items.length; k++) {
            order.add(k);
        }
        order.sort((a, b) -> Long.compare(times[b], times[a]));
        List<HistoryRow> rows = new ArrayList<>();
        for (int k : order) {
            String id = i.itemId(items[k]);
            String date = times[k] == Interaction.NO_TIME ? "" : DATE.format(Instant.ofEpochSecond(times[k]));
            rows.add(new HistoryRow(id, data.catalog().title(id), values[k], date));
        }
        return rows;
    }

    private List<FeatureValue> featuresOf(String id) {
        Integer row = featureRows.get(id);
        if (row == null || featureValues == null) {
            return List.of();
        }
        List<FeatureValue> out = new ArrayList<>();
        for (FeatureColumn c : featureValues.columns()) {
            String value = c.isText() ? Objects.requireNonNullElse(c.texts()[row], "")
                    : c.type() == ColumnType.INTEGER && Double.isFinite(c.numbers()[row])
                    ? Formats.count(Math.round(c.numbers()[row])) : Formats.number(c.numbers()[row]);
            out.add(new FeatureValue(c.name(), value));
        }
        return out;
    }

    /** Read by background work: the models' seed as last set on the FX thread. */
    private RecommenderOptions optionsFor(Algorithm a, ProjectInteractions.Loaded data) {
        return RecommenderOptions.defaults(a).withSeed(workerSeed).withCatalog(data.catalog())
                .withPersonas(data.personaOfUser()).withContextShares(data.contextShares());
    }

    /** The diversity λ and context the lists (and the export) are made with. */
    private RecommendRequest request() {
        return RecommendRequest.defaults().withDiversity(clamp(diversity.get()))
                .withContext(blankToNull(context.get()));
    }

    /** Reports step {@code i} of {@code steps} as a share of the whole bar. */
    private static Progress part(Progress whole, int i, int steps, String label) {
        whole.report(i, steps, label);
        return (done, total, text) -> {
            double inner = total > 0 ? (double) done / total : 0;
            whole.report(Math.round((i + inner) * 1000), steps * 1000L, label);
        };
    }

    private <T> void start(String title, org.personaworkbench.app.common.Work<T> task,
                           java.util.function.Consumer<T> onSuccess) {
        work.run(title, task, onSuccess, title);
    }


    private void projectChanged(OpenProject now) {
        work.abandon();
        models.clear();
        setReports(List.of());
        featureRows = Map.of();
        featureValues = null;
        listRequest++;
        datasets.clear();
        dataset.set(null);
        loaded.set(null);
        dataSummary.set("");
        customerQuery.set("");
        customer.set("");
        persona.set("");
        history.clear();
        features.clear();
        featureSet.set("");
        lists.clear();
        evaluation.clear();
        personaFilters.clear();
        personaFilter.set(null);
        protocolLine.set("");
        message.set("");
        salt.set("");
        project.set(now == null ? null : now.project());
    }

    private static double clamp(double lambda) {
        return Math.max(0, Math.min(1, lambda));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One feature of the customer: column name and formatted value. */
    public record FeatureValue(String name, String value) {
    }

    private record Read(ProjectInteractions.Loaded data, FeatureTable features, String featureSet) {
    }

    private record Exported(Recommender model, RecommendationExport.Result result) {
    }
}
