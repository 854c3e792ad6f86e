package org.personaworkbench.engine.importing;

/**
 * A column as seen in a preview: its header name, the inferred type (with the date pattern that
 * matched, if any) and the suggested role, and how many sampled values were empty.
 */
public record PreviewColumn(String name, ColumnType inferredType, String pattern, ColumnRole suggestedRole,
                            long emptyInSample) {

    public ColumnSpec toSpec() {
        return new ColumnSpec(name, inferredType, suggestedRole, pattern);
    }
}
