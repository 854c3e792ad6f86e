package org.personaworkbench.app.common;

import org.personaworkbench.engine.features.BuiltMatrix;
import org.personaworkbench.engine.features.EventsOptions;
import org.personaworkbench.engine.features.FeatureColumn;
import org.personaworkbench.engine.features.FeatureSetOverview;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.features.ModelMatrix;
import org.personaworkbench.engine.features.ModelSpec;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.features.SegmentCount;
import org.personaworkbench.engine.project.FeatureSetInfo;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.BadRow;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvFormat;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.importing.PreviewColumn;
import org.personaworkbench.engine.profile.ColumnProfile;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.profile.Histogram;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;

import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.FeatureMatrix;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.Projection2D;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SilhouetteReport;
import org.personaworkbench.engine.segmentation.SweepOptions;
import org.personaworkbench.engine.segmentation.SweepResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory engine for view-model tests: projects are {@link FakeProject}s keyed by file. */
public class FakeEngine implements Engine {

    public final Map<Path, FakeProject> files = new HashMap<>();
    public final Map<Path, String> passwords = new HashMap<>();
    public final List<FormatOverrides> inspections = new ArrayList<>();
    public final List<ImportOptions> imports = new ArrayList<>();
    public List<BadRow> badRows = List.of();
    public long rowsPerImport = 3;
    public int profiles;

    @Override
    public Project createProject(Path file, ProjectOptions options) {
        Path f = ProjectService.normalize(file);
        if (files.containsKey(f)) {
            throw new EngineException("The file " + f + " exists already; choose another name.");
        }
        FakeProject p = new FakeProject(f, options.encrypted());
        files.put(f, p);
        if (options.encrypted()) {
            passwords.put(f, new String(options.password()));
        }
        return p;
    }

    @Override
    public Project openProject(Path file, ProjectOptions options) {
        Path f = ProjectService.normalize(file);
        FakeProject p = files.get(f);
        if (p == null) {
            throw new EngineException("The project " + f + " does not exist.");
        }
        String expected = passwords.get(f);
        if (expected != null && (!options.encrypted() || !expected.equals(new String(options.password())))) {
            throw new EngineException("The project " + f + " is encrypted and the password is wrong or missing.");
        }
        p.closed = false;
        return p;
    }

    @Override
    public boolean isEncrypted(Path file) {
        return passwords.containsKey(ProjectService.normalize(file));
    }

    @Override
    public CsvPreview inspect(Path file, FormatOverrides overrides) {
        inspections.add(overrides);
        char delimiter = overrides.delimiter() == null ? ',' : overrides.delimiter();
        boolean header = overrides.header() == null || overrides.header();
        CsvFormat format = new CsvFormat(delimiter, '"',
                overrides.encoding() == null ? StandardCharsets.UTF_8 : overrides.encoding(), header, false);
        List<PreviewColumn> columns = List.of(
                new PreviewColumn("customer", ColumnType.TEXT, null, ColumnRole.CUSTOMER_ID, 0),
                new PreviewColumn("amount", ColumnType.DECIMAL, null, ColumnRole.AMOUNT, 0),
                new PreviewColumn("day", ColumnType.DATE, "yyyy-MM-dd", ColumnRole.TIMESTAMP, 0));
        List<List<String>> rows = List.of(List.of("c1", "10.5", "2024-01-02"), List.of("c2", "3", "2024-01-03"));
        return new CsvPreview(file, format, columns, rows, rows.size(), List.of());
    }

    @Override
    public ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                                   CancellationToken cancel) {
        imports.add(options);
        progress.report(1, 2, "Read half");
        long rejected = 0;
        if (!badRows.isEmpty()) {
            BadRowPolicy.Decision d = options.badRowPolicy().decide(badRows, badRows.size());
            if (d == BadRowPolicy.Decision.CANCEL) {
                throw new EngineException("The import was cancelled because " + badRows.size()
                        + " rows could not be read; nothing was written.");
            }
            rejected = badRows.size();
        }
        cancel.throwIfCancelled();
        FakeProject p = (FakeProject) project;
        if (p.hasDataset(options.datasetName())) {
            throw new EngineException("A dataset called " + options.datasetName() + " exists already.");
        }
        List<DatasetColumn> cols = options.columns().stream()
                .map(c -> new DatasetColumn(c.name(), c.type(), c.role())).toList();
        p.add(new DatasetInfo(options.datasetName(), rowsPerImport, cols, java.time.Instant.now()));
        return new ImportResult(options.datasetName(), rowsPerImport, cols, rejected, badRows, 0.1, "abc",
                options.rejectsFile());
    }

    @Override
    public DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel) {
        profiles++;
        cancel.throwIfCancelled();
        DatasetInfo info = project.dataset(dataset).orElseThrow();
        List<ColumnProfile> columns = info.columns().stream().map(c -> c.type().isNumeric()
                ? new ColumnProfile(c.name(), c.type(), c.role(), 0, 0, 2, 3.0, 10.5, 6.75, 6.75, null, null,
                        List.of(), new Histogram(3, 10.5, List.of(1L, 0L, 1L)))
                : new ColumnProfile(c.name(), c.type(), c.role(), 0, 0, 2, null, null, null, null, null, null,
                        List.of(), null)).toList();
        return new DatasetProfile(dataset, info.rows(), columns);
    }

    // --- Features step: an in-memory feature set list over one fixed table ---

    /** The values every fake feature set holds. */
    public FeatureTable featureTable = new FeatureTable(List.of("c1", "c2", "c3"), List.of(
            FeatureColumn.numeric("recency_days", true, new double[] {1, 10, Double.NaN}),
            FeatureColumn.numeric("frequency", true, new double[] {5, 1, 2}),
            FeatureColumn.numeric("monetary", false, new double[] {50, 10.5, 21}),
            FeatureColumn.text("segment", new String[] {"Champions", "Lost", "Lost"})));
    public final List<FeatureSetInfo> featureSetList = new ArrayList<>();
    public final Map<String, ModelSpec> savedSpecs = new HashMap<>();
    public final List<Object> featureOptions = new ArrayList<>();
    public int recomputes;

    @Override
    public List<FeatureSetInfo> featureSets(Project project) {
        return List.copyOf(featureSetList);
    }

    private FeatureSetInfo addFeatureSet(String name, String dataset, String kind) {
        if (featureSetList.stream().anyMatch(f -> f.name().equalsIgnoreCase(name))) {
            throw new EngineException("The project already has a dataset or feature set named '" + name + "'.");
        }
        FeatureSetInfo info = new FeatureSetInfo(name, dataset, kind, "{}", Instant.now(), featureTable.rows());
        featureSetList.add(info);
        featureSetList.sort(Comparator.comparing(FeatureSetInfo::name));
        return info;
    }

    @Override
    public FeatureSetInfo computeRfm(Project project, RfmOptions options, Progress progress,
                                     CancellationToken cancel) {
        featureOptions.add(options);
        cancel.throwIfCancelled();
        return addFeatureSet(options.featureSet(), options.dataset(), "rfm");
    }

    @Override
    public FeatureSetInfo computeEvents(Project project, EventsOptions options, Progress progress,
                                        CancellationToken cancel) {
        featureOptions.add(options);
        return addFeatureSet(options.featureSet(), options.dataset(), "events");
    }

    @Override
    public FeatureSetInfo recomputeFeatureSet(Project project, String name, Progress progress,
                                              CancellationToken cancel) {
        recomputes++;
        FeatureSetInfo old = featureSetList.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        FeatureSetInfo now = new FeatureSetInfo(old.name(), old.sourceDataset(), old.kind(), old.recipeJson(),
                old.createdAt().plusSeconds(60), old.rows());
        featureSetList.set(featureSetList.indexOf(old), now);
        return now;
    }

    @Override
    public FeatureSetOverview featureSetOverview(Project project, String name, CancellationToken cancel) {
        FeatureSetInfo info = featureSetList.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        ModelSpec spec = savedSpecs.getOrDefault(name, ModelSpec.defaults(name, featureTable));
        return new FeatureSetOverview(info, spec, List.of("segment"), info.kind().equals("rfm")
                ? List.of(new SegmentCount("Champions", 1, 1 / 3.0), new SegmentCount("Lost", 2, 2 / 3.0))
                : List.of());
    }

    @Override
    public BuiltMatrix buildMatrix(Project project, ModelSpec spec, Progress progress, CancellationToken cancel) {
        return ModelMatrix.build(featureTable, spec, cancel);
    }

    @Override
    public void saveModelSpec(Project project, ModelSpec spec) {
        savedSpecs.put(spec.featureSet(), spec);
    }

    // ---- Segments step: believable figures from FakeSegments unless a test hands in its own ----

    public int segmentRows = 4_338;
    public SweepResult sweepResult;
    public SegmentationResult fitResult;
    public SegmentProfiles segmentProfiles;
    /** Thrown by the next segment computation (sweep, fit, k-distance, t-SNE), then cleared. */
    public RuntimeException segmentFailure;
    public final List<SweepOptions> sweeps = new ArrayList<>();
    public final List<SegmentationOptions> fits = new ArrayList<>();
    public final List<List<String>> loadedColumns = new ArrayList<>();
    public final FakeSegments.Runs savedRuns = new FakeSegments.Runs();

    private void failIfAsked() {
        RuntimeException f = segmentFailure;
        if (f != null) {
            segmentFailure = null;
            throw f;
        }
    }

    @Override
    public SegmentMatrices loadMatrix(Project project, String featureSet, List<String> columns, Scaling scaling,
                                      Progress progress, CancellationToken cancel) {
        loadedColumns.add(List.copyOf(columns));
        cancel.throwIfCancelled();
        return FakeSegments.matrices(segmentRows, columns, scaling, 7);
    }

    @Override
    public SweepResult sweep(FeatureMatrix matrix, SweepOptions options, Progress progress, CancellationToken cancel) {
        sweeps.add(options);
        progress.report(1, 2, "k = 2");
        cancel.throwIfCancelled();
        failIfAsked();
        return sweepResult != null ? sweepResult : FakeSegments.sweep(matrix.rows(), options);
    }

    @Override
    public SegmentationResult fit(FeatureMatrix matrix, SegmentationOptions options, Progress progress,
                                  CancellationToken cancel) {
        fits.add(options);
        cancel.throwIfCancelled();
        failIfAsked();
        return fitResult != null ? fitResult : FakeSegments.fit(matrix, options);
    }

    @Override
    public SilhouetteReport silhouette(FeatureMatrix matrix, int[] labels, int exactLimit, int sampleSize, long seed,
                                       CancellationToken cancel) {
        cancel.throwIfCancelled();
        return FakeSegments.silhouette(matrix, labels, exactLimit, sampleSize, seed);
    }

    @Override
    public Projection2D pca(FeatureMatrix matrix, int maxPoints, long seed, CancellationToken cancel) {
        cancel.throwIfCancelled();
        return FakeSegments.pca(matrix, maxPoints, seed, "PCA",
                matrix.rows() > maxPoints ? "PCA on all rows; " + maxPoints + " drawn" : null);
    }

    @Override
    public Projection2D tsne(FeatureMatrix matrix, long seed, Progress progress, CancellationToken cancel) {
        cancel.throwIfCancelled();
        failIfAsked();
        return FakeSegments.pca(matrix, 20_000, seed, "t-SNE", matrix.rows() > 20_000
                ? "t-SNE on a seeded sample of 20,000 of " + matrix.rows() + " rows" : null);
    }

    @Override
    public KDistanceCurve kDistance(FeatureMatrix matrix, int k, int sampleSize, long seed, CancellationToken cancel) {
        cancel.throwIfCancelled();
        failIfAsked();
        return FakeSegments.kDistance(matrix, k, sampleSize, seed);
    }

    @Override
    public SegmentProfiles profileSegments(FeatureMatrix raw, int[] labels, ProfileOptions options, Progress progress,
                                           CancellationToken cancel) {
        cancel.throwIfCancelled();
        return segmentProfiles != null ? segmentProfiles : FakeSegments.profiles(raw, labels);
    }

    @Override
    public SegmentationRunInfo saveRun(Project project, String name, String featureSet, String featureSetVersion,
                                       FeatureMatrix matrix, SegmentationResult result, SegmentProfiles profiles) {
        return savedRuns.save(name, featureSet, featureSetVersion, matrix, result);
    }

    @Override
    public List<SegmentationRunInfo> runs(Project project) {
        return savedRuns.list();
    }

    @Override
    public SavedRun openRun(Project project, String name) {
        return savedRuns.open(name);
    }

    @Override
    public RunComparison compareRuns(Project project, String first, String second) {
        return savedRuns.compare(first, second);
    }

    // --- Rules and Export steps: rules evaluated in memory over featureTable (as feature set "rfm") ---

    public final Map<String, org.personaworkbench.engine.project.SavedRule> rules =
            new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Segment -> persona name for every run when set; null: names come from the persona store below. */
    public Map<Integer, String> personaNames;
    public final List<String> countedRules = new ArrayList<>();
    /** When set, an export waits for this latch (or a cancel) before writing. */
    public volatile java.util.concurrent.CountDownLatch exportGate;
    public final List<org.personaworkbench.engine.export.ExportOptions> exports = new ArrayList<>();

    private Map<String, FeatureTable> ruleTables() {
        return Map.of("rfm", featureTable);
    }

    private String ruleText(String ruleOrName) {
        var saved = rules.get(ruleOrName == null ? "" : ruleOrName.strip());
        return saved != null ? saved.ruleText() : ruleOrName;
    }

    private List<String> ruleMembers(String ruleOrName) {
        return org.personaworkbench.engine.rules.RuleSegments.members(
                org.personaworkbench.engine.rules.RuleSegments.parse(ruleText(ruleOrName)), ruleTables());
    }

    @Override
    public org.personaworkbench.engine.rules.RuleFields ruleFields(Project project) {
        List<org.personaworkbench.engine.rules.RuleField> fields = new ArrayList<>();
        for (FeatureColumn c : featureTable.columns()) {
            fields.add(new org.personaworkbench.engine.rules.RuleField("rfm", c.name(), !c.isText(), false));
        }
        return new org.personaworkbench.engine.rules.RuleFields(fields, true, true, false);
    }

    @Override
    public org.personaworkbench.engine.rules.RuleCount countRule(Project project, String rule,
                                                                 CancellationToken cancel) {
        countedRules.add(rule);
        cancel.throwIfCancelled();
        List<String> members = ruleMembers(rule);
        int universe = featureTable.rows();
        return new org.personaworkbench.engine.rules.RuleCount(members.size(), universe,
                (double) members.size() / universe,
                org.personaworkbench.engine.rules.RuleSegments.parse(ruleText(rule)).text(), List.of(), 0.001);
    }

    @Override
    public org.personaworkbench.engine.rules.RuleOverlap ruleOverlap(Project project, String rule, String run,
                                                                     CancellationToken cancel) {
        java.util.Set<String> members = new java.util.HashSet<>(ruleMembers(rule));
        var a = savedRuns.assignments(run);
        int[] labels = a.labels();
        java.util.TreeMap<Integer, long[]> counts = new java.util.TreeMap<>();
        long inRun = 0;
        for (int i = 0; i < labels.length; i++) {
            long[] c = counts.computeIfAbsent(labels[i], l -> new long[2]);
            c[0]++;
            if (members.contains(a.rowIds().get(i))) {
                c[1]++;
                inRun++;
            }
        }
        List<org.personaworkbench.engine.rules.SegmentOverlap> out = new ArrayList<>();
        counts.forEach((seg, c) -> out.add(new org.personaworkbench.engine.rules.SegmentOverlap(seg, c[0], c[1],
                members.isEmpty() ? 0 : (double) c[1] / members.size(), (double) c[1] / c[0])));
        return new org.personaworkbench.engine.rules.RuleOverlap(ruleText(rule), run, members.size(), labels.length,
                members.size() - inRun, out);
    }

    @Override
    public List<org.personaworkbench.engine.project.SavedRule> savedRules(Project project) {
        return List.copyOf(rules.values());
    }

    @Override
    public org.personaworkbench.engine.project.SavedRule saveRule(Project project, String name, String rule) {
        ruleMembers(rule); // parses and resolves, or throws
        if (rules.containsKey(name.strip())) {
            throw new EngineException("A rule segment named '" + name.strip() + "' already exists; choose "
                    + "another name or delete it first.");
        }
        var saved = new org.personaworkbench.engine.project.SavedRule(name.strip(),
                org.personaworkbench.engine.rules.RuleSegments.parse(rule).text(), Instant.now());
        rules.put(saved.name(), saved);
        return saved;
    }

    @Override
    public void deleteRule(Project project, String name) {
        if (rules.remove(name) == null) {
            throw new EngineException("There is no rule segment named '" + name + "'.");
        }
    }

    // ---- Personas step: drafts per run and a store per project file that outlives closing the project ----

    /** What {@link #personas} drafts the first time a run is opened, by run name. */
    public final Map<String, List<org.personaworkbench.engine.personas.Persona>> personaDrafts = new HashMap<>();
    /** What {@link #runProfiles} returns, by run name (absent: null, as for a run saved without profiles). */
    public final Map<String, SegmentProfiles> runProfileMap = new HashMap<>();
    /** Stored personas: project file → run → segment → persona. */
    public final Map<Path, Map<String, java.util.TreeMap<Integer, org.personaworkbench.engine.personas.Persona>>>
            personaStore = new java.util.concurrent.ConcurrentHashMap<>();
    /** Every persona saved, in the order the saves ran. */
    public final List<org.personaworkbench.engine.personas.Persona> personaSaves =
            java.util.Collections.synchronizedList(new ArrayList<>());
    /** Thrown by the next save, then cleared. */
    public volatile RuntimeException personaSaveFailure;
    /** Runs inside every save before it stores (a test can block a save here). */
    public volatile Runnable beforePersonaSave = () -> { };
    /** Files the exports wrote, as "kind path". */
    public final List<String> personaExports = java.util.Collections.synchronizedList(new ArrayList<>());

    private java.util.TreeMap<Integer, org.personaworkbench.engine.personas.Persona> stored(Project project,
                                                                                          String run) {
        return personaStore.computeIfAbsent(project.file(), f -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(run, r -> new java.util.TreeMap<>());
    }

    @Override
    public synchronized List<org.personaworkbench.engine.personas.Persona> personas(Project project, String run) {
        var store = stored(project, run);
        if (store.isEmpty()) {
            List<org.personaworkbench.engine.personas.Persona> drafts = personaDrafts.get(run);
            if (drafts == null) {
                throw new EngineException("There is no saved run called " + run + ".");
            }
            drafts.forEach(p -> store.put(p.segment(), p));
        }
        return List.copyOf(store.values());
    }

    @Override
    public org.personaworkbench.engine.personas.Persona savePersona(Project project,
                                                                     org.personaworkbench.engine.personas.Persona persona) {
        beforePersonaSave.run();
        RuntimeException f = personaSaveFailure;
        if (f != null) {
            personaSaveFailure = null;
            throw f;
        }
        synchronized (this) {
            var saved = persona.withUpdatedAt(Instant.now());
            stored(project, persona.run()).put(persona.segment(), saved);
            personaSaves.add(saved);
            return saved;
        }
    }

    @Override
    public synchronized Map<Integer, String> personaNames(Project project, String run) {
        if (personaNames != null) {
            return personaNames;
        }
        Map<Integer, String> names = new java.util.TreeMap<>();
        stored(project, run).forEach((segment, p) -> names.put(segment, p.name()));
        return names;
    }

    @Override
    public SegmentProfiles runProfiles(Project project, String run) {
        if (runProfileMap.containsKey(run)) {
            return runProfileMap.get(run);
        }
        return segmentProfiles;
    }

    @Override
    public org.personaworkbench.engine.export.ExportSource runExportSource(Project project, String run) {
        var a = savedRuns.assignments(run);
        List<String> labels = new ArrayList<>();
        List<String> personas = new ArrayList<>();
        Map<Integer, String> names = personaNames(project, run);
        for (int l : a.labels()) {
            labels.add(l < 0 ? "noise" : Integer.toString(l));
            personas.add(names.getOrDefault(l, ""));
        }
        String set = savedRuns.list().stream().filter(i -> i.name().equalsIgnoreCase(run)).findFirst()
                .map(SegmentationRunInfo::featureSet).orElse(null);
        return new org.personaworkbench.engine.export.ExportSource("segmentation", run, a.rowIds(), labels, set,
                personas);
    }

    @Override
    public org.personaworkbench.engine.export.ExportSource personaExportSource(Project project, String run,
                                                                              int segment) {
        var a = savedRuns.assignments(run);
        List<String> ids = new ArrayList<>();
        int[] labels = a.labels();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == segment) {
                ids.add(a.rowIds().get(i));
            }
        }
        String name = personaNames(project, run).getOrDefault(segment, "segment " + segment);
        return new org.personaworkbench.engine.export.ExportSource("persona", name, ids,
                java.util.Collections.nCopies(ids.size(), name), null, java.util.Collections.nCopies(ids.size(), name));
    }

    @Override
    public org.personaworkbench.engine.export.ExportSource ruleExportSource(Project project, String rule,
                                                                           CancellationToken cancel) {
        List<String> ids = ruleMembers(rule);
        var saved = rules.get(rule);
        String label = saved == null ? "rule" : saved.name();
        return new org.personaworkbench.engine.export.ExportSource("rule", label, ids,
                java.util.Collections.nCopies(ids.size(), label), "rfm");
    }

    /** Writes id,segment[,persona] and the chosen columns of featureTable; a cancel writes nothing. */
    @Override
    public org.personaworkbench.engine.export.ExportResult export(Project project,
                                                                  org.personaworkbench.engine.export.ExportSource source,
                                                                  org.personaworkbench.engine.export.ExportOptions options,
                                                                  Progress progress, CancellationToken cancel) {
        exports.add(options);
        var gate = exportGate;
        while (gate != null) {
            cancel.throwIfCancelled();
            try {
                if (gate.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.personaworkbench.engine.common.CancelledException();
            }
        }
        cancel.throwIfCancelled();
        List<String> header = new ArrayList<>(List.of(options.hashIds() ? "customer_id_hash" : "customer_id",
                "segment"));
        if (options.personaColumn()) {
            header.add("persona");
        }
        header.addAll(options.columns());
        if (options.holdout()) {
            header.add("holdout");
        }
        long holdoutRows = options.holdout() ? Math.round(options.holdoutShare() * source.rows()) : 0;
        StringBuilder csv = new StringBuilder(options.excelBom() ? "\uFEFF" : "");
        csv.append(String.join(",", header)).append("\r\n");
        for (int r = 0; r < source.rows(); r++) {
            String id = source.customerIds().get(r);
            List<String> cells = new ArrayList<>(List.of(options.hashIds() ? "h" + (options.hashSalt() + id)
                    .hashCode() : id, source.segmentLabels().get(r)));
            if (options.personaColumn()) {
                cells.add(source.personaNames().get(r));
            }
            int row = featureTable.rowIds().indexOf(id);
            for (String c : options.columns()) {
                FeatureColumn col = featureTable.columns().stream().filter(x -> x.name().equals(c)).findFirst()
                        .orElseThrow(() -> new EngineException("Unknown column " + c));
                cells.add(row < 0 ? "" : col.isText() ? col.texts()[row] : Double.toString(col.numbers()[row]));
            }
            if (options.holdout()) {
                cells.add(Boolean.toString(r < holdoutRows));
            }
            csv.append(String.join(",", cells)).append("\r\n");
            progress.report(r + 1, source.rows(), null);
        }
        try {
            java.nio.file.Files.writeString(options.target(), csv);
        } catch (java.io.IOException e) {
            throw new EngineException("Cannot write " + options.target() + ": " + e.getMessage());
        }
        return new org.personaworkbench.engine.export.ExportResult(options.target(), source.rows(), holdoutRows,
                header, "fake", 0.01);
    }

    @Override
    public void exportPersonaCardPng(org.personaworkbench.engine.personas.Persona persona, Path target, int dpi) {
        writeExport("png", target, persona.name());
    }

    @Override
    public void exportPersonaCardPdf(org.personaworkbench.engine.personas.Persona persona, Path target) {
        writeExport("pdf", target, persona.name());
    }

    @Override
    public void exportPersonaDeck(String title, List<org.personaworkbench.engine.personas.Persona> personas,
                                  Path target) {
        writeExport("deck", target, title + ": " + personas.size());
    }

    /** Writes one line per persona: segment, tab, name (what {@link #importPersonasJson} reads back). */
    @Override
    public void exportPersonasJson(List<org.personaworkbench.engine.personas.Persona> personas, Path target) {
        StringBuilder out = new StringBuilder();
        personas.forEach(p -> out.append(p.segment()).append('\t').append(p.name()).append('\n'));
        writeExport("json", target, out.toString());
    }

    /** Renames the stored personas from lines "segment TAB name"; a line that is not that fails the import. */
    @Override
    public synchronized List<org.personaworkbench.engine.personas.Persona> importPersonasJson(Project project,
                                                                                          String run, Path source) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(source);
        } catch (java.io.IOException e) {
            throw new EngineException("Could not read " + source + ".");
        }
        personas(project, run);
        var store = stored(project, run);
        for (String line : lines) {
            String[] parts = line.split("\t");
            if (parts.length != 2 || !parts[0].matches("\\d+")) {
                throw new EngineException("This is not a personas export: line 1, column 1.");
            }
            int segment = Integer.parseInt(parts[0]);
            var p = store.get(segment);
            if (p == null) {
                throw new EngineException("The file names segment " + segment + ", which run " + run
                        + " does not have.");
            }
            store.put(segment, p.withName(parts[1]));
        }
        return List.copyOf(store.values());
    }

    private void writeExport(String kind, Path target, String content) {
        try {
            java.nio.file.Files.writeString(target, content);
        } catch (java.io.IOException e) {
            throw new EngineException("Could not write " + target + ".");
        }
        personaExports.add(kind + " " + target.getFileName());
    }

    // ---- Recommendations step ----

    /** What {@link #loadInteractions} returns; null makes it fail as a project without item ids does. */
    public volatile org.personaworkbench.engine.recommendations.ProjectInteractions.Loaded recommendationData;
    /** The datasets offered for interactions. */
    public volatile List<String> interactionDatasetNames = List.of(FakeRecommendations.DATASET);
    public final List<org.personaworkbench.engine.recommendations.ProjectInteractions.Options> interactionLoads =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<org.personaworkbench.engine.recommendations.Algorithm> trained =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<org.personaworkbench.engine.recommendations.Algorithm> evaluated =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, evaluation waits for it (to test Cancel). */
    public volatile java.util.concurrent.CountDownLatch evaluationGate;

    @Override
    public List<String> interactionDatasets(Project project) {
        return recommendationData == null ? List.of() : interactionDatasetNames;
    }

    @Override
    public org.personaworkbench.engine.recommendations.ProjectInteractions.Loaded loadInteractions(
            Project project, org.personaworkbench.engine.recommendations.ProjectInteractions.Options options,
            CancellationToken cancel) {
        interactionLoads.add(options);
        cancel.throwIfCancelled();
        if (recommendationData == null) {
            throw new EngineException("No dataset has both a customer id and an item id column. Import the "
                    + "transactions again and set the roles customer_id and item_id.");
        }
        return recommendationData;
    }

    @Override
    public org.personaworkbench.engine.recommendations.Recommender trainRecommender(
            org.personaworkbench.engine.recommendations.Interactions interactions,
            org.personaworkbench.engine.recommendations.RecommenderOptions options, Progress progress,
            CancellationToken cancel) {
        cancel.throwIfCancelled();
        trained.add(options.algorithm());
        progress.report(1, 1, "Trained " + options.algorithm().word());
        return FakeRecommendations.model(options.algorithm(), recommendationData, options.contextShares());
    }

    @Override
    public org.personaworkbench.engine.recommendations.EvaluationReport evaluateRecommender(
            org.personaworkbench.engine.recommendations.Interactions interactions,
            org.personaworkbench.engine.recommendations.EvaluationProtocol protocol,
            org.personaworkbench.engine.recommendations.RecommenderOptions options, Progress progress,
            CancellationToken cancel) {
        var gate = evaluationGate;
        if (gate != null) {
            try {
                while (!gate.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    cancel.throwIfCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cancel.throwIfCancelled();
        evaluated.add(options.algorithm());
        return FakeRecommendations.report(options.algorithm(), protocol, options.personaOfUser());
    }

    @Override
    public FeatureTable featureTable(Project project, String featureSet, CancellationToken cancel) {
        return featureTable;
    }

    @Override
    public double listDiversity(org.personaworkbench.engine.recommendations.Interactions interactions, int[] items) {
        return RealEngine.columnDiversity(interactions, items);
    }

    @Override
    public org.personaworkbench.engine.recommendations.RecommendationExport.Result exportRecommendations(
            org.personaworkbench.engine.recommendations.ProjectInteractions.Loaded loaded,
            org.personaworkbench.engine.recommendations.Recommender model,
            org.personaworkbench.engine.recommendations.RecommendationExport.Options options, Progress progress,
            CancellationToken cancel) {
        return org.personaworkbench.engine.recommendations.RecommendationExport.write(loaded.interactions(), model,
                loaded.personaOfUser(), loaded.catalog(), options, progress, cancel);
    }

    /** Evaluation exports asked for, in order (the real writer runs too, so tests can read the file). */
    public final List<Path> evaluationExports = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void exportEvaluation(List<org.personaworkbench.engine.recommendations.EvaluationReport> reports,
                                 Path file, org.personaworkbench.engine.recommendations.EvaluationExport.Format format,
                                 CancellationToken cancel) {
        cancel.throwIfCancelled();
        evaluationExports.add(file);
        org.personaworkbench.engine.recommendations.EvaluationExport.write(reports, file, format);
    }

    /** The samples this engine offers (none unless a test sets them) and the samples it built, in order. */
    public List<org.personaworkbench.engine.samples.SampleProjects.Sample> samples = List.of();
    public final List<String> sampleBuilds = new ArrayList<>();

    @Override
    public List<org.personaworkbench.engine.samples.SampleProjects.Sample> samples() {
        return samples;
    }

    /** Writes a placeholder file (so the sample counts as built) and registers a fake project for it. */
    @Override
    public Path buildSample(String name, Path out, Progress progress, CancellationToken cancel) {
        Path f = ProjectService.normalize(out);
        if (java.nio.file.Files.exists(f)) {
            throw new EngineException("The file " + f + " already exists.");
        }
        progress.report(0, 2, "Importing");
        cancel.throwIfCancelled();
        try {
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.writeString(f, "fake sample " + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        files.put(f, new FakeProject(f, false));
        sampleBuilds.add(name);
        progress.report(2, 2, "Done");
        return f;
    }

    // ---- Experiments step: seeded rows read out by the real AbTest (see FakeExperiments) ----

    /** Saved experiment definitions by name (ignoring case). */
    public final Map<String, org.personaworkbench.engine.experiments.ExperimentDefinition> experimentStore =
            java.util.Collections.synchronizedMap(new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER));
    /** Users and conversion rate per variant A, B, … of the fake test. */
    public volatile long[] experimentUsers = {8000, 8000};
    public volatile double[] experimentRates = {0.100, 0.115};
    public final List<org.personaworkbench.engine.experiments.ExperimentDefinition> analysed =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<Path> readoutExports = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final List<Path> pngExports = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** When set, the analysis waits for it (to test Cancel). */
    public volatile java.util.concurrent.CountDownLatch analysisGate;

    @Override
    public List<org.personaworkbench.engine.experiments.ExperimentDefinition> experiments(Project project) {
        synchronized (experimentStore) {
            return List.copyOf(experimentStore.values());
        }
    }

    @Override
    public org.personaworkbench.engine.experiments.ExperimentDefinition saveExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition) {
        if (definition.name() == null || definition.name().isBlank()) {
            throw new EngineException("Give the experiment a name.");
        }
        experimentStore.put(definition.name(), definition);
        return definition;
    }

    @Override
    public boolean deleteExperiment(Project project, String name) {
        return experimentStore.remove(name) != null;
    }

    @Override
    public List<String> variantValues(Project project, String dataset, String column, CancellationToken cancel) {
        cancel.throwIfCancelled();
        List<String> names = new ArrayList<>();
        for (int v = 0; v < experimentUsers.length; v++) {
            names.add(String.valueOf((char) ('A' + v)));
        }
        return names;
    }

    @Override
    public org.personaworkbench.engine.experiments.ExperimentReadout analyseExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition,
            Progress progress, CancellationToken cancel) {
        var gate = analysisGate;
        if (gate != null) {
            try {
                while (!gate.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    cancel.throwIfCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cancel.throwIfCancelled();
        progress.report(1, 2, "Read " + definition.dataset());
        analysed.add(definition);
        try {
            return FakeExperiments.readout(definition,
                    FakeExperiments.arms(definition, experimentUsers, experimentRates, 7));
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage());
        }
    }

    @Override
    public void exportReadout(org.personaworkbench.engine.experiments.ExperimentReadout readout, Path file) {
        readoutExports.add(file);
        org.personaworkbench.engine.export.AtomicFiles.write(file, out -> out.write(FakeExperiments.csv(readout)));
    }

    @Override
    public void writePng(java.awt.image.BufferedImage image, Path file) {
        pngExports.add(file);
        Engine.super.writePng(image, file);
    }

    @Override
    public org.personaworkbench.engine.experiments.Posterior.Curve betaPosterior(double alpha, double beta,
                                                                                  int points) {
        return FakeExperiments.beta(alpha, beta, points);
    }

    @Override
    public org.personaworkbench.engine.experiments.Posterior.Curve normalPosterior(double mean, double sd,
                                                                                    int points) {
        return FakeExperiments.normal(mean, sd, points);
    }

    @Override
    public long usersPerArmForMean(double sd, double mde, double alpha, double power) {
        return FakeExperiments.usersPerArmForMean(sd, mde, alpha, power);
    }

    @Override
    public double minimumDetectableMeanDifference(double sd, long usersPerArm, double alpha, double power) {
        return FakeExperiments.minimumDetectableMeanDifference(sd, usersPerArm, alpha, power);
    }
}
