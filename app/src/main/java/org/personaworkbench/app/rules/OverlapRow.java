package org.personaworkbench.app.rules;

/**
 * One segment of a run set against the rule: its label (persona name or "Segment n"), size, the customers in
 * both, and that overlap as a share of the rule's members and of the segment.
 */
public record OverlapRow(int segment, String label, long size, long both, double shareOfRule,
                         double shareOfSegment) {
}
