package org.personaworkbench.engine.profile;

/** A value and how many rows hold it. */
public record ValueCount(String value, long count) {
}
