package org.personaworkbench.app.experiments;

import org.personaworkbench.engine.experiments.AbTestReport;

/** A row of the comparison table: one variant against control as the report gives it. */
public record ComparisonRow(AbTestReport.Comparison comparison) {
}
