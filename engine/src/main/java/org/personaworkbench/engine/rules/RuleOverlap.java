package org.personaworkbench.engine.rules;

import java.util.List;

/**
 * A rule segment set against the segments of a saved segmentation run, to see which clusters (and so which
 * personas) a hand-written rule picks from.
 *
 * @param rule        the rule as {@link Rule#text()} prints it
 * @param run         the run's name
 * @param ruleMembers customers satisfying the rule
 * @param runRows     rows (customers) of the run
 * @param notInRun    rule members the run does not have (for example customers left out for missing values)
 * @param segments    one entry per segment in segment order (noise, -1, first when present)
 */
public record RuleOverlap(String rule, String run, long ruleMembers, long runRows, long notInRun,
                          List<SegmentOverlap> segments) {
    public RuleOverlap {
        segments = List.copyOf(segments);
    }
}
