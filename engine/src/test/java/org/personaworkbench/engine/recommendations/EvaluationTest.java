package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    private static double lg(int rankPlusOne) {
        return Math.log(rankPlusOne) / Math.log(2);
    }

    /** A model that returns the same fixed ranking to everyone. */
    private static Recommender fixed(Interactions train, int... ranking) {
        return new Recommender() {
            @Override
            public Algorithm algorithm() {
                return Algorithm.POPULARITY;
            }

            @Override
            public List<Recommendation> recommend(int user, int n, RecommendRequest request) {
                List<Recommendation> out = new ArrayList<>();
                for (int i : ranking) {
                    if (out.size() < n) {
                        out.add(new Recommendation(i, train.itemId(i), -out.size(), "fixed"));
                    }
                }
                return out;
            }
        };
    }

    @Test
    void metricsOfAKnownRankingMatchHandComputedValues() {
        // items a..f = 0..5; users: A has train {a}, test {b (5), d (5), e (2)}; B has train {a, b, c}, test {f (4)}
        List<Interaction> events = List.of(
                new Interaction("A", "a", 5, 1), new Interaction("A", "b", 5, 2), new Interaction("A", "c", 3, 0),
                new Interaction("A", "d", 5, 3), new Interaction("A", "e", 2, 4), new Interaction("A", "f", 1, 0),
                new Interaction("B", "a", 4, 1), new Interaction("B", "b", 4, 2), new Interaction("B", "c", 4, 3),
                new Interaction("B", "f", 4, 9));
        Interactions all = Interactions.of(events, FeedbackKind.EXPLICIT, 0);
        // A's c and f stay in train with a and ... make train explicit: A {a, c, f}, B {a, b, c}
        Interactions train = all.filter((u, i, v, t) -> u == 0 ? i == 0 || i == 2 || i == 5 : i != 5);
        Interactions test = all.filter((u, i, v, t) -> !train.has(u, i));
        Splits.Split split = new Splits.Split(train, test);
        EvaluationProtocol protocol = new EvaluationProtocol(SplitKind.RANDOM, 0.2, 1, 4, 3,
                EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, 0);
        // ranking for everybody: d, e, b, f (k = 3 keeps d, e, b)
        Recommender model = fixed(train, 3, 4, 1, 5);
        EvaluationReport report = Evaluation.score(all, split, protocol, model, Algorithm.POPULARITY, 0.5,
                Map.of("A", "Bargain hunters", "B", "Loyal"), Progress.NONE, CancellationToken.create());

        // A: relevant {b, d}; hits at ranks 1 (d) and 3 (b)
        double pA = 2 / 3.0;
        double rA = 1.0;
        double ndcgA = (1 / lg(2) + 1 / lg(4)) / (1 / lg(2) + 1 / lg(3));
        double apA = (1.0 / 1 + 2.0 / 3) / 2;
        // B: relevant {f}; no hit in d, e, b
        Metrics m = report.metrics();
        assertEquals(2, m.users());
        assertEquals((pA + 0) / 2, m.precision(), 1e-12);
        assertEquals((rA + 0) / 2, m.recall(), 1e-12);
        assertEquals((ndcgA + 0) / 2, m.ndcg(), 1e-12);
        assertEquals((apA + 0) / 2, m.map(), 1e-12);
        assertEquals(0.5, m.hitRate(), 1e-12);
        assertEquals(3 / 6.0, m.coverage(), 1e-12);
        // training users per item: a 2, b 1, c 2, d 0 (counts as 1), e 0 (1), f 1; 2 active users
        double novelty = (-lg(1) / 1 + 1 + 1 + 1) / 3; // −log2(1/2) = 1 for d, e and b
        assertEquals(1.0, novelty, 1e-12);
        assertEquals(1.0, m.novelty(), 1e-12);
        // d and e have no training users (cosine 0); b with either: 0 ⇒ every pair dissimilarity 1
        assertEquals(1.0, m.diversity(), 1e-12);
        assertEquals(ndcgA, report.perPersona().get("Bargain hunters").ndcg(), 1e-12);
        assertEquals(0.0, report.perPersona().get("Loyal").ndcg(), 1e-12);
        assertEquals(2, report.perBucket().get("3-9").users());
        assertEquals(0, report.perBucket().get("1-2").users());
        assertEquals(0.5, report.trainSeconds(), 0);
    }

    @Test
    void diversityIsOneMinusCosineOfTrainingColumns() {
        // train: u0 {0, 1}, u1 {0, 1}, u2 {0, 2}; test: u0 {3}
        List<Interaction> events = new ArrayList<>(List.of(
                new Interaction("u0", "0", 1, 0), new Interaction("u0", "1", 1, 0), new Interaction("u1", "0", 1, 0),
                new Interaction("u1", "1", 1, 0), new Interaction("u2", "0", 1, 0), new Interaction("u2", "2", 1, 0),
                new Interaction("u0", "3", 1, 0)));
        Interactions all = Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
        Interactions train = all.filter((u, i, v, t) -> i != 3);
        Splits.Split split = new Splits.Split(train, all.filter((u, i, v, t) -> i == 3));
        EvaluationProtocol protocol = new EvaluationProtocol(SplitKind.RANDOM, 0.2, 1, 0, 3,
                EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, 0);
        EvaluationReport report = Evaluation.score(all, split, protocol, fixed(train, 0, 1, 2),
                Algorithm.POPULARITY, 0, Map.of(), Progress.NONE, CancellationToken.create());
        // cos(0,1) = 2/sqrt(3·2), cos(0,2) = 1/sqrt(3·1), cos(1,2) = 0
        double expected = ((1 - 2 / Math.sqrt(6)) + (1 - 1 / Math.sqrt(3)) + 1) / 3;
        assertEquals(expected, report.metrics().diversity(), 1e-12);
        assertEquals(0.0, report.metrics().ndcg(), 1e-12);
        // novelty: −log2(3/3), −log2(2/3), −log2(1/3)
        assertEquals((0 - lg(2) + lg(3) + lg(3)) / 3, report.metrics().novelty(), 1e-12);
    }

    @Test
    void randomSplitHoldsOutTheShareKeepsOneInTrainAndRepeatsWithTheSeed() {
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i <= u; i++) {
                events.add(new Interaction("u" + u, "i" + i, 3, i));
            }
        }
        Interactions all = Interactions.of(events, FeedbackKind.EXPLICIT, 0);
        EvaluationProtocol protocol = EvaluationProtocol.movieLensDefault(5);
        Splits.Split a = Splits.split(all, protocol);
        Splits.Split b = Splits.split(all, protocol);
        for (int u = 0; u < all.users(); u++) {
            int n = all.rowSize(u);
            int held = n >= 2 ? Math.min(n - 1, (int) Math.round(0.2 * n)) : 0;
            assertEquals(held, a.test().rowSize(u), "user " + u);
            assertEquals(n - held, a.train().rowSize(u));
            assertTrue(Arrays.equals(a.test().itemsOf(u), b.test().itemsOf(u)));
        }
        Splits.Split other = Splits.split(all, EvaluationProtocol.movieLensDefault(6));
        boolean differs = false;
        for (int u = 0; u < all.users(); u++) {
            differs |= !Arrays.equals(a.test().itemsOf(u), other.test().itemsOf(u));
        }
        assertTrue(differs);
    }

    @Test
    void temporalSplitHoldsOutTheLatestInteractions() {
        List<Interaction> events = List.of(new Interaction("u", "x", 1, 30), new Interaction("u", "y", 1, 10),
                new Interaction("u", "z", 1, 20), new Interaction("v", "x", 1, 5));
        Interactions all = Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
        EvaluationProtocol protocol = new EvaluationProtocol(SplitKind.TEMPORAL, 2, 1, 0, 10,
                EvaluationProtocol.ALL_UNSEEN, EvaluationProtocol.BINARY_NDCG, 0);
        Splits.Split split = Splits.split(all, protocol);
        assertEquals(List.of("x", "z"), Arrays.stream(split.test().itemsOf(0)).mapToObj(all::itemId).sorted().toList());
        assertEquals(List.of("y"), Arrays.stream(split.train().itemsOf(0)).mapToObj(all::itemId).toList());
        assertEquals(0, split.test().rowSize(1)); // one interaction only: it stays in training
    }

    @Test
    void percentileIsNearestRank() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, Evaluation.percentile(v, 0.5), 0);
        assertEquals(99, Evaluation.percentile(v, 0.99), 0);
    }
}
