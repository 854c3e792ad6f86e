package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints, per model on MovieLens 100K (seeded 80/20 cells, ratings ≥ 4 relevant, k = 10): fit seconds, hit
 * rate@10, NDCG@10 and one user's top-10 latency p50 / p99 over all users (after a warm-up pass). Not a test:
 * timings depend on the machine. Run: {@code java -cp <test classpath>
 * org.personaworkbench.engine.recommendations.RecommendersBench}.
 */
public final class RecommendersBench {

    private RecommendersBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("uci")) {
            uci();
            return;
        }
        MovieLens100K ml = MovieLens100K.load().orElseThrow(() -> new IllegalStateException("no ../shared"));
        long seed = 7;
        Interactions train = ml.train(seed);
        List<int[]> relevant = ml.relevant(seed);
        RecommenderOptions base = RecommenderOptions.defaults(Algorithm.POPULARITY).withCatalog(ml.catalog())
                .withHybridWeights(Map.of(Algorithm.ITEM_KNN, 0.6, Algorithm.USER_KNN, 0.3, Algorithm.CONTENT, 0.1));
        if (args.length > 0 && args[0].equals("weights")) {
            double[][] grid = {{0.5, 0.5, 0}, {0.3, 0.7, 0}, {0.2, 0.7, 0.1}, {0.4, 0.5, 0.1}, {0.1, 0.8, 0.1}};
            for (double[] w : grid) {
                RecommenderOptions o = base.withAlgorithm(Algorithm.HYBRID).withHybridWeights(Map.of(
                        Algorithm.ITEM_KNN, w[0], Algorithm.USER_KNN, w[1], Algorithm.CONTENT, w[2]));
                report("hybrid " + Arrays.toString(w), Recommenders.fit(train, o, Progress.NONE,
                        CancellationToken.create()), 0, relevant, RecommendRequest.defaults());
            }
            return;
        }
        for (Algorithm a : Algorithm.values()) {
            if (a == Algorithm.ALS) {
                continue;
            }
            RecommenderOptions o = base.withAlgorithm(a);
            for (int run = 0; run < 3; run++) {
                Recommenders.fit(train, o, Progress.NONE, CancellationToken.create());
            }
            long t0 = System.nanoTime();
            Recommender model = Recommenders.fit(train, o, Progress.NONE, CancellationToken.create());
            double fit = (System.nanoTime() - t0) / 1e9;
            report(a.word(), model, fit, relevant, RecommendRequest.defaults());
            if (a == Algorithm.ITEM_KNN) {
                report("itemknn-mmr0.3", model, fit, relevant, RecommendRequest.defaults().withDiversity(0.3));
            }
        }
        ModelBasis basis = ModelBasis.of(train, base.withAlgorithm(Algorithm.ITEM_KNN));
        Recommender normalised = new ScoringRecommender(ItemKnn.fit(basis, true, Progress.NONE,
                CancellationToken.create()), basis, new Popularity(basis));
        report("itemknn-normalised", normalised, 0, relevant, RecommendRequest.defaults());
    }

    /** UCI Online Retail purchases (implicit counts, descriptions as text): fit time and latency only. */
    private static void uci() throws java.io.IOException {
        java.nio.file.Path file = org.personaworkbench.engine.SharedData.file(
                "data/uci-online-retail/online_retail.csv.gz").orElseThrow();
        List<Interaction> events = new java.util.ArrayList<>();
        Map<String, ItemCatalog.Item> items = new java.util.HashMap<>();
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                java.nio.file.Files.newInputStream(file)), java.nio.charset.StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                List<String> f = cells(line);
                if (f.size() < 8 || f.get(6).isBlank() || Double.parseDouble(f.get(3)) <= 0) {
                    continue;
                }
                long t = java.time.LocalDateTime.parse(f.get(4), format).toEpochSecond(java.time.ZoneOffset.UTC);
                events.add(new Interaction(f.get(6), f.get(1), 1, t));
                items.putIfAbsent(f.get(1), new ItemCatalog.Item(f.get(1), f.get(2), "", ""));
            }
        }
        Interactions train = Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
        System.out.printf("UCI: %d users, %d items, %d cells%n", train.users(), train.items(), train.cells());
        RecommenderOptions base = RecommenderOptions.defaults(Algorithm.POPULARITY)
                .withCatalog(new ItemCatalog(items))
                .withHybridWeights(Map.of(Algorithm.ITEM_KNN, 0.6, Algorithm.USER_KNN, 0.3, Algorithm.CONTENT, 0.1));
        List<int[]> none = new java.util.ArrayList<>();
        for (int u = 0; u < train.users(); u++) {
            none.add(new int[0]);
        }
        for (Algorithm a : Algorithm.values()) {
            if (a == Algorithm.ALS) {
                continue;
            }
            long t0 = System.nanoTime();
            Recommender model = Recommenders.fit(train, base.withAlgorithm(a), Progress.NONE,
                    CancellationToken.create());
            double fit = (System.nanoTime() - t0) / 1e9;
            latency(a.word(), model, fit, train.users(), RecommendRequest.defaults());
            if (a == Algorithm.ITEM_KNN) {
                latency("itemknn-mmr0.3", model, fit, train.users(), RecommendRequest.defaults().withDiversity(0.3));
                System.out.println("  " + model.recommend(0, 3, RecommendRequest.defaults()));
            }
        }
    }

    private static List<String> cells(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static void latency(String name, Recommender model, double fitSeconds, int users, RecommendRequest request) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int u = 0; u < users; u++) {
            model.recommend(u, 10, request);
        }
        double[] cpu = new double[users];
        for (int u = 0; u < users; u++) {
            long c = threads.getCurrentThreadCpuTime();
            model.recommend(u, 10, request);
            cpu[u] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(cpu);
        System.out.printf("%-20s fit %.3f s  cpu p50 %.3f p99 %.3f ms%n", name, fitSeconds, cpu[users / 2],
                cpu[(int) (users * 0.99)]);
    }

    private static void report(String name, Recommender model, double fitSeconds, List<int[]> relevant,
                               RecommendRequest request) {
        int users = relevant.size();
        for (int u = 0; u < users; u++) {
            model.recommend(u, 10, request);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int passes = 3;
        double[] wall = new double[users * passes];
        double[] cpu = new double[users * passes];
        for (int p = 0; p < passes; p++) {
            for (int u = 0; u < users; u++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                model.recommend(u, 10, request);
                wall[p * users + u] = (System.nanoTime() - t) / 1e6;
                cpu[p * users + u] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        int n = wall.length;
        System.out.printf("%-20s fit %.3f s  hit@10 %.4f  ndcg@10 %.4f  wall p50 %.3f p99 %.3f ms  cpu p50 %.3f p99 %.3f"
                        + " ms%n", name, fitSeconds, MovieLens100K.hitRate(model, relevant, 10, request),
                MovieLens100K.ndcg(model, relevant, 10, request), wall[n / 2], wall[(int) (n * 0.99)], cpu[n / 2],
                cpu[(int) (n * 0.99)]);
    }
}
