package org.personaworkbench.app.experiments;

import org.personaworkbench.engine.experiments.AbTestReport;

/** A row of the breakdown table: one variant against control within one segment. */
public record SegmentRow(AbTestReport.SegmentLift lift) {
}
