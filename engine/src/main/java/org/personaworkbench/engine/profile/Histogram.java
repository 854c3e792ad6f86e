package org.personaworkbench.engine.profile;

import java.util.List;

/** Equal-width bins from {@code min} to {@code max}; {@code counts.get(i)} rows fall in bin i. */
public record Histogram(double min, double max, List<Long> counts) {
    public Histogram {
        counts = List.copyOf(counts);
    }
}
