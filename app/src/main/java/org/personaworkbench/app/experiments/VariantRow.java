package org.personaworkbench.app.experiments;

import org.personaworkbench.engine.experiments.AbTestReport;

/** A row of the per-variant table: the variant's figures as the report gives them, and whether it is the control. */
public record VariantRow(AbTestReport.VariantSummary summary, boolean control) {
}
