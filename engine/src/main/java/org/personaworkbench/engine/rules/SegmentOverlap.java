package org.personaworkbench.engine.rules;

/**
 * How one segment of a saved run overlaps a rule segment.
 *
 * @param segment        the segment number (-1 for density-clustering noise)
 * @param size           rows of the run in the segment
 * @param both           customers in the segment who also satisfy the rule
 * @param shareOfRule    both / the rule's members (0 when the rule has none)
 * @param shareOfSegment both / size (0 for an empty segment)
 */
public record SegmentOverlap(int segment, long size, long both, double shareOfRule, double shareOfSegment) {
}
