package org.personaworkbench.app.common;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.importing.ImportResult;
import org.personaworkbench.engine.profile.DatasetProfile;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.features.Scaling;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.FeatureMatrix;
import org.personaworkbench.engine.segmentation.KDistanceCurve;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.Projection2D;
import org.personaworkbench.engine.segmentation.RunComparison;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SegmentationRuns;
import org.personaworkbench.engine.segmentation.SilhouetteReport;
import org.personaworkbench.engine.segmentation.SweepOptions;
import org.personaworkbench.engine.segmentation.SweepResult;

import org.personaworkbench.engine.features.BuiltMatrix;
import org.personaworkbench.engine.features.EventsOptions;
import org.personaworkbench.engine.features.FeatureSetOverview;
import org.personaworkbench.engine.features.ModelSpec;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.project.FeatureSetInfo;

import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.RecommendationExport;
import org.personaworkbench.engine.recommendations.Recommender;
import org.personaworkbench.engine.recommendations.RecommenderOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * The engine services the desktop app calls, in one place so view models can be tested with a fake.
 * Every method may block and is only called from background work. {@link RealEngine} delegates to
 * the engine classes.
 */
public interface Engine {

    Project createProject(Path file, ProjectOptions options);

    Project openProject(Path file, ProjectOptions options);

    /** True when the file is a password-protected project (so a failed open should ask for one). */
    boolean isEncrypted(Path file);

    CsvPreview inspect(Path file, FormatOverrides overrides);

    ImportResult importFile(Project project, Path file, ImportOptions options, Progress progress,
                            CancellationToken cancel);

    DatasetProfile profile(Project project, String dataset, Progress progress, CancellationToken cancel);

    // --- Features step (issue 3). Defaults (reading the list, or throwing), so engines written for other steps
    // (test doubles) need not implement them; RealEngine does. ---

    /** The project's feature sets in name order. */
    default List<FeatureSetInfo> featureSets(Project project) {
        return project.featureSets();
    }

    /** Computes RFM features and saves them as a feature set. */
    default FeatureSetInfo computeRfm(Project project, RfmOptions options, Progress progress,
                                      CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** Computes event features and saves them as a feature set. */
    default FeatureSetInfo computeEvents(Project project, EventsOptions options, Progress progress,
                                         CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** Recomputes a feature set from its stored recipe, replacing it. */
    default FeatureSetInfo recomputeFeatureSet(Project project, String name, Progress progress,
                                               CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** A feature set's model spec (saved or default), text columns and RFM segment counts. */
    default FeatureSetOverview featureSetOverview(Project project, String name, CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** Builds the clustering matrix of a spec (joins, transforms, scaling, weights). */
    default BuiltMatrix buildMatrix(Project project, ModelSpec spec, Progress progress,
                                    CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** Stores the spec in its feature set's recipe. */
    default void saveModelSpec(Project project, ModelSpec spec) {
        throw new UnsupportedOperationException("features");
    }

    // ---- Segments step ----

    /**
     * The numeric columns of a feature set as two matrices over the same rows: scaled for clustering and raw
     * (the analyst's units) for profiles. Rows with a missing value in a chosen column are left out.
     */
    SegmentMatrices loadMatrix(Project project, String featureSet, List<String> columns, Scaling scaling,
                               Progress progress, CancellationToken cancel);

    SweepResult sweep(FeatureMatrix matrix, SweepOptions options, Progress progress, CancellationToken cancel);

    SegmentationResult fit(FeatureMatrix matrix, SegmentationOptions options, Progress progress,
                           CancellationToken cancel);

    SilhouetteReport silhouette(FeatureMatrix matrix, int[] labels, int exactLimit, int sampleSize, long seed,
                                CancellationToken cancel);

    Projection2D pca(FeatureMatrix matrix, int maxPoints, long seed, CancellationToken cancel);

    Projection2D tsne(FeatureMatrix matrix, long seed, Progress progress, CancellationToken cancel);

    KDistanceCurve kDistance(FeatureMatrix matrix, int k, int sampleSize, long seed, CancellationToken cancel);

    SegmentProfiles profileSegments(FeatureMatrix raw, int[] labels, ProfileOptions options, Progress progress,
                                    CancellationToken cancel);

    SegmentationRunInfo saveRun(Project project, String name, String featureSet, String featureSetVersion,
                                FeatureMatrix matrix, SegmentationResult result, SegmentProfiles profiles);

    /** Saved runs, newest first. */
    List<SegmentationRunInfo> runs(Project project);

    SavedRun openRun(Project project, String name);

    RunComparison compareRuns(Project project, String first, String second);

    // ---- Personas, rules and export (issue 4). Defaults throw so test doubles of other steps need not
    // implement them; RealEngine delegates to the engine. ----

    /** The run's personas in segment order, drafted and saved the first time. */
    default List<org.personaworkbench.engine.personas.Persona> personas(Project project, String run) {
        throw new UnsupportedOperationException("personas");
    }

    /** Saves one persona immediately and returns it as stored. */
    default org.personaworkbench.engine.personas.Persona savePersona(Project project,
                                                                      org.personaworkbench.engine.personas.Persona persona) {
        throw new UnsupportedOperationException("personas");
    }

    /** Segment number to persona name of a run (empty when it has no personas yet). */
    default java.util.Map<Integer, String> personaNames(Project project, String run) {
        throw new UnsupportedOperationException("personas");
    }

    /** The segment profiles stored with a run (for the trait table: lift and significance). */
    default SegmentProfiles runProfiles(Project project, String run) {
        throw new UnsupportedOperationException("personas");
    }

    // ---- Rules and Export steps. Defaults throw so test doubles of other steps need not implement them. ----

    /** The fields and event counts a rule can use in the project (for the rule builder). */
    default org.personaworkbench.engine.rules.RuleFields ruleFields(Project project) {
        throw new UnsupportedOperationException("rules");
    }

    /** Counts a rule's members (rule text or a saved rule's name); syntax errors carry their column. */
    default org.personaworkbench.engine.rules.RuleCount countRule(Project project, String rule,
                                                                  CancellationToken cancel) {
        throw new UnsupportedOperationException("rules");
    }

    /** A rule's members against every segment of a saved run. */
    default org.personaworkbench.engine.rules.RuleOverlap ruleOverlap(Project project, String rule, String run,
                                                                      CancellationToken cancel) {
        throw new UnsupportedOperationException("rules");
    }

    /** Saved rule segments in name order. */
    default List<org.personaworkbench.engine.project.SavedRule> savedRules(Project project) {
        throw new UnsupportedOperationException("rules");
    }

    /** Validates and saves a rule under a name (a duplicate name is refused with a message). */
    default org.personaworkbench.engine.project.SavedRule saveRule(Project project, String name, String rule) {
        throw new UnsupportedOperationException("rules");
    }

    default void deleteRule(Project project, String name) {
        throw new UnsupportedOperationException("rules");
    }

    /** The rows of a saved run, segments named after their personas when the run has them. */
    default org.personaworkbench.engine.export.ExportSource runExportSource(Project project, String run) {
        throw new UnsupportedOperationException("export");
    }

    /** One persona's members (throws UnsupportedOperationException while personas are not available). */
    default org.personaworkbench.engine.export.ExportSource personaExportSource(Project project, String run,
                                                                               int segment) {
        throw new UnsupportedOperationException("personas");
    }

    /** A saved rule segment's members, with the feature set its columns come from. */
    default org.personaworkbench.engine.export.ExportSource ruleExportSource(Project project, String rule,
                                                                            CancellationToken cancel) {
        throw new UnsupportedOperationException("export");
    }

    /** Writes a campaign CSV (to a temporary file moved into place: a cancel leaves no file). */
    default org.personaworkbench.engine.export.ExportResult export(Project project,
                                                                   org.personaworkbench.engine.export.ExportSource source,
                                                                   org.personaworkbench.engine.export.ExportOptions options,
                                                                   Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("export");
    }

    // ---- Personas step: exports and import (issue 4). Defaults throw, like the methods above. ----

    /** Writes one persona card as a PNG image at {@code dpi} (for example 144). */
    default void exportPersonaCardPng(org.personaworkbench.engine.personas.Persona persona, Path target, int dpi) {
        throw new UnsupportedOperationException("personas");
    }

    /** Writes one persona card as a one-page PDF. */
    default void exportPersonaCardPdf(org.personaworkbench.engine.personas.Persona persona, Path target) {
        throw new UnsupportedOperationException("personas");
    }

    /** Writes a deck of all cards as one PDF: a title page, then one page per persona. */
    default void exportPersonaDeck(String title, List<org.personaworkbench.engine.personas.Persona> personas,
                                   Path target) {
        throw new UnsupportedOperationException("personas");
    }

    /** Writes the personas as JSON that {@link #importPersonasJson} reads back (into this or another project). */
    default void exportPersonasJson(List<org.personaworkbench.engine.personas.Persona> personas, Path target) {
        throw new UnsupportedOperationException("personas");
    }

    /**
     * Reads a personas JSON file into the run: matched by segment, text fields replace the stored ones, figures
     * and traits come from this project's data. Returns the run's personas as saved.
     */
    default List<org.personaworkbench.engine.personas.Persona> importPersonasJson(Project project, String run,
                                                                               Path source) {
        throw new UnsupportedOperationException("personas");
    }

    // ---- Recommendations step (issue 5). Defaults throw so test doubles of other steps need not implement
    // them; RealEngine delegates to the engine. ----

    /** Datasets with both customer-id and item-id roles (the ones interactions can be read from), in name order. */
    default List<String> interactionDatasets(Project project) {
        return project.datasets().stream()
                .filter(d -> d.columns().stream().anyMatch(c -> c.role() == ColumnRole.CUSTOMER_ID)
                        && d.columns().stream().anyMatch(c -> c.role() == ColumnRole.ITEM_ID))
                .map(org.personaworkbench.engine.project.DatasetInfo::name)
                .sorted()
                .toList();
    }

    /** Reads the interactions, item catalogue and personas recommendations need from a project. */
    default ProjectInteractions.Loaded loadInteractions(Project project, ProjectInteractions.Options options,
                                                        CancellationToken cancel) {
        throw new UnsupportedOperationException("recommendations");
    }

    /** Trains the model {@code options} names on {@code interactions}. */
    default Recommender trainRecommender(Interactions interactions, RecommenderOptions options, Progress progress,
                                         CancellationToken cancel) {
        throw new UnsupportedOperationException("recommendations");
    }

    /** Evaluates one model offline under {@code protocol} (overall, per persona and per cold-start bucket). */
    default EvaluationReport evaluateRecommender(Interactions interactions, EvaluationProtocol protocol,
                                                 RecommenderOptions options, Progress progress,
                                                 CancellationToken cancel) {
        throw new UnsupportedOperationException("recommendations");
    }

    /**
     * Intra-list diversity of a list of item indexes: the mean over pairs of 1 − cosine of the items' interaction
     * columns (NaN for fewer than two items).
     */
    default double listDiversity(Interactions interactions, int[] items) {
        throw new UnsupportedOperationException("recommendations");
    }

    /** A feature set's values by customer (the Recommendations step shows one customer's row). */
    default org.personaworkbench.engine.features.FeatureTable featureTable(Project project, String featureSet,
                                                                         CancellationToken cancel) {
        throw new UnsupportedOperationException("features");
    }

    /** Writes every customer's (or one persona's) top-N list of {@code model} as a campaign CSV. */
    default RecommendationExport.Result exportRecommendations(ProjectInteractions.Loaded loaded, Recommender model,
                                                              RecommendationExport.Options options,
                                                              Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("recommendations");
    }

    /**
     * Writes evaluation results with their protocol in every row (CSV) or nested as the CLI prints them (JSON),
     * replacing {@code file} only once it is complete.
     */
    default void exportEvaluation(java.util.List<org.personaworkbench.engine.recommendations.EvaluationReport> reports,
                                  Path file, org.personaworkbench.engine.recommendations.EvaluationExport.Format format,
                                  CancellationToken cancel) {
        throw new UnsupportedOperationException("recommendations");
    }

    // ---- Experiments (issue 6). Defaults throw so test doubles of other steps need not implement them. ----

    /** Saved experiments in name order. */
    default List<org.personaworkbench.engine.experiments.ExperimentDefinition> experiments(Project project) {
        throw new UnsupportedOperationException("experiments");
    }

    /** Saves (or replaces, by name) an experiment's definition in the project. */
    default org.personaworkbench.engine.experiments.ExperimentDefinition saveExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition) {
        throw new UnsupportedOperationException("experiments");
    }

    /** Deletes a saved experiment; false when there was none. */
    default boolean deleteExperiment(Project project, String name) {
        throw new UnsupportedOperationException("experiments");
    }

    /** The distinct values of a dataset column (at most 50), to pick the control variant. */
    default List<String> variantValues(Project project, String dataset, String column, CancellationToken cancel) {
        throw new UnsupportedOperationException("experiments");
    }

    /** Reads the experiment's dataset and reads the test out. */
    default org.personaworkbench.engine.experiments.ExperimentReadout analyseExperiment(
            Project project, org.personaworkbench.engine.experiments.ExperimentDefinition definition,
            Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("experiments");
    }

    /** Writes a readout as JSON (.json) or CSV, replacing {@code file} only once it is complete. */
    default void exportReadout(org.personaworkbench.engine.experiments.ExperimentReadout readout, Path file) {
        throw new UnsupportedOperationException("experiments");
    }

    // ---- Experiments step: posterior curves, power and chart images. Cheap arithmetic (microseconds), so the
    // step may call the curve and power methods on the UI thread; defaults delegate to the engine. ----

    /** The Beta(α, β) posterior density of a conversion rate, for the posterior chart. */
    default org.personaworkbench.engine.experiments.Posterior.Curve betaPosterior(double alpha, double beta,
                                                                                   int points) {
        return org.personaworkbench.engine.experiments.Posterior.beta(alpha, beta, points);
    }

    /** The normal posterior density of a metric's mean, for the posterior chart. */
    default org.personaworkbench.engine.experiments.Posterior.Curve normalPosterior(double mean, double sd,
                                                                                     int points) {
        return org.personaworkbench.engine.experiments.Posterior.normal(mean, sd, points);
    }

    /** Users per arm to detect an absolute lift {@code mde} over a conversion rate {@code baseline}. */
    default long usersPerArm(double baseline, double mde, double alpha, double power) {
        return org.personaworkbench.engine.experiments.Power.usersPerArm(baseline, mde, alpha, power);
    }

    /** The smallest absolute lift over {@code baseline} detectable with {@code usersPerArm} users per arm. */
    default double minimumDetectableEffect(double baseline, long usersPerArm, double alpha, double power) {
        return org.personaworkbench.engine.experiments.Power.minimumDetectableEffect(baseline, usersPerArm, alpha,
                power);
    }

    /** Users per arm to detect a difference {@code mde} in a metric's mean with standard deviation {@code sd}. */
    default long usersPerArmForMean(double sd, double mde, double alpha, double power) {
        return org.personaworkbench.engine.experiments.Power.usersPerArmForMean(sd, mde, alpha, power);
    }

    /** The smallest difference in a metric's mean detectable with {@code usersPerArm} users per arm. */
    default double minimumDetectableMeanDifference(double sd, long usersPerArm, double alpha, double power) {
        return org.personaworkbench.engine.experiments.Power.minimumDetectableMeanDifference(sd, usersPerArm, alpha,
                power);
    }

    /** Writes an image (the step's charts) as PNG, replacing {@code file} only once it is complete. */
    default void writePng(java.awt.image.BufferedImage image, Path file) {
        org.personaworkbench.engine.export.AtomicFiles.writeBytes(file, out -> {
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("No PNG writer is available.");
            }
        });
    }

    /** The clustered (scaled) and the raw values of the same rows and columns. */
    record SegmentMatrices(FeatureMatrix scaled, FeatureMatrix raw) {
    }

    /**
     * A saved run as reopened: what it was, who is in which segment, and the settings and columns that repeat
     * it (same seed, same data: same segments).
     */
    record SavedRun(SegmentationRunInfo info, RunAssignments assignments, SegmentationOptions options,
                    List<String> columns) {
        public SavedRun {
            columns = List.copyOf(columns);
        }

        /** Reads the options and columns from the run's stored JSON. */
        public SavedRun(SegmentationRunInfo info, RunAssignments assignments) {
            this(info, assignments, SegmentationRuns.readOptions(info), SegmentationRuns.readColumns(info));
        }
    }

    // ---- Sample projects (issue 7). Defaults: no samples, so test doubles of other steps need not offer any. ----

    /** The sample projects shipped with the app. */
    default List<org.personaworkbench.engine.samples.SampleProjects.Sample> samples() {
        return List.of();
    }

    /**
     * Builds a sample into the new project file {@code out} and returns the file; a failed or cancelled build
     * leaves no file behind.
     */
    default Path buildSample(String name, Path out, Progress progress, CancellationToken cancel) {
        throw new UnsupportedOperationException("samples");
    }
}
