package org.personaworkbench.engine.features;

/** How many customers fell into one RFM segment, and their share of all customers (0–1). */
public record SegmentCount(String name, long customers, double share) {
}
