package org.personaworkbench.engine.recommendations;

/** How raw interactions become the strengths models learn from. */
public enum FeedbackKind {
    /** Explicit ratings (a 1–5 star value, the last one per user and item). */
    EXPLICIT,
    /** Implicit: the number (or summed quantity) of interactions per user and item. */
    IMPLICIT_COUNT,
    /** Implicit: each interaction weighted by 2^(−age / half-life), age measured from the latest interaction. */
    IMPLICIT_RECENCY
}
