package org.personaworkbench.engine.experiments;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.common.CancellationToken;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanditReplayTest {

    /** 10,000 users per arm converting at exactly {@code rate} (shuffled by a seeded generator). */
    private static Arm arm(String name, double rate, long seed) {
        int n = 10_000;
        boolean[] converted = new boolean[n];
        int x = (int) Math.round(rate * n);
        for (int i = 0; i < x; i++) {
            converted[i] = true;
        }
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            boolean t = converted[i];
            converted[i] = converted[j];
            converted[j] = t;
        }
        return new Arm(name, n, x, Double.NaN, Double.NaN, null, null, converted, null);
    }

    private static final List<Arm> CLEAR_WINNER = List.of(arm("A", 0.10, 1), arm("B", 0.14, 2));

    @Test
    void thompsonLosesFewerConversionsThanTheFixedSplitWhenOneArmClearlyWins() {
        BanditReplay.Report r = BanditReplay.replay(CLEAR_WINNER, 7, 5, CancellationToken.create());
        assertEquals("B", r.bestArm());
        assertArrayEquals(new double[] {0.10, 0.14}, r.observedRates(), 1e-12);
        BanditReplay.Strategy fixed = r.strategy(BanditReplay.FIXED_SPLIT);
        BanditReplay.Strategy thompson = r.strategy(BanditReplay.THOMPSON);
        assertEquals(20_000, fixed.users());
        // the equal split sends exactly half the users to A, each losing 0.04 expected conversions
        assertArrayEquals(new double[] {0.5, 0.5}, fixed.share(), 1e-12);
        assertEquals(10_000 * 0.04, fixed.regret(), 1e-9);
        assertEquals(0.12 * 20_000, fixed.conversions(), 150);
        assertTrue(thompson.regret() < fixed.regret() / 5, "Thompson regret " + thompson.regret());
        assertTrue(thompson.share()[1] > 0.9, "share to B " + thompson.share()[1]);
        assertTrue(thompson.conversions() > fixed.conversions() + 200,
                thompson.conversions() + " vs " + fixed.conversions());
        assertEquals(thompson.regret(), 0.04 * thompson.share()[0] * 20_000, 1e-6);
    }

    @Test
    void theSameSeedReplaysIdenticallyAndAnotherSeedDiffers() {
        BanditReplay.Report a = BanditReplay.replay(CLEAR_WINNER, 11, 3, CancellationToken.create());
        BanditReplay.Report b = BanditReplay.replay(CLEAR_WINNER, 11, 3, CancellationToken.create());
        BanditReplay.Report c = BanditReplay.replay(CLEAR_WINNER, 12, 3, CancellationToken.create());
        for (String s : List.of(BanditReplay.FIXED_SPLIT, BanditReplay.THOMPSON)) {
            assertEquals(a.strategy(s).conversions(), b.strategy(s).conversions());
            assertEquals(a.strategy(s).regret(), b.strategy(s).regret());
            assertArrayEquals(a.strategy(s).share(), b.strategy(s).share());
        }
        assertNotEquals(a.strategy(BanditReplay.THOMPSON).regret(), c.strategy(BanditReplay.THOMPSON).regret());
    }

    @Test
    void aggregatedCountsHaveNoReplay() {
        assertNull(BanditReplay.replay(List.of(Arm.counts("A", 100, 10), Arm.counts("B", 100, 12)), 1, 5,
                CancellationToken.create()));
    }
}
