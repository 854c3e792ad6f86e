package org.personaworkbench.engine.rules;

/**
 * A field a rule can name, so an editor can offer it in a list: the table it comes from, its column name and
 * whether it compares with numbers or with text.
 *
 * @param source    the feature set or customer-level dataset holding it
 * @param name      the column name
 * @param numeric   true for numbers and yes/no columns (as 1/0), false for text
 * @param ambiguous true when another source has a column of that name, so a rule must qualify it
 */
public record RuleField(String source, String name, boolean numeric, boolean ambiguous) {

    /** How a rule names it: {@code name}, or {@code source.name} when the name alone is ambiguous. */
    public String ruleName() {
        return ambiguous ? source + "." + name : name;
    }
}
