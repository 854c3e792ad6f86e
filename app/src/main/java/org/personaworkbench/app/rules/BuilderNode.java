package org.personaworkbench.app.rules;

/** A row of the visual rule builder: a condition, or a group of rows joined by and / or. */
public sealed interface BuilderNode permits ConditionRow, GroupRow {
}
