package org.personaworkbench.engine.personas;

import org.junit.jupiter.api.Test;
import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonaNamerTest {

    @Test
    void plantedRfmGroupsGetDistinctSensibleNamesAndGoals() {
        List<PersonaNamer.Suggestion> s = PersonaNamer.suggest(new PlantedShop(120, false, 11).profiles());

        assertEquals(List.of(0, 1, 2, 3), s.stream().map(PersonaNamer.Suggestion::segment).toList());
        assertDistinct(s);
        assertEquals("Loyal high spenders", s.get(0).name());
        assertEquals("Lapsed bargain hunters", s.get(1).name());
        assertEquals("New first-time buyers", s.get(2).name());
        assertEquals("Frequent small-basket buyers", s.get(3).name());
        assertTrue(s.get(0).name().contains("spender"));
        assertTrue(s.get(1).name().startsWith("Lapsed") || s.get(1).name().startsWith("At-risk"));
        assertEquals(List.of(ActionableGoal.RETAIN, ActionableGoal.WIN_BACK, ActionableGoal.ONBOARD,
                ActionableGoal.UPSELL), s.stream().map(PersonaNamer.Suggestion::goal).toList());
    }

    @Test
    void twoSegmentsWithTheSameRfmPositionAreToldApartByTheirNextTrait() {
        List<PersonaNamer.Suggestion> s = PersonaNamer.suggest(new PlantedShop(120, true, 12).profiles());

        assertDistinct(s);
        assertEquals("Lapsed bargain hunters (high tenure)", s.get(1).name());
        assertEquals("Lapsed bargain hunters (low tenure)", s.get(4).name());
        assertEquals("Loyal high spenders", s.get(0).name(), "segments without a clash keep their plain name");
    }

    @Test
    void identicalSegmentsWithoutAnyOtherTraitFallBackToTheSegmentNumber() {
        FeatureComparison lapsed = new FeatureComparison("recency_days", 300, 300, 30, 30, 10, 3, 1e-9, 1e-8);
        FeatureComparison cheap = new FeatureComparison("monetary", 20, 20, 200, 200, 0.1, -2, 1e-9, 1e-8);
        SegmentProfile a = new SegmentProfile(0, 10, 0.5, List.of(lapsed, cheap), List.of(), null);
        SegmentProfile b = new SegmentProfile(1, 10, 0.5, List.of(lapsed, cheap), List.of(), null);

        List<PersonaNamer.Suggestion> s = PersonaNamer.suggest(new SegmentProfiles(20, List.of(), List.of(a, b)));

        assertEquals(List.of("Lapsed light spenders (segment 0)", "Lapsed light spenders (segment 1)"),
                s.stream().map(PersonaNamer.Suggestion::name).toList());
    }

    @Test
    void onlyTheBiggestSpenderIsChampionsAndSameNamesWithoutOtherTraitsAreGradedBySpend() {
        SegmentProfile elite = rfm(0, 5, 20, 70);
        SegmentProfile veryGood = rfm(1, 8, 6, 8);
        SegmentProfile lapsed = rfm(2, 300, 1, 2.5);
        SegmentProfile lapsedRicher = rfm(3, 300, 1, 5.5);

        List<PersonaNamer.Suggestion> s = PersonaNamer.suggest(new SegmentProfiles(40, List.of(),
                List.of(elite, veryGood, lapsed, lapsedRicher)));

        assertEquals(List.of("Champions", "Loyal high spenders", "At-risk high spenders (lower spend)",
                "At-risk high spenders (higher spend)"), s.stream().map(PersonaNamer.Suggestion::name).toList(),
                "segment 1 also qualifies as Champions but spends less than segment 0; 2 and 3 differ only in spend");
    }

    /** A segment with recency (% of the rest's), order and spend lifts against the rest, all significant. */
    private static SegmentProfile rfm(int segment, double recencyPercent, double ordersLift, double spendLift) {
        return new SegmentProfile(segment, 10, 0.25, List.of(
                new FeatureComparison("recency_days", recencyPercent, recencyPercent, 100, 100, recencyPercent / 100,
                        -1.5, 1e-9, 1e-8),
                new FeatureComparison("frequency", 5 * ordersLift, 5 * ordersLift, 5, 5, ordersLift, 1.5, 1e-9, 1e-8),
                new FeatureComparison("monetary", 100 * spendLift, 100 * spendLift, 100, 100, spendLift, 1.5, 1e-9,
                        1e-8)), List.of(), null);
    }

    @Test
    void nonRfmFeaturesAreNamedByTheirTwoStrongestTestedTraits() {
        SegmentProfile rich = new SegmentProfile(0, 50, 0.5, List.of(
                new FeatureComparison("income", 90, 90, 30, 30, 3, 2.5, 1e-9, 1e-8),
                new FeatureComparison("age", 25, 25, 45, 45, 0.55, -1.5, 1e-9, 1e-8),
                new FeatureComparison("household_size", 3, 3, 2.9, 2.9, 1.03, 0.9, 0.2, 0.3)), List.of(), null);
        SegmentProfile other = new SegmentProfile(1, 50, 0.5, List.of(
                new FeatureComparison("income", 30, 30, 90, 90, 0.33, -2.5, 1e-9, 1e-8),
                new FeatureComparison("age", 45, 45, 25, 25, 1.8, 1.5, 1e-9, 1e-8)), List.of(), null);

        List<PersonaNamer.Suggestion> s = PersonaNamer.suggest(new SegmentProfiles(100, List.of(),
                List.of(rich, other)));

        assertEquals(List.of("High income, low age", "Low income, high age"),
                s.stream().map(PersonaNamer.Suggestion::name).toList());
    }

    private static void assertDistinct(List<PersonaNamer.Suggestion> s) {
        Set<String> names = new HashSet<>();
        s.forEach(x -> assertTrue(names.add(x.name().toLowerCase(Locale.ROOT)), "duplicate name " + x.name()));
    }
}
