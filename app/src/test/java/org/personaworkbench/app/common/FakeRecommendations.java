package org.personaworkbench.app.common;

import org.personaworkbench.engine.recommendations.Algorithm;
import org.personaworkbench.engine.recommendations.EvaluationProtocol;
import org.personaworkbench.engine.recommendations.EvaluationReport;
import org.personaworkbench.engine.recommendations.FeedbackKind;
import org.personaworkbench.engine.recommendations.Interaction;
import org.personaworkbench.engine.recommendations.Interactions;
import org.personaworkbench.engine.recommendations.ItemCatalog;
import org.personaworkbench.engine.recommendations.Metrics;
import org.personaworkbench.engine.recommendations.ContextShares;
import org.personaworkbench.engine.recommendations.ProjectInteractions;
import org.personaworkbench.engine.recommendations.RecommendRequest;
import org.personaworkbench.engine.recommendations.Recommendation;
import org.personaworkbench.engine.recommendations.Recommender;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Purchases that look like UCI Online Retail: a few hundred customers with five-digit ids, 50 products with UCI
 * descriptions in five categories, each customer in one of the four {@link FakePersonas} and buying mostly from
 * that persona's favourite categories; and a fake model per algorithm that ranks by a fixed rule with readable
 * explanations and re-ranks by maximal marginal relevance, so the Recommendations step can be tested and shown.
 */
public final class FakeRecommendations {

    public static final String DATASET = "transactions";
    /** {id, title, category}. */
    static final String[][] ITEMS = {
        {"85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "Candles & lights"},
        {"71053", "WHITE METAL LANTERN", "Candles & lights"},
        {"84406B", "CREAM CUPID HEARTS COAT HANGER", "Home decor"},
        {"84029G", "KNITTED UNION FLAG HOT WATER BOTTLE", "Home decor"},
        {"84029E", "RED WOOLLY HOTTIE WHITE HEART.", "Home decor"},
        {"22752", "SET 7 BABUSHKA NESTING BOXES", "Gifts"},
        {"21730", "GLASS STAR FROSTED T-LIGHT HOLDER", "Candles & lights"},
        {"22633", "HAND WARMER UNION JACK", "Gifts"},
        {"22632", "HAND WARMER RED POLKA DOT", "Gifts"},
        {"84879", "ASSORTED COLOUR BIRD ORNAMENT", "Home decor"},
        {"22745", "POPPY'S PLAYHOUSE BEDROOM", "Gifts"},
        {"22748", "POPPY'S PLAYHOUSE KITCHEN", "Gifts"},
        {"22749", "FELTCRAFT PRINCESS CHARLOTTE DOLL", "Gifts"},
        {"22310", "IVORY KNITTED MUG COSY", "Kitchen"},
        {"84969", "BOX OF 6 ASSORTED COLOUR TEASPOONS", "Kitchen"},
        {"22623", "BOX OF VINTAGE JIGSAW BLOCKS", "Gifts"},
        {"22622", "BOX OF VINTAGE ALPHABET BLOCKS", "Gifts"},
        {"21754", "HOME BUILDING BLOCK WORD", "Home decor"},
        {"21755", "LOVE BUILDING BLOCK WORD", "Home decor"},
        {"21777", "RECIPE BOX WITH METAL HEART", "Kitchen"},
        {"48187", "DOORMAT NEW ENGLAND", "Home decor"},
        {"22960", "JAM MAKING SET WITH JARS", "Kitchen"},
        {"22913", "RED COAT RACK PARIS FASHION", "Home decor"},
        {"22912", "YELLOW COAT RACK PARIS FASHION", "Home decor"},
        {"22914", "BLUE COAT RACK PARIS FASHION", "Home decor"},
        {"21756", "BATH BUILDING BLOCK WORD", "Home decor"},
        {"22423", "REGENCY CAKESTAND 3 TIER", "Kitchen"},
        {"85099B", "JUMBO BAG RED RETROSPOT", "Bags"},
        {"20725", "LUNCH BAG RED RETROSPOT", "Bags"},
        {"20727", "LUNCH BAG  BLACK SKULL.", "Bags"},
        {"22383", "LUNCH BAG SUKI DESIGN", "Bags"},
        {"23203", "JUMBO BAG DOILEY PATTERNS", "Bags"},
        {"22386", "JUMBO BAG PINK POLKADOT", "Bags"},
        {"85099F", "JUMBO BAG STRAWBERRY", "Bags"},
        {"21212", "PACK OF 72 RETROSPOT CAKE CASES", "Kitchen"},
        {"22197", "SMALL POPCORN HOLDER", "Kitchen"},
        {"84991", "60 TEATIME FAIRY CAKE CASES", "Kitchen"},
        {"22720", "SET OF 3 CAKE TINS PANTRY DESIGN", "Kitchen"},
        {"22666", "RECIPE BOX PANTRY YELLOW DESIGN", "Kitchen"},
        {"47566", "PARTY BUNTING", "Party"},
        {"22090", "PAPER BUNTING RETROSPOT", "Party"},
        {"22086", "PAPER CHAIN KIT 50'S CHRISTMAS", "Party"},
        {"21977", "PACK OF 60 PINK PAISLEY CAKE CASES", "Party"},
        {"22457", "NATURAL SLATE HEART CHALKBOARD", "Home decor"},
        {"22469", "HEART OF WICKER SMALL", "Home decor"},
        {"22470", "HEART OF WICKER LARGE", "Home decor"},
        {"23298", "SPOTTY BUNTING", "Party"},
        {"22138", "BAKING SET 9 PIECE RETROSPOT", "Kitchen"},
        {"22727", "ALARM CLOCK BAKELIKE RED", "Home decor"},
        {"22726", "ALARM CLOCK BAKELIKE GREEN", "Home decor"},
    };
    private static final String[] PERSONAS = {"Champion wholesalers", "Loyal regulars", "New promising buyers",
        "Lapsed one-timers"};
    private static final String[][] FAVOURITES = {{"Kitchen", "Bags"}, {"Home decor", "Candles & lights"},
        {"Gifts", "Party"}, {"Bags", "Home decor"}};
    private static final int[] SHARES = {10, 26, 35, 29};
    private static final long START = Instant.parse("2010-12-01T08:26:00Z").getEpochSecond();

    private FakeRecommendations() {
    }

    /** {@code customers} customers (ids from 12346), seeded, 3–14 purchases each. */
    public static ProjectInteractions.Loaded data(int customers, long seed) {
        Random random = new Random(seed);
        Map<String, ItemCatalog.Item> catalog = new LinkedHashMap<>();
        for (String[] item : ITEMS) {
            catalog.put(item[0], new ItemCatalog.Item(item[0], item[1], item[1].toLowerCase(), item[2]));
        }
        List<Interaction> events = new ArrayList<>();
        Map<String, String> personas = new HashMap<>();
        for (int c = 0; c < customers; c++) {
            String id = Integer.toString(12_346 + c);
            int persona = pick(random);
            personas.put(id, PERSONAS[persona]);
            int purchases = 3 + random.nextInt(persona == 0 ? 12 : 7);
            for (int p = 0; p < purchases; p++) {
                String[] item = chooseItem(random, FAVOURITES[persona]);
                long at = START + (long) random.nextInt(373) * 86_400 + random.nextInt(36_000);
                events.add(new Interaction(id, item[0], 1 + random.nextInt(persona == 0 ? 24 : 6), at));
            }
        }
        return new ProjectInteractions.Loaded(Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 30),
                new ItemCatalog(catalog), personas, DATASET, FakePersonas.RUN);
    }

    /**
     * Puts {@code customers} customers' purchases into the fake engine, with an "rfm" feature set holding each
     * customer's recency, frequency and monetary value computed from those purchases.
     */
    public static void install(FakeEngine engine, int customers) {
        ProjectInteractions.Loaded data = data(customers, 7);
        engine.recommendationData = data;
        Interactions i = data.interactions();
        long latest = Long.MIN_VALUE;
        for (int u = 0; u < i.users(); u++) {
            for (long t : i.timesOf(u)) {
                latest = Math.max(latest, t);
            }
        }
        double[] recency = new double[i.users()];
        double[] frequency = new double[i.users()];
        double[] monetary = new double[i.users()];
        for (int u = 0; u < i.users(); u++) {
            long last = Long.MIN_VALUE;
            for (long t : i.timesOf(u)) {
                last = Math.max(last, t);
            }
            recency[u] = Math.floor((latest - last) / 86_400.0);
            frequency[u] = i.rowSize(u);
            double spent = 0;
            for (double v : i.valuesOf(u)) {
                spent += v * 2.95;
            }
            monetary[u] = Math.round(spent * 100) / 100.0;
        }
        engine.featureTable = new org.personaworkbench.engine.features.FeatureTable(i.userIds(), List.of(
                org.personaworkbench.engine.features.FeatureColumn.numeric("recency_days", true, recency),
                org.personaworkbench.engine.features.FeatureColumn.numeric("frequency", true, frequency),
                org.personaworkbench.engine.features.FeatureColumn.numeric("monetary", false, monetary)));
        engine.featureSetList.add(new org.personaworkbench.engine.project.FeatureSetInfo("rfm", DATASET, "rfm", "{}",
                Instant.parse("2026-11-20T10:00:00Z"), i.users()));
    }

    private static int pick(Random random) {
        int r = random.nextInt(100);
        for (int i = 0; i < SHARES.length; i++) {
            r -= SHARES[i];
            if (r < 0) {
                return i;
            }
        }
        return SHARES.length - 1;
    }

    /** Two thirds of purchases from the favourite categories, the popular items (low index) more often. */
    private static String[] chooseItem(Random random, String[] favourites) {
        while (true) {
            int i = (int) Math.floor(Math.pow(random.nextDouble(), 1.6) * ITEMS.length);
            boolean favourite = List.of(favourites).contains(ITEMS[i][2]);
            if (favourite || random.nextInt(3) == 0) {
                return ITEMS[i];
            }
        }
    }

    /** A fake model: a fixed ranking rule per algorithm, explanations in words, MMR re-rank on item cosine. */
    public static Recommender model(Algorithm algorithm, ProjectInteractions.Loaded loaded) {
        return model(algorithm, loaded, Map.of());
    }

    /** As above, with scores multiplied by the context boosts of {@code contextShares} as the engine does. */
    public static Recommender model(Algorithm algorithm, ProjectInteractions.Loaded loaded,
                                    Map<String, Map<String, Double>> contextShares) {
        return new FakeModel(algorithm, loaded.interactions(), loaded.catalog(), loaded.personaOfUser(),
                contextShares);
    }

    /** Figures that differ by algorithm the way real ones do (item-kNN and ALS well above popularity). */
    public static EvaluationReport report(Algorithm algorithm, EvaluationProtocol protocol, Map<String, String> personas) {
        double base = switch (algorithm) {
            case POPULARITY -> 0.11;
            case ITEM_KNN -> 0.24;
            case USER_KNN -> 0.21;
            case ALS -> 0.26;
            case CONTENT -> 0.09;
            case HYBRID -> 0.27;
        };
        Map<String, Metrics> perPersona = new HashMap<>();
        int p = 0;
        for (String name : new java.util.TreeSet<>(personas.values())) {
            perPersona.put(name, metrics(base * (0.8 + 0.15 * p++), 40 + p * 10, algorithm));
        }
        return new EvaluationReport(algorithm, protocol, metrics(base, 300, algorithm), perPersona,
                Map.of("1-2", metrics(base * 0.5, 30, algorithm), "3-9", metrics(base, 200, algorithm),
                        "10+", metrics(base * 1.2, 70, algorithm)),
                0.02 + algorithm.ordinal() * 0.11, 0.05 + algorithm.ordinal() * 0.03, 0.4 + algorithm.ordinal() * 0.2);
    }

    private static Metrics metrics(double ndcg, int users, Algorithm algorithm) {
        double coverage = algorithm == Algorithm.POPULARITY ? 0.2 : 0.6 + algorithm.ordinal() * 0.05;
        return new Metrics(users, ndcg * 0.45, ndcg * 1.4, ndcg, ndcg * 0.8, Math.min(1, ndcg * 2.6), coverage,
                algorithm == Algorithm.POPULARITY ? 2.1 : 3.4 + algorithm.ordinal() * 0.2,
                algorithm == Algorithm.POPULARITY ? 0.41 : 0.55 + algorithm.ordinal() * 0.03);
    }

    private static final class FakeModel implements Recommender {
        private final Algorithm algorithm;
        private final Interactions data;
        private final ItemCatalog catalog;
        private final Map<String, String> personas;
        private final double[] popularity;
        private final double[][] cosine;
        private final Map<String, Map<String, Double>> contextShares;

        FakeModel(Algorithm algorithm, Interactions data, ItemCatalog catalog, Map<String, String> personas,
                  Map<String, Map<String, Double>> contextShares) {
            this.contextShares = contextShares;
            this.algorithm = algorithm;
            this.data = data;
            this.catalog = catalog;
            this.personas = personas;
            int n = data.items();
            popularity = new double[n];
            double[][] dot = new double[n][n];
            for (int u = 0; u < data.users(); u++) {
                int[] items = data.itemsOf(u);
                for (int a : items) {
                    popularity[a]++;
                    for (int b : items) {
                        dot[a][b]++;
                    }
                }
            }
            cosine = new double[n][n];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    cosine[a][b] = dot[a][a] * dot[b][b] > 0 ? dot[a][b] / Math.sqrt(dot[a][a] * dot[b][b]) : 0;
                }
            }
        }

        @Override
        public Algorithm algorithm() {
            return algorithm;
        }

        @Override
        public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
            int[] seen = user >= 0 && user < data.users() ? data.itemsOf(user) : new int[0];
            double max = 0;
            for (double p : popularity) {
                max = Math.max(max, p);
            }
            List<int[]> candidates = new ArrayList<>();
            double[] score = new double[data.items()];
            int[] because = new int[data.items()];
            for (int i = 0; i < data.items(); i++) {
                if (request.excludeSeen() && java.util.Arrays.binarySearch(seen, i) >= 0) {
                    continue;
                }
                because[i] = -1;
                score[i] = switch (algorithm) {
                    case POPULARITY -> popularity[i] / max;
                    case ITEM_KNN, HYBRID -> {
                        double s = 0;
                        double best = -1;
                        for (int j : seen) {
                            s += cosine[i][j];
                            if (cosine[i][j] > best) {
                                best = cosine[i][j];
                                because[i] = j;
                            }
                        }
                        yield seen.length == 0 ? popularity[i] / max : s / seen.length
                                + (algorithm == Algorithm.HYBRID ? 0.2 * popularity[i] / max : 0);
                    }
                    default -> ((i * 7 + algorithm.ordinal() * 13 + user) % 50) / 50.0;
                };
                score[i] *= boost(request.context(), data.itemId(i));
                candidates.add(new int[] {i});
            }
            candidates.sort((a, b) -> Double.compare(score[b[0]], score[a[0]]));
            List<Integer> pool = new ArrayList<>();
            for (int k = 0; k < Math.min(candidates.size(), 3 * n); k++) {
                pool.add(candidates.get(k)[0]);
            }
            double top = pool.isEmpty() ? 1 : Math.max(1e-9, score[pool.getFirst()]);
            double lambda = request.diversity();
            List<Integer> chosen = new ArrayList<>();
            while (chosen.size() < n && !pool.isEmpty()) {
                int bestAt = 0;
                double bestValue = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < pool.size(); k++) {
                    int i = pool.get(k);
                    double similarity = 0;
                    for (int j : chosen) {
                        similarity = Math.max(similarity, cosine[i][j]);
                    }
                    double value = (1 - lambda) * score[i] / top - lambda * similarity;
                    if (value > bestValue) {
                        bestValue = value;
                        bestAt = k;
                    }
                }
                chosen.add(pool.remove(bestAt));
            }
            String persona = user >= 0 && user < data.users() ? personas.get(data.userId(user)) : null;
            List<Recommendation> out = new ArrayList<>();
            for (int i : chosen) {
                out.add(new Recommendation(i, data.itemId(i), score[i], explanation(i, because[i], persona)));
            }
            return out;
        }

        /** The engine's rule: 1 + (lift − 1) / 2 above the context's overall share, at most 1.5. */
        private double boost(String context, String item) {
            Map<String, Double> shares = context == null ? null : contextShares.get(context);
            if (shares == null) {
                return 1;
            }
            double lift = shares.getOrDefault(item, 0.0) / shares.get(ContextShares.OVERALL);
            return lift > 1 ? Math.min(ContextShares.MAX_BOOST, 1 + (lift - 1) / 2) : 1;
        }

        private String explanation(int item, int because, String persona) {
            return switch (algorithm) {
                case POPULARITY -> String.format("Bought by %d customers", (int) popularity[item]);
                case ITEM_KNN -> because < 0 ? "Popular overall"
                        : "Because you bought " + catalog.title(data.itemId(because));
                case USER_KNN -> persona == null ? "Customers like you bought it"
                        : "Customers like you (" + persona + ") bought it";
                case ALS -> "Matches your taste profile (" + catalog.category(data.itemId(item)) + ")";
                case CONTENT -> "Similar text: " + catalog.category(data.itemId(item)).toLowerCase();
                case HYBRID -> because < 0 ? "Popular overall"
                        : "Blend: bought with " + catalog.title(data.itemId(because));
            };
        }
    }
}
