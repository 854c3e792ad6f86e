package org.personaworkbench.engine.importing;

/**
 * A source row that could not be imported: the 1-based line number where its record starts, the column
 * at fault (null for a wrong field count), a reason for people, and the raw fields joined back as text.
 */
public record BadRow(long line, String column, String reason, String raw) {
}
