package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.ExperimentDefinition.Breakdown;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.project.DatasetColumn;
import org.personaworkbench.engine.project.DatasetInfo;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.rules.RuleSegments;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks an experiment definition before it is saved or read out, with messages that name the missing dataset,
 * column, run or rule and what there is instead, so the analyst can fix the definition without a stack trace.
 */
final class ExperimentChecks {

    private ExperimentChecks() {
    }

    /** Checks that do not need data: which columns go together. */
    static void shape(ExperimentDefinition d) {
        if (d.variantColumn() == null || d.variantColumn().isBlank()) {
            throw new EngineException("Choose the column that names the variant.");
        }
        if (d.control() == null || d.control().isBlank()) {
            throw new EngineException("Choose the control variant.");
        }
        if (d.aggregated()) {
            if (d.conversionColumn() == null) {
                throw new EngineException("Aggregated rows (a users column) need the conversions column.");
            }
            if ((d.metricSumColumn() == null) != (d.metricSumSquaresColumn() == null)) {
                throw new EngineException("Give both the metric's sum and its sum of squares, or neither.");
            }
            if (d.breakdown().kind() != BreakdownKind.NONE) {
                throw new EngineException("Aggregated rows (one per variant) cannot be broken down; a breakdown "
                        + "needs one row per user.");
            }
        } else {
            if (d.conversionColumn() == null && d.metricColumn() == null) {
                throw new EngineException("Choose a conversion column, a metric column or both.");
            }
            if (d.covariateColumn() != null && d.metricColumn() == null) {
                throw new EngineException("A CUPED covariate needs a metric column too.");
            }
        }
        Breakdown b = d.breakdown();
        if (b.kind() == BreakdownKind.COLUMN && (b.source() == null || b.source().isBlank())) {
            throw new EngineException("A breakdown by column needs the column.");
        }
        if (b.kind() == BreakdownKind.RULE && (b.source() == null || b.source().isBlank())) {
            throw new EngineException("A breakdown by rule segment needs the rule.");
        }
        if ((b.kind() == BreakdownKind.PERSONAS || b.kind() == BreakdownKind.RULE) && d.customerColumn() == null) {
            throw new EngineException("A breakdown by " + (b.kind() == BreakdownKind.RULE ? "rule segment"
                    : "persona") + " needs the customer id column to join on.");
        }
    }

    /** Checks a definition against the project; returns it with the column names spelled as in the dataset. */
    static ExperimentDefinition check(Project project, ExperimentDefinition d) {
        shape(d);
        DatasetInfo info = dataset(project, d.dataset());
        ExperimentDefinition out = new ExperimentDefinition(d.name(), info.name(),
                name(info, d.variantColumn(), "variant column"), d.control(),
                name(info, d.conversionColumn(), d.aggregated() ? "conversions column" : "conversion column"),
                name(info, d.metricColumn(), "metric column"), name(info, d.covariateColumn(), "covariate column"),
                name(info, d.customerColumn(), "customer id column"), name(info, d.usersColumn(), "users column"),
                name(info, d.metricSumColumn(), "metric sum column"),
                name(info, d.metricSumSquaresColumn(), "metric sum of squares column"),
                d.breakdown().kind() == BreakdownKind.COLUMN
                        ? new Breakdown(BreakdownKind.COLUMN, name(info, d.breakdown().source(), "breakdown column"))
                        : d.breakdown(),
                d.expectedSplit(), d.confidence(), d.priorAlpha(), d.priorBeta());
        joins(project, out.breakdown());
        return out;
    }

    /** Checks that the breakdown's run or rule exists in the project (nothing to check for other kinds). */
    static void joins(Project project, Breakdown b) {
        if (b.kind() == BreakdownKind.PERSONAS && b.source() != null && project.segmentationRun(b.source()).isEmpty()) {
            throw new EngineException("The project has no segmentation run named '" + b.source() + "'"
                    + available(project.segmentationRuns().stream().map(r -> r.name()).toList(), "Its runs") + ".");
        }
        if (b.kind() == BreakdownKind.RULE && project.ruleSegment(b.source()).isEmpty()) {
            RuleSegments.check(project, b.source()); // not a saved rule: it must be valid rule text
        }
    }

    /** The dataset of this name (ignoring case). */
    static DatasetInfo dataset(Project project, String name) {
        if (name == null || name.isBlank()) {
            throw new EngineException("Choose the dataset that holds the experiment's rows.");
        }
        return project.dataset(name.strip()).orElseThrow(() -> new EngineException("The project has no dataset "
                + "named '" + name + "'" + available(project.datasets().stream().map(DatasetInfo::name).toList(),
                "Its datasets") + "."));
    }

    /** The index of a column (ignoring case). */
    static int column(DatasetInfo info, String column, String what) {
        List<DatasetColumn> columns = info.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column.strip())) {
                return i;
            }
        }
        throw new EngineException("The dataset '" + info.name() + "' has no column '" + column + "' (the " + what
                + ")" + available(columns.stream().map(DatasetColumn::name).toList(), "Its columns") + ".");
    }

    /** The column's name as the dataset spells it; null stays null. */
    static String name(DatasetInfo info, String column, String what) {
        return column == null ? null : info.columns().get(column(info, column, what)).name();
    }

    private static String available(List<String> names, String label) {
        if (names.isEmpty()) {
            return "; it has none";
        }
        return ". " + label + ": " + names.stream().limit(30).collect(Collectors.joining(", "))
                + (names.size() > 30 ? ", …" : "");
    }
}
