package org.personaworkbench.app.rules;

/** A saved rule segment in the list: its name, rule text and member count (-1 when it could not be counted). */
public record SavedRuleRow(String name, String ruleText, long members) {
}
