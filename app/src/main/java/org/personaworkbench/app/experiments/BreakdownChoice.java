package org.personaworkbench.app.experiments;

import org.personaworkbench.engine.experiments.ExperimentDefinition;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;

import static org.personaworkbench.app.common.I18n.tr;

/** One entry of the breakdown list: none, a column of the dataset, the personas of a run or a rule segment. */
public record BreakdownChoice(BreakdownKind kind, String source) {

    public static final BreakdownChoice NONE = new BreakdownChoice(BreakdownKind.NONE, null);

    /** The choice a saved definition names. */
    static BreakdownChoice of(ExperimentDefinition.Breakdown b) {
        return b == null ? NONE : new BreakdownChoice(b.kind(), b.source());
    }

    ExperimentDefinition.Breakdown breakdown() {
        return kind == BreakdownKind.NONE ? ExperimentDefinition.Breakdown.NONE
                : new ExperimentDefinition.Breakdown(kind, source);
    }

    /** What the list shows: "No breakdown", "Column country", "Personas of rfm-k4", "Rule segment big spenders". */
    public String label() {
        return switch (kind) {
            case NONE -> tr("experiments.breakdown.none");
            case COLUMN -> tr("experiments.breakdown.column", source);
            case PERSONAS -> tr("experiments.breakdown.personas", source);
            case RULE -> tr("experiments.breakdown.rule", source);
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
