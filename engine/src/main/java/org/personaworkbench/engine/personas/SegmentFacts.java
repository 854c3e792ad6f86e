package org.personaworkbench.engine.personas;

import org.personaworkbench.engine.segmentation.FeatureComparison;

import java.util.List;
import java.util.Map;

/**
 * What the data says about one segment, the input of naming, goal and text suggestions.
 *
 * @param segment   segment number
 * @param figures   key figures
 * @param signals   the segment against everyone else on the RFM columns that are known ({@code recency_days},
 *                  {@code frequency}, {@code monetary}, {@code average_order_value}, {@code distinct_categories},
 *                  {@code tenure_days}),
 *                  tested ones from the run's profile, the others computed from the joined RFM values
 * @param tested    every feature comparison of the run's profile for this segment (empty without a profile)
 * @param traits    the profile's traits in plain words, most distinguishing first
 * @param labels    readable names of share columns ({@code share_home_decor} → "Home Decor")
 */
record SegmentFacts(int segment, PersonaFigures figures, Map<String, Signal> signals, List<FeatureComparison> tested,
                    List<String> traits, Map<String, String> labels) {

    SegmentFacts {
        signals = Map.copyOf(signals);
        tested = List.copyOf(tested);
        traits = List.copyOf(traits);
        labels = Map.copyOf(labels);
    }

    /**
     * One column of one segment against the rest.
     *
     * @param mean       segment mean
     * @param othersMean mean of everyone else
     * @param lift       mean / othersMean for tested values (NaN when othersMean is 0); for untested ones the ratio
     *                   of medians (see {@link RunFacts})
     * @param q          BH-adjusted p of the profile's test, or NaN when the value was not tested
     */
    record Signal(double mean, double othersMean, double lift, double q) {

        /** Significant at 5% when tested; untested values count (they only set the RFM position). */
        boolean counts() {
            return Double.isNaN(q) || q < 0.05;
        }

        static Signal of(FeatureComparison c) {
            return new Signal(c.mean(), c.othersMean(), c.lift(), c.q());
        }
    }
}
