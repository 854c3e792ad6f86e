package org.personaworkbench.engine.recommendations;

import org.personaworkbench.engine.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * MovieLens 100K from ../shared for model tests and benches: explicit ratings, a catalogue (title, genres as
 * text, first genre as category) and a seeded random 80/20 per-cell holdout with ratings ≥ 4 as relevant.
 */
record MovieLens100K(Interactions all, ItemCatalog catalog) {

    static Optional<MovieLens100K> load() throws IOException {
        Optional<Path> data = SharedData.file("data/movielens-100k/u.data");
        Optional<Path> item = SharedData.file("data/movielens-100k/u.item");
        if (data.isEmpty() || item.isEmpty()) {
            return Optional.empty();
        }
        List<Interaction> events = new ArrayList<>();
        for (String line : Files.readAllLines(data.get())) {
            String[] f = line.split("\t");
            events.add(new Interaction(f[0], f[1], Double.parseDouble(f[2]), Long.parseLong(f[3])));
        }
        return Optional.of(new MovieLens100K(Interactions.of(events, FeedbackKind.EXPLICIT, 0),
                RatingsFiles.movieLensItems(item.get(), org.personaworkbench.engine.common.CancellationToken.create())));
    }

    /** The training side of a seeded 80/20 cell split (the same seed keeps the same cells). */
    Interactions train(long seed) {
        boolean[] test = testMask(seed);
        int[] at = {0};
        return all.filter((u, i, v, t) -> !test[at[0]++]);
    }

    /** Per user, the held-out items rated ≥ 4. */
    List<int[]> relevant(long seed) {
        boolean[] test = testMask(seed);
        List<int[]> out = new ArrayList<>();
        int cell = 0;
        for (int u = 0; u < all.users(); u++) {
            int[] its = all.itemsOf(u);
            double[] vals = all.valuesOf(u);
            List<Integer> rel = new ArrayList<>();
            for (int k = 0; k < its.length; k++, cell++) {
                if (test[cell] && vals[k] >= 4) {
                    rel.add(its[k]);
                }
            }
            out.add(rel.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    private boolean[] testMask(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] test = new boolean[all.cells()];
        for (int c = 0; c < test.length; c++) {
            test[c] = random.nextDouble() < 0.2;
        }
        return test;
    }

    /** Share of users with a relevant held-out item who find at least one in their top k. */
    static double hitRate(Recommender model, List<int[]> relevant, int k, RecommendRequest request) {
        int users = 0;
        int hits = 0;
        for (int u = 0; u < relevant.size(); u++) {
            if (relevant.get(u).length == 0) {
                continue;
            }
            users++;
            java.util.Set<Integer> rel = new java.util.HashSet<>();
            for (int i : relevant.get(u)) {
                rel.add(i);
            }
            for (Recommendation r : model.recommend(u, k, request)) {
                if (rel.contains(r.item())) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / users;
    }

    /** Mean NDCG@k over users with a relevant held-out item (binary gains, ideal = min(k, relevant) hits). */
    static double ndcg(Recommender model, List<int[]> relevant, int k, RecommendRequest request) {
        int users = 0;
        double sum = 0;
        for (int u = 0; u < relevant.size(); u++) {
            int[] relItems = relevant.get(u);
            if (relItems.length == 0) {
                continue;
            }
            users++;
            java.util.Set<Integer> rel = new java.util.HashSet<>();
            for (int i : relItems) {
                rel.add(i);
            }
            List<Recommendation> list = model.recommend(u, k, request);
            double dcg = 0;
            for (int r = 0; r < list.size(); r++) {
                if (rel.contains(list.get(r).item())) {
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(k, relItems.length); r++) {
                ideal += 1 / (Math.log(r + 2) / Math.log(2));
            }
            sum += dcg / ideal;
        }
        return sum / users;
    }
}
