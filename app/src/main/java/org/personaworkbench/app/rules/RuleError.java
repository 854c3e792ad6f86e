package org.personaworkbench.app.rules;

/** Why the rule text cannot be used, and the 1-based column to underline. */
public record RuleError(String message, int column) {
}
