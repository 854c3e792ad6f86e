package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.profile.Profiler;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.FeatureMatrix;
import org.personaworkbench.engine.segmentation.KDistance;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.KSweep;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.Projection2D;
import org.personaworkbench.engine.segmentation.Projections;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfiler;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.Segmentation;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SegmentationRuns;
import org.personaworkbench.engine.segmentation.Silhouette;
import org.personaworkbench.engine.segmentation.SilhouetteReport;
import org.personaworkbench.engine.segmentation.SweepOptions;
import org.personaworkbench.engine.segmentation.SweepResult;

import org.personaworkbench.engine.features.BuiltMatrix;
import org.personaworkbench.engine.features.EventsFeatures;
import org.personaworkbench.engine.features.EventsOptions;
import org.personaworkbench.engine.features.FeatureRecompute;
import org.personaworkbench.engine.features.FeatureSetOverview;
import org.personaworkbench.engine.features.ModelMatrix;
import org.personaworkbench.engine.features.ModelSpec;
import org.personaworkbench.engine.features.RfmFeatures;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.project.FeatureSetInfo;

import org.personaworkbench.engine.export.CampaignExport;
import org.personaworkbench.engine.recommendations.Evaluation;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.RecommendationExport;
import org.personaworkbench.engine.recommendations.Recommender;
import org.personaworkbench.engine.recommendations.RecommenderOptions;
import org.personaworkbench.engine.recommendations.Recommenders;
import org.personaworkbench.engine.export.ExportOptions;
import org.personaworkbench.engine.export.ExportResult;
import org.personaworkbench.engine.export.ExportSource;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.rules.RuleCount;
import org.personaworkbench.engine.rules.RuleFields;
import org.personaworkbench.engine.rules.RuleOverlap;
import org.personaworkbench.engine.rules.RuleSegments;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The {@link Engine} backed by the real engine services. */
public final class RealEngine implements Engine {

    private final ProjectService projects = new ProjectService();
    private final CsvInspector inspector = new CsvInspector();
    private final CsvImporter importer = new CsvImporter();
    private final Profiler profiler = new Profiler();

    @Override
    public Project createProject(Path file, ProjectOptions options) {
        return projects.create(file, options);
    }

    @Override
    public Project openProject(Path file, ProjectOptions options) {
        return projects.open(file, options);
    }

    @Override
    public boolean isEncrypted(Path file) {
        return projects.isEncrypted(file);
    }

    @Override
    public CsvPreview inspect(Path file, FormatOverrides overrides) {
        return inspector.inspect(file, overrides);
    }

    @Override
    public ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                                   CancellationToken cancel) {
        return importer.importFile(project, file, options, progress, cancel);
    }

    @Override
    public DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel) {
        return profiler.profile(project, dataset, progress, cancel);
    }

    @Override
    public List<FeatureSetInfo> featureSets(Project project) {
        return project.featureSets();
    }

    @Override
    public FeatureSetInfo computeRfm(Project project, RfmOptions options, Progress progress,
                                     CancellationToken cancel) {
        return RfmFeatures.save(project, RfmFeatures.build(project, options, progress, cancel), cancel);
    }

    @Override
    public FeatureSetInfo computeEvents(Project project, EventsOptions options, Progress progress,
                                        CancellationToken cancel) {
        return EventsFeatures.save(project, EventsFeatures.build(project, options, progress, cancel), false, null,
                cancel);
    }

    @Override
    public FeatureSetInfo recomputeFeatureSet(Project project, String name, Progress progress,
                                              CancellationToken cancel) {
        return FeatureRecompute.recompute(project, name, progress, cancel);
    }

    @Override
    public FeatureSetOverview featureSetOverview(Project project, String name, CancellationToken cancel) {
        return FeatureSetOverview.of(project, name, cancel);
    }

    @Override
    public BuiltMatrix buildMatrix(Project project, ModelSpec spec, Progress progress, CancellationToken cancel) {
        return ModelMatrix.build(project, spec, progress, cancel);
    }

    @Override
    public void saveModelSpec(Project project, ModelSpec spec) {
        ModelMatrix.saveSpec(project, spec);
    }

    // ---- Segments step ----

    /**
     * Reads the chosen numeric columns of the feature set's values dataset; rows with a missing value are left
     * out. (The features helper's model matrix, with transforms and weights, replaces this at integration.)
     */
    @Override
    public SegmentMatrices loadMatrix(Project project, String featureSet, List<String> columns, Scaling scaling,
                                      Progress progress, CancellationToken cancel) {
        if (columns.isEmpty()) {
            throw new EngineException("Choose at least one column to cluster on.");
        }
        cancel.throwIfCancelled();
        BuiltMatrix built = ModelMatrix.forSegmentation(project, featureSet, columns, scaling, progress, cancel);
        return new SegmentMatrices(built.scaled(), built.raw());
    }

    @Override
    public SweepResult sweep(FeatureMatrix matrix, SweepOptions options, Progress progress, CancellationToken cancel) {
        return KSweep.run(matrix, options, progress, cancel);
    }

    @Override
    public SegmentationResult fit(FeatureMatrix matrix, SegmentationOptions options, Progress progress,
                                  CancellationToken cancel) {
        return Segmentation.fit(matrix, options, progress, cancel);
    }

    @Override
    public SilhouetteReport silhouette(FeatureMatrix matrix, int[] labels, int exactLimit, int sampleSize, long seed,
                                       CancellationToken cancel) {
        return Silhouette.compute(matrix, labels, exactLimit, sampleSize, seed, cancel);
    }

    @Override
    public Projection2D pca(FeatureMatrix matrix, int maxPoints, long seed, CancellationToken cancel) {
        return Projections.pca(matrix, maxPoints, seed, cancel);
    }

    @Override
    public Projection2D tsne(FeatureMatrix matrix, long seed, Progress progress, CancellationToken cancel) {
        return Projections.tsne(matrix, seed, progress, cancel);
    }

    @Override
    public KDistanceCurve kDistance(FeatureMatrix matrix, int k, int sampleSize, long seed, CancellationToken cancel) {
        return KDistance.curve(matrix, k, sampleSize, seed, cancel);
    }

    @Override
    public SegmentProfiles profileSegments(FeatureMatrix raw, int[] labels, ProfileOptions options, Progress progress,
                                           CancellationToken cancel) {
        return SegmentProfiler.profile(raw, labels, options, progress, cancel);
    }

    @Override
    public SegmentationRunInfo saveRun(Project project, String name, String featureSet, String featureSetVersion,
                                       FeatureMatrix matrix, SegmentationResult result, SegmentProfiles profiles) {
        return SegmentationRuns.save(project, name, featureSet, featureSetVersion, matrix, result, profiles);
    }

    @Override
    public List<SegmentationRunInfo> runs(Project project) {
        return project.segmentationRuns();
    }

    @Override
    public SavedRun openRun(Project project, String name) {
        SegmentationRunInfo info = project.segmentationRun(name).orElseThrow(() -> new EngineException(
                "There is no saved run called " + name + "."));
        return new SavedRun(info, project.runAssignments(info.name()));
    }

    @Override
    public RunComparison compareRuns(Project project, String first, String second) {
        return SegmentationRuns.compare(project.runAssignments(first), project.runAssignments(second));
    }

    @Override
    public List<org.personaworkbench.engine.personas.Persona> personas(Project project, String run) {
        return org.personaworkbench.engine.personas.Personas.open(project, run);
    }

    @Override
    public org.personaworkbench.engine.personas.Persona savePersona(Project project,
                                                                     org.personaworkbench.engine.personas.Persona persona) {
        return org.personaworkbench.engine.personas.Personas.save(project, persona);
    }

    @Override
    public java.util.Map<Integer, String> personaNames(Project project, String run) {
        return org.personaworkbench.engine.personas.Personas.names(project, run);
    }

    @Override
    public SegmentProfiles runProfiles(Project project, String run) {
        SegmentationRunInfo info = project.segmentationRun(run).orElseThrow(() -> new EngineException(
                "There is no saved run called " + run + "."));
        return SegmentationRuns.readProfiles(info);
    }

    // ---- Rules and Export steps ----

    @Override
    public RuleFields ruleFields(Project project) {
        return RuleSegments.fields(project);
    }

    @Override
    public RuleCount countRule(Project project, String rule, CancellationToken cancel) {
        return RuleSegments.count(project, rule, cancel);
    }

    @Override
    public RuleOverlap ruleOverlap(Project project, String rule, String run, CancellationToken cancel) {
        return RuleSegments.overlap(project, rule, run, cancel);
    }

    @Override
    public List<SavedRule> savedRules(Project project) {
        return RuleSegments.saved(project);
    }

    @Override
    public SavedRule saveRule(Project project, String name, String rule) {
        return RuleSegments.save(project, name, rule);
    }

    @Override
    public void deleteRule(Project project, String name) {
        RuleSegments.delete(project, name);
    }

    /** Segments as numbers, each row's persona name in the persona column. */
    @Override
    public ExportSource runExportSource(Project project, String run) {
        return ExportSource.fromRun(project, run);
    }

    @Override
    public ExportSource personaExportSource(Project project, String run, int segment) {
        return ExportSource.fromPersona(project, run, segment);
    }

    @Override
    public ExportSource ruleExportSource(Project project, String rule, CancellationToken cancel) {
        return ExportSource.fromRule(project, rule, null, cancel);
    }

    @Override
    public ExportResult export(Project project, ExportSource source, ExportOptions options, Progress progress,
                               CancellationToken cancel) {
        return CampaignExport.write(project, source, options, progress, cancel);
    }

    // ---- Personas step: exports and import ----

    @Override
    public void exportPersonaCardPng(org.personaworkbench.engine.personas.Persona persona, Path target, int dpi) {
        org.personaworkbench.engine.personas.PersonaExports.cardPng(persona, target, dpi);
    }

    @Override
    public void exportPersonaCardPdf(org.personaworkbench.engine.personas.Persona persona, Path target) {
        org.personaworkbench.engine.personas.PersonaExports.cardPdf(persona, target);
    }

    @Override
    public void exportPersonaDeck(String title, List<org.personaworkbench.engine.personas.Persona> personas,
                                  Path target) {
        org.personaworkbench.engine.personas.PersonaExports.deckPdf(title, personas, target);
    }

    /** Writes the JSON through a temporary file moved into place (no partial file). */
    @Override
    public void exportPersonasJson(List<org.personaworkbench.engine.personas.Persona> personas, Path target) {
        org.personaworkbench.engine.personas.PersonaExports.text(
                org.personaworkbench.engine.personas.PersonaExports.json(personas), target);
    }

    @Override
    public List<org.personaworkbench.engine.personas.Persona> importPersonasJson(Project project, String run,
                                                                              Path source) {
        String json;
        try {
            json = java.nio.file.Files.readString(source, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new EngineException("Could not read " + source + ": " + e.getMessage(), e);
        }
        return org.personaworkbench.engine.personas.Personas.importJson(project, run, json);
    }

    // ---- Recommendations step ----

    @Override
    public ProjectInteractions.Loaded loadInteractions(Project project, ProjectInteractions.Options options,
                                                       CancellationToken cancel) {
        return ProjectInteractions.load(project, options, cancel);
    }

    @Override
    public Recommender trainRecommender(Interactions interactions, RecommenderOptions options, Progress progress,
                                        CancellationToken cancel) {
        return Recommenders.fit(interactions, options, progress, cancel);
    }

    @Override
    public EvaluationReport evaluateRecommender(Interactions interactions, EvaluationProtocol protocol,
                                                RecommenderOptions options, Progress progress,
                                                CancellationToken cancel) {
        return Evaluation.run(interactions, protocol, options, progress, cancel);
    }

    @Override
    public double listDiversity(Interactions interactions, int[] items) {
        return columnDiversity(interactions, items);
    }

    @Override
    public org.personaworkbench.engine.features.FeatureTable featureTable(Project project, String featureSet,
                                                                        CancellationToken cancel) {
        return org.personaworkbench.engine.features.FeatureTables.load(project, featureSet, cancel);
    }

    @Override
    public RecommendationExport.Result exportRecommendations(ProjectInteractions.Loaded loaded, Recommender model,
                                                             RecommendationExport.Options options,
                                                             Progress progress, CancellationToken cancel) {
        return RecommendationExport.write(loaded.interactions(), model, loaded.personaOfUser(), loaded.catalog(),
                options, progress, cancel);
    }

    @Override
    public List<org.personaworkbench.engine.experiments.ExperimentDefinition> experiments(Project project) {
        return org.personaworkbench.engine.experiments.Experiments.saved(project);
    }

    @Override
    public org.personaworkbench.engine.experiments.ExperimentDefinition saveExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition) {
        return org.personaworkbench.engine.experiments.Experiments.save(project, definition);
    }

    @Override
    public boolean deleteExperiment(Project project, String name) {
        return org.personaworkbench.engine.experiments.Experiments.delete(project, name);
    }

    @Override
    public List<String> variantValues(Project project, String dataset, String column, CancellationToken cancel) {
        return org.personaworkbench.engine.experiments.Experiments.variants(project, dataset, column, cancel);
    }

    @Override
    public org.personaworkbench.engine.experiments.ExperimentReadout analyseExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition,
            Progress progress, CancellationToken cancel) {
        return org.personaworkbench.engine.experiments.Experiments.analyse(project, definition, progress, cancel);
    }

    @Override
    public void exportReadout(org.personaworkbench.engine.experiments.ExperimentReadout readout, Path file) {
        org.personaworkbench.engine.experiments.ReadoutExport.write(readout, file);
    }

    @Override
    public void exportEvaluation(java.util.List<org.personaworkbench.engine.recommendations.EvaluationReport> reports,
                                 Path file, org.personaworkbench.engine.recommendations.EvaluationExport.Format format,
                                 CancellationToken cancel) {
        cancel.throwIfCancelled();
        org.personaworkbench.engine.recommendations.EvaluationExport.write(reports, file, format);
    }

    /**
     * 1 − the mean pairwise cosine of the items' interaction columns, in one pass over the rows (a list is short,
     * so a few thousand users take a few milliseconds); NaN for fewer than two items.
     */
    static double columnDiversity(Interactions interactions, int[] items) {
        int m = items.length;
        if (m < 2) {
            return Double.NaN;
        }
        java.util.Map<Integer, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < m; i++) {
            at.putIfAbsent(items[i], i);
        }
        double[][] dot = new double[m][m];
        int[] foundAt = new int[m];
        double[] foundValue = new double[m];
        for (int u = 0; u < interactions.users(); u++) {
            int[] row = interactions.itemsOf(u);
            double[] values = interactions.valuesOf(u);
            int found = 0;
            for (int j = 0; j < row.length && found < m; j++) {
                Integer p = at.get(row[j]);
                if (p != null) {
                    foundAt[found] = p;
                    foundValue[found++] = values[j];
                }
            }
            for (int x = 0; x < found; x++) {
                for (int y = x; y < found; y++) {
                    double v = foundValue[x] * foundValue[y];
                    dot[foundAt[x]][foundAt[y]] += v;
                    if (x != y) {
                        dot[foundAt[y]][foundAt[x]] += v;
                    }
                }
            }
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double norm = Math.sqrt(dot[a][a] * dot[b][b]);
                sum += norm > 0 ? 1 - dot[a][b] / norm : 1;
                pairs++;
            }
        }
        return sum / pairs;
    }

    @Override
    public List<org.personaworkbench.engine.samples.SampleProjects.Sample> samples() {
        return org.personaworkbench.engine.samples.SampleProjects.list();
    }

    @Override
    public Path buildSample(String name, Path out, Progress progress, CancellationToken cancel) {
        return org.personaworkbench.engine.samples.SampleProjects.build(name, out, progress, cancel);
    }
}
