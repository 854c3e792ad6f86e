package org.personaworkbench.engine.recommendations;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlsTest {

    /**
     * 40 users in two taste groups over 20 items (0–9 and 10–19); each user misses one item of their block and
     * a few have one item of the other block.
     */
    private static Interactions twoBlocks(FeedbackKind kind) {
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            int base = u < 20 ? 0 : 10;
            for (int i = 0; i < 10; i++) {
                if (i == u % 10) {
                    continue;
                }
                events.add(new Interaction("u" + u, "i" + (base + i), kind == FeedbackKind.EXPLICIT ? 5 : 1, u * 100L + i));
            }
            if (u % 5 == 0) {
                // a few users also have one item of the other block: noise the factors should not follow
                events.add(new Interaction("u" + u, "i" + (19 - base - u % 10), 1, 0));
            }
        }
        return Interactions.of(events, kind, 30);
    }

    @Test
    void implicitAlsRanksTheMissingItemOfTheUsersBlockFirst() {
        Interactions train = twoBlocks(FeedbackKind.IMPLICIT_COUNT);
        Recommender model = Als.fit(train, RecommenderOptions.defaults(Algorithm.ALS).withAls(4, 0.1, 10, 15),
                Progress.NONE, CancellationToken.create());
        int firstBlockHits = 0;
        for (int u = 0; u < 40; u++) {
            int user = train.userIndex("u" + u).orElseThrow();
            String missing = "i" + ((u < 20 ? 0 : 10) + u % 10);
            List<Recommendation> top = model.recommend(user, 1, RecommendRequest.defaults());
            if (top.get(0).itemId().equals(missing)) {
                firstBlockHits++;
            }
        }
        assertTrue(firstBlockHits >= 38, "missing block item ranked first for " + firstBlockHits + " of 40 users");
    }

    @Test
    void explicitAlsReproducesARankTwoRatingMatrix() {
        // r(u, i) = a_u·b_i with two factors; one cell held out and predicted
        double[][] a = {{1, 0.2}, {0.9, 0.5}, {0.1, 1}, {0.3, 0.8}, {0.6, 0.6}, {1, 1}};
        double[][] b = {{4, 1}, {3, 2}, {1, 4}, {2, 3}, {0.5, 4.5}, {4.5, 0.5}};
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < a.length; u++) {
            for (int i = 0; i < b.length; i++) {
                if (u == 0 && i == 2) {
                    continue;
                }
                events.add(new Interaction("u" + u, "i" + i, a[u][0] * b[i][0] + a[u][1] * b[i][1], i));
            }
        }
        Interactions train = Interactions.of(events, FeedbackKind.EXPLICIT, 0);
        Als.Model model = (Als.Model) Als.fit(train, RecommenderOptions.defaults(Algorithm.ALS)
                .withAls(2, 0.001, 0, 200), Progress.NONE, CancellationToken.create());
        double expected = a[0][0] * b[2][0] + a[0][1] * b[2][1];
        assertEquals(expected, model.score(0, train.itemIndex("i2").orElseThrow()), 0.15);
        assertEquals(a[3][0] * b[4][0] + a[3][1] * b[4][1], model.score(3, train.itemIndex("i4").orElseThrow()), 0.05);
    }

    @Test
    void choleskySolvesASmallSymmetricSystem() {
        double[] m = {4, 2, 1, 2, 3, 0.5, 1, 0.5, 2};
        double[] x = {1, -2, 0.5};
        double[] rhs = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rhs[i] += m[i * 3 + j] * x[j];
            }
        }
        Als.Cholesky.solveInPlace(m.clone(), rhs, 3);
        assertArrayEquals(x, rhs, 1e-12);
    }

    @Test
    void sameSeedGivesIdenticalListsAndAnotherSeedDifferentFactors() {
        Interactions train = twoBlocks(FeedbackKind.IMPLICIT_COUNT);
        RecommenderOptions options = RecommenderOptions.defaults(Algorithm.ALS).withAls(8, 0.1, 5, 3);
        Recommender first = Als.fit(train, options, Progress.NONE, CancellationToken.create());
        Recommender second = Als.fit(train, options, Progress.NONE, CancellationToken.create());
        Recommender other = Als.fit(train, options.withSeed(7), Progress.NONE, CancellationToken.create());
        boolean differs = false;
        for (int u = 0; u < train.users(); u++) {
            List<Recommendation> x = first.recommend(u, 5, RecommendRequest.defaults());
            assertEquals(x, second.recommend(u, 5, RecommendRequest.defaults()));
            differs |= x.get(0).score() != other.recommend(u, 5, RecommendRequest.defaults()).get(0).score();
        }
        assertTrue(differs);
    }

    @Test
    void listsLeaveOutSeenItemsUnlessAskedAndColdUsersGetNothing() {
        Interactions train = twoBlocks(FeedbackKind.IMPLICIT_COUNT);
        ItemCatalog catalog = new ItemCatalog(Map.of("i3", new ItemCatalog.Item("i3", "Blue mug", "", "kitchen")));
        Recommender model = Als.fit(train, RecommenderOptions.defaults(Algorithm.ALS).withAls(4, 0.1, 10, 15)
                .withCatalog(catalog), Progress.NONE, CancellationToken.create());
        List<Recommendation> unseen = model.recommend(0, 20, RecommendRequest.defaults());
        assertEquals(train.items() - train.rowSize(0), unseen.size());
        unseen.forEach(r -> assertFalse(train.has(0, r.item())));
        assertEquals(20, model.recommend(0, 20, RecommendRequest.defaults().withExcludeSeen(false)).size());
        assertTrue(model.recommend(train.users(), 10, RecommendRequest.defaults()).isEmpty());
        // user u0 misses i0; its most similar owned item is named in the explanation
        Recommendation best = unseen.get(0);
        assertEquals("i0", best.itemId());
        assertTrue(best.explanation().startsWith("matches your taste profile (factors) — similar to "),
                best.explanation());
        for (int r = 1; r < unseen.size(); r++) {
            assertTrue(unseen.get(r - 1).score() >= unseen.get(r).score());
        }
    }

    @Test
    void oneThreadAndTheCommonPoolTrainTheSameModel() throws Exception {
        // 300 users and 200 items: several chunks of rows on each side, so the pool really splits the work
        java.util.Random random = new java.util.Random(3);
        List<Interaction> events = new ArrayList<>();
        for (int u = 0; u < 300; u++) {
            for (int j = 0; j < 15; j++) {
                events.add(new Interaction("u" + u, "i" + random.nextInt(200), 1 + random.nextInt(3), j));
            }
        }
        Interactions train = Interactions.of(events, FeedbackKind.IMPLICIT_COUNT, 0);
        assertTrue(train.users() > 2 * Als.CHUNK && train.items() > 2 * Als.CHUNK);
        RecommenderOptions options = RecommenderOptions.defaults(Algorithm.ALS).withAls(6, 1, 2, 4);
        Recommender pooled = Als.fit(train, options, Progress.NONE, CancellationToken.create());
        java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
        try {
            Recommender alone = single.submit(() -> Als.fit(train, options, Progress.NONE, CancellationToken.create()))
                    .get();
            for (int u = 0; u < train.users(); u++) {
                assertEquals(pooled.recommend(u, 20, RecommendRequest.defaults()),
                        alone.recommend(u, 20, RecommendRequest.defaults()));
            }
        } finally {
            single.shutdown();
        }
    }

    @Test
    void cancelledTrainingStops() {
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> Als.fit(twoBlocks(FeedbackKind.IMPLICIT_COUNT),
                RecommenderOptions.defaults(Algorithm.ALS), Progress.NONE, cancel));
    }
}
