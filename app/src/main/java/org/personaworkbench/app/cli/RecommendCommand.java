package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.Evaluation;
import org.personaworkbench.engine.recommendations.EvaluationExport;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interaction;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.Metrics;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.ItemCatalog;
import org.personaworkbench.engine.recommendations.RatingsFiles;
import org.personaworkbench.engine.recommendations.RecommendRequest;
import org.personaworkbench.engine.recommendations.Recommendation;
import org.personaworkbench.engine.recommendations.Recommender;
import org.personaworkbench.engine.recommendations.RecommenderOptions;
import org.personaworkbench.engine.recommendations.Recommenders;
import org.personaworkbench.engine.recommendations.Splits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pwb recommend eval|user}: offline evaluation of a recommendation model on a ratings file or a project's
 * purchases under a stated protocol, and one customer's recommendations with the reason for each.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommendations: evaluate a model offline (eval) or list one customer's recommendations (user).",
        subcommands = {RecommendCommand.Eval.class, RecommendCommand.User.class})
final class RecommendCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Model settings shared by eval, user and the benchmark. */
    static final class ModelArgs {
        @Option(names = "--algorithm", defaultValue = "als", paramLabel = "A",
                description = "popularity, itemknn, userknn, als, content or hybrid (default ${DEFAULT-VALUE}); "
                        + "eval takes several separated by commas (als,itemknn,popularity) to compare them under "
                        + "one protocol.")
        String algorithm;

        @Option(names = "--factors", paramLabel = "F", description = "ALS latent factors (default 32).")
        Integer factors;

        @Option(names = "--lambda", paramLabel = "L", description = "ALS regularisation λ (default 30; 0.05 with --feedback explicit).")
        Double lambda;

        @Option(names = "--alpha", paramLabel = "A", description = "ALS implicit confidence 1 + α·strength (default 1).")
        Double alpha;

        @Option(names = "--iterations", paramLabel = "N", description = "ALS sweeps (default 10).")
        Integer iterations;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and the model (default ${DEFAULT-VALUE}).")
        long seed;

        RecommenderOptions options(CommandSpec spec, FeedbackKind kind) {
            return options(kind, algorithms(spec).getFirst());
        }

        /** The strategies of --algorithm, in the order given (one unless separated by commas), without repeats. */
        List<Algorithm> algorithms(CommandSpec spec) {
            java.util.LinkedHashSet<Algorithm> out = new java.util.LinkedHashSet<>();
            try {
                for (String word : algorithm.split(",", -1)) {
                    out.add(Algorithm.fromWord(word.strip()));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            return List.copyOf(out);
        }

        /** The model settings for strategy {@code a}. */
        RecommenderOptions options(FeedbackKind kind, Algorithm a) {
            RecommenderOptions o = RecommenderOptions.defaults(a).withSeed(seed);
            return o.withAls(factors == null ? AlsDefaults.FACTORS : factors,
                    lambda != null ? lambda : kind == FeedbackKind.EXPLICIT ? AlsDefaults.EXPLICIT_LAMBDA : AlsDefaults.LAMBDA, alpha == null ? AlsDefaults.ALPHA : alpha,
                    iterations == null ? AlsDefaults.ITERATIONS : iterations);
        }
    }

    /** The engine's ALS defaults (the README's MovieLens table; the option help texts repeat them). */
    static final class AlsDefaults {
        private static final RecommenderOptions DEFAULTS = RecommenderOptions.defaults(Algorithm.ALS);
        static final int FACTORS = DEFAULTS.factors();
        static final double LAMBDA = DEFAULTS.regularisation();
        /** Explicit ratings: weighted-λ ALS regularises per rating, so λ is far smaller. */
        static final double EXPLICIT_LAMBDA = 0.05;
        static final double ALPHA = DEFAULTS.alpha();
        static final int ITERATIONS = DEFAULTS.iterations();

        private AlsDefaults() {
        }
    }

    /** Where interactions come from: a ratings file or a project. */
    static final class SourceArgs {
        @Option(names = "--ratings", paramLabel = "FILE", description = "A ratings or events file (see --format).")
        Path ratings;

        @Option(names = "--format", defaultValue = "movielens", paramLabel = "F",
                description = "movielens (u.data: user, item, rating, timestamp; tab) or csv with a header "
                        + "(default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--user-col", paramLabel = "C", description = "CSV: the user column.")
        String userCol;

        @Option(names = "--item-col", paramLabel = "C", description = "CSV: the item column.")
        String itemCol;

        @Option(names = "--rating-col", paramLabel = "C", description = "CSV: the rating or quantity column (else 1).")
        String ratingCol;

        @Option(names = "--time-col", paramLabel = "C", description = "CSV: the time column (epoch seconds or ISO).")
        String timeCol;

        @Option(names = "--feedback", paramLabel = "K",
                description = "implicit (default: ratings or quantities are kept as strengths, so --threshold still "
                        + "picks the relevant ones; ranks best on MovieLens) or explicit (rating-prediction models).")
        String feedback;

        @Option(names = "--items", paramLabel = "FILE",
                description = "Item titles, text and categories for the content model and explanations "
                        + "(MovieLens u.item; default: u.item beside a movielens --ratings file when present).")
        Path items;

        /** The catalogue of --items, or u.item beside a MovieLens ratings file, or none. */
        ItemCatalog catalog(CancellationToken cancel) {
            Path file = items;
            if (file == null && ratings != null && "movielens".equalsIgnoreCase(format)) {
                Path beside = ratings.toAbsolutePath().resolveSibling("u.item");
                file = java.nio.file.Files.isRegularFile(beside) ? beside : null;
            }
            return file == null ? ItemCatalog.EMPTY : RatingsFiles.movieLensItems(file, cancel);
        }

        @Option(names = "--project", paramLabel = "PROJECT", description = "Evaluate on a project's purchases instead.")
        Path project;

        @Option(names = "--dataset", paramLabel = "D",
                description = "With --project: the dataset with customer and item ids (default: the first such).")
        String dataset;

        @Option(names = "--run", paramLabel = "RUN",
                description = "With --project: the segmentation run whose personas group the figures (default: newest with personas).")
        String run;

        FeedbackKind kind(CommandSpec spec, boolean fromProject) {
            if (feedback == null) {
                return FeedbackKind.IMPLICIT_COUNT;
            }
            return switch (feedback.toLowerCase(java.util.Locale.ROOT)) {
                case "explicit" -> FeedbackKind.EXPLICIT;
                case "implicit" -> FeedbackKind.IMPLICIT_COUNT;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--feedback is explicit or implicit, not '" + feedback + "'.");
            };
        }

        List<Interaction> readRatings(CommandSpec spec, CancellationToken cancel) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "movielens" -> RatingsFiles.movieLens(ratings, cancel);
                case "csv" -> {
                    if (userCol == null || itemCol == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(),
                                "--format csv needs --user-col and --item-col (and optionally --rating-col, --time-col).");
                    }
                    yield RatingsFiles.csv(ratings, new RatingsFiles.CsvColumns(userCol, itemCol, ratingCol, timeCol),
                            cancel);
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--format is movielens or csv, not '" + format + "'.");
            };
        }
    }

    static Project openProject(Path path) {
        String env = System.getenv("PWB_PASSWORD");
        ProjectOptions options = env == null || env.isEmpty() ? ProjectOptions.plain()
                : ProjectOptions.withPassword(env.toCharArray());
        return new ProjectService().open(ProjectService.normalize(path.toAbsolutePath()), options);
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate a model offline: split each user's interactions (seeded), train on the rest, rank "
                    + "all items the user has not seen in training and score the top k against the held-out ones.")
    static final class Eval implements Callable<Integer> {

        @Mixin
        OutputOptions output;

        @CommandLine.ArgGroup(exclusive = false)
        SourceArgs source = new SourceArgs();

        @CommandLine.ArgGroup(exclusive = false)
        ModelArgs model = new ModelArgs();

        @Option(names = "--split", defaultValue = "random:0.2", paramLabel = "S",
                description = "random:SHARE, temporal:N or loo (default ${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--k", defaultValue = "10", description = "List length (default ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--threshold", paramLabel = "T",
                description = "A held-out value ≥ T is relevant (default 4 for explicit ratings, 0 = every held-out "
                        + "item for implicit).")
        Double threshold;

        @Option(names = "--min-train", defaultValue = "0", paramLabel = "N",
                description = "Skip users with fewer training interactions (default ${DEFAULT-VALUE}).")
        int minTrain;

        @Option(names = "--write-split", paramLabel = "DIR",
                description = "Also write the split as DIR/train.tsv and DIR/test.tsv (user index, item index, user id, "
                        + "item id, value) so a peer script can score the same split.")
        Path writeSplit;

        @Option(names = "--out", paramLabel = "FILE",
                description = "Also write the results with their protocol to FILE: .csv (one row per strategy and "
                        + "scope: all, persona:NAME, bucket:1-2|3-9|10+) or .json (an array of reports).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (out != null) {
                try {
                    EvaluationExport.Format.of(out);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            if ((source.ratings == null) == (source.project == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Give either --ratings FILE or --project PROJECT.");
            }
            if (k < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--k must be at least 1.");
            }
            Splits.SplitSpec splitSpec;
            try {
                splitSpec = Splits.parse(split);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            CancellationToken cancel = CancellationToken.create();
            PrintWriter err = spec.commandLine().getErr();
            Progress progress = new CliProgress(err, output.json);
            boolean fromProject = source.project != null;
            FeedbackKind kind = source.kind(spec, fromProject);
            List<Algorithm> algorithms = model.algorithms(spec);
            RecommenderOptions options = model.options(kind, algorithms.getFirst());
            Interactions all;
            String origin;
            String run = null;
            if (fromProject) {
                ProjectInteractions.Loaded loaded;
                try (Project p = openProject(source.project)) {
                    loaded = ProjectInteractions.load(p, new ProjectInteractions.Options(source.dataset, kind, 30,
                            source.run), cancel);
                }
                all = loaded.interactions();
                options = options.withCatalog(loaded.catalog()).withPersonas(loaded.personaOfUser());
                origin = source.project.toAbsolutePath() + " dataset " + loaded.dataset();
                run = loaded.run();
            } else {
                all = Interactions.of(source.readRatings(spec, cancel), kind, 30);
                options = options.withCatalog(source.catalog(cancel));
                origin = source.ratings.toAbsolutePath().toString();
            }
            double t = threshold != null ? threshold : source.ratings != null && source.format.equals("movielens")
                    || kind == FeedbackKind.EXPLICIT ? 4 : 0;
            EvaluationProtocol protocol = new EvaluationProtocol(splitSpec.kind(), splitSpec.parameter(), model.seed,
                    t, k, EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, minTrain);
            if (writeSplit != null) {
                writeSplit(writeSplit, Splits.split(all, protocol));
            }
            List<EvaluationReport> reports = new ArrayList<>();
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Algorithm a : algorithms) {
                RecommenderOptions o = options.withAlgorithm(a);
                EvaluationReport report = Evaluation.run(all, protocol, o, progress, cancel);
                reports.add(report);
                docs.add(document(report, o, all, origin, kind, run));
            }
            if (out != null) {
                EvaluationExport.write(reports, out);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (output.json) {
                if (docs.size() == 1) {
                    stdout.println(Json.write(docs.getFirst()));
                } else {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("protocol", EvaluationExport.protocol(protocol));
                    doc.put("reports", docs);
                    stdout.println(Json.write(doc));
                }
            } else {
                stdout.printf("%s (%d users, %d items, %d interactions, %s)%n", origin, all.users(), all.items(),
                        all.cells(), kind.name().toLowerCase(java.util.Locale.ROOT));
                stdout.printf("protocol: %s %s, seed %d, relevant ≥ %s, k = %d, candidates: %s%n", splitSpec.kind(),
                        splitSpec.parameter(), model.seed, t, k, protocol.candidates());
                for (EvaluationReport report : reports) {
                    Metrics m = report.metrics();
                    stdout.printf("%s: precision %.4f  recall %.4f  ndcg %.4f  map %.4f  hit rate %.4f  coverage %.4f  "
                                    + "novelty %.2f  diversity %.4f  users %d%n", report.algorithm().word(),
                            m.precision(), m.recall(), m.ndcg(), m.map(), m.hitRate(), m.coverage(), m.novelty(),
                            m.diversity(), m.users());
                    stdout.printf("%s: train %.3f s, one list p50 %.3f ms, p99 %.3f ms%n", report.algorithm().word(),
                            report.trainSeconds(), report.recommendMsP50(), report.recommendMsP99());
                }
            }
            if (out != null) {
                spec.commandLine().getErr().println("Wrote " + out.toAbsolutePath());
            }
            return 0;
        }
    }

    private static void writeSplit(Path dir, Splits.Split split) {
        try {
            java.nio.file.Files.createDirectories(dir);
            write(dir.resolve("train.tsv"), split.train());
            write(dir.resolve("test.tsv"), split.test());
        } catch (java.io.IOException e) {
            throw new EngineException("The split could not be written to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Interactions m) throws java.io.IOException {
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
            for (int u = 0; u < m.users(); u++) {
                int[] items = m.itemsOf(u);
                double[] values = m.valuesOf(u);
                for (int j = 0; j < items.length; j++) {
                    w.write(u + "\t" + items[j] + "\t" + m.userId(u) + "\t" + m.itemId(items[j]) + "\t" + values[j]);
                    w.newLine();
                }
            }
        }
    }

    static Map<String, Object> document(EvaluationReport report, RecommenderOptions options, Interactions all,
                                        String origin, FeedbackKind kind, String run) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("algorithm", report.algorithm().word());
        doc.put("protocol", EvaluationExport.protocol(report.protocol()));
        doc.put("data", Map.of("source", origin, "users", all.users(), "items", all.items(),
                "interactions", all.cells(), "feedback", kind.name().toLowerCase(java.util.Locale.ROOT)));
        if (report.algorithm() == Algorithm.ALS) {
            doc.put("model", Map.of("factors", options.factors(), "lambda", options.regularisation(),
                    "alpha", options.alpha(), "iterations", options.iterations(), "seed", options.seed()));
        }
        doc.put("metrics", EvaluationExport.metrics(report.metrics()));
        doc.put("per_bucket", EvaluationExport.perBucket(report));
        if (!report.perPersona().isEmpty() || run != null) {
            doc.put("persona_run", run);
            doc.put("per_persona", EvaluationExport.perPersona(report));
        }
        doc.put("train_seconds", report.trainSeconds());
        doc.put("recommend_ms_p50", report.recommendMsP50());
        doc.put("recommend_ms_p99", report.recommendMsP99());
        return doc;
    }

    /** JSON has no NaN: null where a figure is undefined (no users in the group). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Command(name = "user", mixinStandardHelpOptions = true,
            description = "One customer's recommendations from a project's purchases, with the reason for each.")
    static final class User implements Callable<Integer> {

        @Mixin
        ProjectArgs project;

        @Mixin
        OutputOptions output;

        @CommandLine.ArgGroup(exclusive = false)
        ModelArgs model = new ModelArgs();

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The customer id.")
        String user;

        @Option(names = "--n", defaultValue = "10", description = "How many items (default ${DEFAULT-VALUE}).")
        int n;

        @Option(names = "--diversity", defaultValue = "0", paramLabel = "λ",
                description = "Diversity re-rank λ in [0, 1] (default ${DEFAULT-VALUE}).")
        double diversity;

        @Option(names = "--dataset", paramLabel = "D", description = "The dataset with customer and item ids.")
        String dataset;

        @Option(names = "--run", paramLabel = "RUN", description = "Segmentation run whose personas name the customer.")
        String run;

        @Option(names = "--context", paramLabel = "C",
                description = "Re-rank for a context the data has: morning, afternoon, evening, night (the hour of "
                        + "the purchase as recorded) or device:NAME (from a device, device_type or platform column); "
                        + "items bought more often in it than items in general move up.")
        String context;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--n must be at least 1.");
            }
            RecommendRequest request;
            try {
                request = RecommendRequest.defaults().withDiversity(diversity);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            CancellationToken cancel = CancellationToken.create();
            RecommenderOptions options = model.options(spec, FeedbackKind.IMPLICIT_COUNT);
            ProjectInteractions.Loaded loaded = project.read(p -> ProjectInteractions.load(p,
                    ProjectInteractions.Options.defaults().withDataset(dataset).withRun(run), cancel));
            Interactions all = loaded.interactions();
            int u = all.userIndex(user).orElseThrow(() -> new EngineException("The customer '" + user
                    + "' has no purchases with an item in the dataset '" + loaded.dataset() + "'."));
            if (context != null) {
                String wanted = context.trim().toLowerCase(java.util.Locale.ROOT);
                if (!loaded.contextShares().containsKey(wanted)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "The dataset '" + loaded.dataset()
                            + "' has no purchases in the context '" + context + "'. "
                            + (loaded.contexts().isEmpty() ? "It has no times of day or device column."
                            : "Its contexts: " + String.join(", ", loaded.contexts()) + "."));
                }
                request = request.withContext(wanted);
            }
            options = options.withCatalog(loaded.catalog()).withPersonas(loaded.personaOfUser())
                    .withContextShares(loaded.contextShares());
            Recommender recommender = Recommenders.fit(all, options,
                    new CliProgress(spec.commandLine().getErr(), output.json), cancel);
            List<Recommendation> list = recommender.recommend(u, n, request);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("user", user);
            doc.put("persona", loaded.personaOfUser().get(user));
            doc.put("algorithm", recommender.algorithm().word());
            doc.put("context", request.context());
            doc.put("contexts", loaded.contexts());
            List<Map<String, Object>> history = new ArrayList<>();
            int[] items = all.itemsOf(u);
            double[] values = all.valuesOf(u);
            for (int j = 0; j < items.length; j++) {
                Map<String, Object> h = new LinkedHashMap<>();
                h.put("item", all.itemId(items[j]));
                h.put("title", loaded.catalog().title(all.itemId(items[j])));
                h.put("value", values[j]);
                history.add(h);
            }
            history.sort(Comparator.comparing(h -> -((Double) h.get("value"))));
            doc.put("history", history);
            List<Map<String, Object>> recs = new ArrayList<>();
            for (int r = 0; r < list.size(); r++) {
                Recommendation rec = list.get(r);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rank", r + 1);
                m.put("item", rec.itemId());
                m.put("title", loaded.catalog().title(rec.itemId()));
                m.put("score", finite(rec.score()));
                m.put("explanation", rec.explanation());
                recs.add(m);
            }
            doc.put("recommendations", recs);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                out.println(Json.write(doc));
            } else {
                out.println(user + (doc.get("persona") == null ? "" : " (" + doc.get("persona") + ")") + ", "
                        + items.length + " items bought; " + recommender.algorithm().word() + " recommends"
                        + (request.context() == null ? "" : " for " + request.context()) + ":");
                if (!loaded.contexts().isEmpty()) {
                    out.println("contexts (--context): " + String.join(", ", loaded.contexts()));
                }
                for (Map<String, Object> m : recs) {
                    out.printf("%2d. %s  %s — %s%n", (Integer) m.get("rank"), m.get("item"), m.get("title"),
                            m.get("explanation"));
                }
            }
            return 0;
        }
    }
}
