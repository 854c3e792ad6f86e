package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;
import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.RecommendRequest;
import org.personaworkbench.engine.recommendations.Recommender;
import org.personaworkbench.engine.recommendations.RecommenderOptions;
import org.personaworkbench.engine.recommendations.Recommenders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pwb bench-recommend --ratings u.data}: times model training (each of {@code --repeat} fits) on all
 * interactions and one user's top-n list for every user (after one warm-up pass), reporting p50/p99. Not a test:
 * numbers vary with the machine's load.
 */
@Command(name = "bench-recommend", mixinStandardHelpOptions = true,
        description = "Benchmark: time training a model on a ratings file and one user's top-n list (p50/p99 over "
                + "all users).")
final class BenchRecommendCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    @CommandLine.ArgGroup(exclusive = false)
    RecommendCommand.SourceArgs source = new RecommendCommand.SourceArgs();

    @CommandLine.ArgGroup(exclusive = false)
    RecommendCommand.ModelArgs model = new RecommendCommand.ModelArgs();

    @Option(names = "--repeat", defaultValue = "3", description = "Training runs (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--n", defaultValue = "10", description = "List length (default ${DEFAULT-VALUE}).")
    int n;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (source.ratings == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bench-recommend needs --ratings FILE.");
        }
        CancellationToken cancel = CancellationToken.create();
        long t = System.nanoTime();
        FeedbackKind kind = source.feedback == null ? FeedbackKind.IMPLICIT_COUNT : source.kind(spec, false);
        Interactions all = Interactions.of(source.readRatings(spec, cancel), kind, 30);
        double readSeconds = (System.nanoTime() - t) / 1e9;
        RecommenderOptions options = model.options(spec, kind);
        double[] train = new double[Math.max(1, repeat)];
        Recommender recommender = null;
        for (int r = 0; r < train.length; r++) {
            t = System.nanoTime();
            recommender = Recommenders.fit(all, options, Progress.NONE, cancel);
            train[r] = (System.nanoTime() - t) / 1e9;
        }
        RecommendRequest request = RecommendRequest.defaults();
        for (int u = 0; u < all.users(); u++) {
            recommender.recommend(u, n, request);
        }
        double[] ms = new double[all.users()];
        for (int u = 0; u < all.users(); u++) {
            long s = System.nanoTime();
            recommender.recommend(u, n, request);
            ms[u] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("file", source.ratings.toAbsolutePath().toString());
        doc.put("algorithm", options.algorithm().word());
        doc.put("feedback", kind.name().toLowerCase(java.util.Locale.ROOT));
        doc.put("users", all.users());
        doc.put("items", all.items());
        doc.put("interactions", all.cells());
        if (options.algorithm() == Algorithm.ALS) {
            doc.put("model", Map.of("factors", options.factors(), "lambda", options.regularisation(),
                    "alpha", options.alpha(), "iterations", options.iterations()));
        }
        doc.put("read_seconds", readSeconds);
        doc.put("train_seconds", Arrays.stream(train).boxed().toList());
        doc.put("train_seconds_best", Arrays.stream(train).min().orElseThrow());
        doc.put("recommend_ms_p50", percentile(ms, 0.5));
        doc.put("recommend_ms_p99", percentile(ms, 0.99));
        doc.put("recommend_ms_max", ms[ms.length - 1]);
        doc.put("java", Runtime.version().toString());
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        if (output.json) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            doc.forEach((key, value) -> spec.commandLine().getOut().println(key + ": " + value));
        }
        return 0;
    }

    private static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

}
