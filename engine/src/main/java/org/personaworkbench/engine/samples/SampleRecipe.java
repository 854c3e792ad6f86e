package org.personaworkbench.engine.samples;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.Experiments;
import org.personaworkbench.engine.features.BuiltMatrix;
import org.personaworkbench.engine.features.FeatureSet;
import org.personaworkbench.engine.features.FeatureSpec;
import org.personaworkbench.engine.features.ModelMatrix;
import org.personaworkbench.engine.features.ModelSpec;
import org.personaworkbench.engine.features.RfmFeatures;
import org.personaworkbench.engine.features.RfmOptions;
import org.personaworkbench.engine.importing.BadRowPolicy;
import org.personaworkbench.engine.importing.ColumnRole;
import org.personaworkbench.engine.importing.ColumnSpec;
import org.personaworkbench.engine.importing.ColumnType;
import org.personaworkbench.engine.importing.CsvImporter;
import org.personaworkbench.engine.importing.CsvInspector;
import org.personaworkbench.engine.importing.CsvPreview;
import org.personaworkbench.engine.importing.FormatOverrides;
import org.personaworkbench.engine.importing.ImportOptions;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.Evaluation;
import org.personaworkbench.engine.recommendations.EvaluationExport;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.RecommenderOptions;
import org.personaworkbench.engine.recommendations.Splits;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.segmentation.SegmentProfiler;
import org.personaworkbench.engine.segmentation.ProfileOptions;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.Segmentation;
import org.personaworkbench.engine.segmentation.SegmentationOptions;
import org.personaworkbench.engine.segmentation.SegmentationResult;
import org.personaworkbench.engine.segmentation.SegmentationRuns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Runs one sample's {@code recipe.properties} into an open project, step by step through the engine services
 * the CLI commands use: import the datasets, compute RFM features (with the recipe's log and column choices
 * saved as the feature set's model), fit and save a segmentation run, draft and save its personas, save the
 * rule segments, evaluate recommenders (saved as an "evaluation" document) and save the experiment. The keys
 * are listed in {@code sample-projects/README.md}.
 */
final class SampleRecipe {

    /** The kind of the project documents that hold recommendation evaluations (EvaluationExport JSON). */
    static final String EVALUATION_KIND = "evaluation";

    private static final String[] STEPS = {"Preparing data", "Importing", "Computing features", "Segmenting",
            "Drafting personas", "Saving rules", "Evaluating recommendations", "Saving the experiment"};

    private final Properties recipe;
    private final String sample;
    private final SampleProjects.Source source;
    private final Path work;
    private final Project project;
    private final Progress progress;
    private final CancellationToken cancel;
    private int step;

    SampleRecipe(Properties recipe, String sample, SampleProjects.Source source, Path work, Project project,
                 Progress progress, CancellationToken cancel) {
        this.recipe = recipe;
        this.sample = sample;
        this.source = source;
        this.work = work;
        this.project = project;
        this.progress = progress;
        this.cancel = cancel;
    }

    void run() {
        begin();
        generate();
        begin();
        for (String dataset : list("datasets")) {
            importDataset(dataset);
        }
        begin();
        String featureSet = features();
        begin();
        String run = segmentation(featureSet);
        begin();
        Personas.open(project, run);
        begin();
        for (String rule : list("rules")) {
            RuleSegments.save(project, required("rule." + rule + ".name"), required("rule." + rule + ".text"));
        }
        begin();
        evaluation(run);
        begin();
        experiment(run);
        progress.report(STEPS.length, STEPS.length, "Sample '" + sample + "' is ready");
    }

    private void begin() {
        cancel.throwIfCancelled();
        progress.report(step, STEPS.length, STEPS[step] + "…");
        step++;
    }

    /** A sub-step's progress inside the current step, as a share of the whole build. */
    private Progress inner() {
        int base = step - 1;
        return (done, total, message) -> {
            double share = total > 0 ? Math.min(1, (double) done / total) : 0;
            progress.report(Math.round((base + share) * 1000), STEPS.length * 1000L, STEPS[base] + ": " + message);
        };
    }

    private void generate() {
        String generator = recipe.getProperty("generator", "").strip();
        if (generator.isEmpty()) {
            return;
        }
        if (!generator.equals("demo-shop")) {
            throw new EngineException("The recipe of sample '" + sample + "' names an unknown generator '"
                    + generator + "'.");
        }
        DemoShopGenerator.write(work, Long.parseLong(recipe.getProperty("seed", "" + DemoShopGenerator.SEED)),
                cancel);
    }

    private void importDataset(String name) {
        String prefix = "dataset." + name + ".";
        String fileName = required(prefix + "file");
        Path file = work.resolve(fileName);
        if (!java.nio.file.Files.exists(file)) {
            file = source.copy(sample + "/" + fileName, work);
        }
        CsvPreview preview = new CsvInspector().inspect(file, FormatOverrides.none());
        List<ColumnSpec> specs = new ArrayList<>(preview.defaultSpecs());
        for (String pair : list(prefix + "types")) {
            String[] kv = pair.split(":", 2);
            int i = index(specs, kv[0], name);
            ColumnType t = ColumnType.valueOf(kv[1].strip().toUpperCase(Locale.ROOT));
            specs.set(i, specs.get(i).withType(t, t == specs.get(i).type() ? specs.get(i).pattern() : null));
        }
        for (String pair : list(prefix + "roles")) {
            String[] kv = pair.split(":", 2);
            int i = index(specs, kv[0], name);
            specs.set(i, specs.get(i).withRole(ColumnRole.fromJsonName(kv[1])));
        }
        ImportOptions options = new ImportOptions(name, preview.format(), specs, BadRowPolicy.FAIL, null);
        new CsvImporter().importFile(project, file, options, inner(), cancel);
    }

    private static int index(List<ColumnSpec> specs, String column, String dataset) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equalsIgnoreCase(column.strip())) {
                return i;
            }
        }
        throw new EngineException("The sample recipe names a column '" + column + "' that the file of dataset '"
                + dataset + "' does not have.");
    }

    /** RFM features; the recipe's clustering columns and log1p choices are saved as the feature set's model. */
    private String features() {
        String name = required("features.name");
        FeatureSet set = RfmFeatures.build(project, RfmOptions.defaults(required("features.dataset"), name), inner(),
                cancel);
        RfmFeatures.save(project, set, cancel);
        List<String> columns = list("segmentation.columns");
        List<String> logs = list("features.log1p");
        ModelSpec spec = ModelMatrix.storedOrDefault(project, name, cancel);
        List<FeatureSpec> features = new ArrayList<>();
        for (FeatureSpec f : spec.features()) {
            FeatureSpec g = f;
            if (!columns.isEmpty() && !f.oneHot()) {
                g = g.withIncluded(columns.stream().anyMatch(c -> c.equalsIgnoreCase(f.column())));
            }
            if (logs.stream().anyMatch(c -> c.equalsIgnoreCase(f.column()))) {
                g = g.withLog1p(true);
            }
            features.add(g);
        }
        ModelMatrix.saveSpec(project, spec.withFeatures(features));
        return name;
    }

    /** The same fit, profile and save as {@code pwb segment fit --name}. */
    private String segmentation(String featureSet) {
        String name = required("segmentation.name");
        SegmentationOptions options = SegmentationOptions.defaults()
                .withAlgorithm(org.personaworkbench.engine.segmentation.Algorithm.parse(
                        recipe.getProperty("segmentation.algorithm", "kmeans")))
                .withK(Integer.parseInt(required("segmentation.k")))
                .withSeed(Long.parseLong(recipe.getProperty("segmentation.seed", "42")))
                .withRestarts(Integer.parseInt(recipe.getProperty("segmentation.restarts", "5")));
        BuiltMatrix built = ModelMatrix.forSegmentation(project, featureSet, null, null, inner(), cancel);
        String version = project.featureSet(featureSet).map(f -> f.createdAt().toString()).orElse("");
        SegmentationResult result = Segmentation.fit(built.scaled(), options, inner(), cancel);
        SegmentProfiles profiles = SegmentProfiler.profile(built.raw(), result.labels(), ProfileOptions.defaults(),
                inner(), cancel);
        SegmentationRuns.save(project, name, featureSet, version, built.scaled(), result, profiles);
        return name;
    }

    /** The same evaluation as {@code pwb recommend eval --project}, saved as an "evaluation" document. */
    private void evaluation(String run) {
        String name = recipe.getProperty("evaluation.name", "").strip();
        if (name.isEmpty()) {
            return;
        }
        long seed = Long.parseLong(recipe.getProperty("evaluation.seed", "42"));
        ProjectInteractions.Loaded loaded = ProjectInteractions.load(project, new ProjectInteractions.Options(
                required("evaluation.dataset"), FeedbackKind.IMPLICIT_COUNT, 30, run), cancel);
        Splits.SplitSpec split = Splits.parse(recipe.getProperty("evaluation.split", "random:0.2"));
        EvaluationProtocol protocol = new EvaluationProtocol(split.kind(), split.parameter(), seed, 0,
                Integer.parseInt(recipe.getProperty("evaluation.k", "10")), EvaluationProtocol.ALL_UNSEEN,
                EvaluationProtocol.BINARY_NDCG, 0);
        List<EvaluationReport> reports = new ArrayList<>();
        for (String word : list("evaluation.algorithms")) {
            RecommenderOptions options = RecommenderOptions.defaults(Algorithm.fromWord(word)).withSeed(seed)
                    .withCatalog(loaded.catalog()).withPersonas(loaded.personaOfUser());
            reports.add(Evaluation.run(loaded.interactions(), protocol, options, inner(), cancel));
        }
        project.saveDocument(EVALUATION_KIND, name, EvaluationExport.json(reports));
    }

    private void experiment(String run) {
        String name = recipe.getProperty("experiment.name", "").strip();
        if (name.isEmpty()) {
            return;
        }
        ExperimentDefinition definition = ExperimentDefinition.perUser(name, required("experiment.dataset"),
                        required("experiment.variant"), required("experiment.control"),
                        required("experiment.conversion"))
                .withMetric(recipe.getProperty("experiment.metric"), recipe.getProperty("experiment.covariate"))
                .withCustomerColumn(recipe.getProperty("experiment.customer"));
        if ("personas".equalsIgnoreCase(recipe.getProperty("experiment.breakdown", ""))) {
            definition = definition.withBreakdown(new ExperimentDefinition.Breakdown(
                    ExperimentDefinition.BreakdownKind.PERSONAS, run));
        }
        Experiments.save(project, definition);
    }

    private String required(String key) {
        String value = recipe.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new EngineException("The recipe of sample '" + sample + "' has no '" + key + "'.");
        }
        return value.strip();
    }

    private List<String> list(String key) {
        String value = recipe.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
