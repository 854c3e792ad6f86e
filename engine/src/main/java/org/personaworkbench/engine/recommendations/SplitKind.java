package org.personaworkbench.engine.recommendations;

/** How interactions are split into training and test for offline evaluation. */
public enum SplitKind {
    /** Per user, a seeded random share of their interactions is held out ("random:0.2"). */
    RANDOM,
    /** Per user, the last N interactions by time are held out ("temporal:2"), or everything after a date. */
    TEMPORAL,
    /** Per user, one random interaction is held out ("loo"). */
    LEAVE_ONE_OUT
}
