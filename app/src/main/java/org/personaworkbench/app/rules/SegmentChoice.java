package org.personaworkbench.app.rules;

/**
 * A segment of a saved run offered as a starting rule: its label and its surrogate decision-tree rule as rule
 * text (null when the run has no rule for it, {@code note} then says why).
 */
public record SegmentChoice(int segment, String label, String ruleText, String note) {
    @Override
    public String toString() {
        return label;
    }
}
