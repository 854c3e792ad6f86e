package org.personaworkbench.app.personas;

import org.personaworkbench.engine.segmentation.FeatureComparison;
import org.personaworkbench.engine.segmentation.SegmentProfile;
import org.personaworkbench.engine.segmentation.SegmentProfiles;

import java.util.Comparator;
import java.util.List;

/**
 * One row of a persona's trait table: a feature of its segment against all other customers, with the test.
 *
 * @param significant q below {@link #ALPHA}
 */
public record TraitRow(String feature, double mean, double othersMean, double lift, double effectSize, double p,
                       double q, boolean significant) {

    /** The false-discovery rate below which a difference is marked significant. */
    public static final double ALPHA = 0.05;

    static TraitRow of(FeatureComparison f) {
        return new TraitRow(f.feature(), f.mean(), f.othersMean(), f.lift(), f.effectSize(), f.p(), f.q(),
                f.q() < ALPHA);
    }

    /** The segment's rows from the run's profiles, largest |effect size| first; empty when it has no profile. */
    static List<TraitRow> forSegment(SegmentProfiles profiles, int segment) {
        if (profiles == null) {
            return List.of();
        }
        return profiles.segments().stream().filter(s -> s.segment() == segment).findFirst()
                .map(SegmentProfile::features).orElse(List.of()).stream()
                .map(TraitRow::of)
                .sorted(Comparator.comparingDouble((TraitRow r) -> Double.isNaN(r.effectSize())
                        ? -1 : Math.abs(r.effectSize())).reversed())
                .toList();
    }
}
