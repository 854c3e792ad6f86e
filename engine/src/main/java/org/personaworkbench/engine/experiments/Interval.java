package org.personaworkbench.engine.experiments;

/** A two-sided interval [lo, hi]. */
public record Interval(double lo, double hi) {

    /** The interval as a two-element array, for JSON. */
    public double[] toArray() {
        return new double[] {lo, hi};
    }
}
