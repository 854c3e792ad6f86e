package org.personaworkbench.app.experiments;

/**
 * One line of the forest plot: a variant against control overall or within a segment, its lift and interval in
 * the plot's unit (percentage points, or the metric's units), and whether the segment is too small to say.
 *
 * @param segment null for the overall comparison
 */
public record ForestRow(String variant, String segment, double lift, double lo, double hi, boolean tooSmall) {

    /** "B vs A" or "B · Germany". */
    public String label(String control, boolean singleVariant) {
        if (segment == null) {
            return variant + " vs " + control;
        }
        return singleVariant ? segment : variant + " · " + segment; // one variant: the overall row names it
    }
}
