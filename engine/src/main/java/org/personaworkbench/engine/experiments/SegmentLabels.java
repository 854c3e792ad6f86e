package org.personaworkbench.engine.experiments;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.experiments.ExperimentDefinition.BreakdownKind;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.rules.RuleSegments;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a user's breakdown key (a column's value, or a customer id to join) into the segment label of the
 * breakdown: the value itself ("(blank)" when empty), the persona of the customer in a saved run ("not in run"
 * when the customer is in no segment of it) or "in RULE" / "not in RULE" for a rule segment. Counts the users
 * whose id matched nothing.
 */
final class SegmentLabels {

    /** Users of a persona run's breakdown who are in no segment of the run. */
    static final String NOT_IN_RUN = "not in run";


    private final String keyColumn;
    private final String description;
    private final Map<String, String> byId;
    private final String fallback;
    private long unmatched;

    private SegmentLabels(String keyColumn, String description, Map<String, String> byId, String fallback) {
        this.keyColumn = keyColumn;
        this.description = description;
        this.byId = byId;
        this.fallback = fallback;
    }

    /** The labels a definition's breakdown asks for (joins read from {@code project}, which may be null). */
    static SegmentLabels of(Project project, ExperimentDefinition d, CancellationToken cancel) {
        BreakdownKind kind = d.breakdown().kind();
        if (kind == BreakdownKind.NONE || d.aggregated()) {
            return none();
        }
        if (kind == BreakdownKind.COLUMN) {
            return column(d.breakdown().source());
        }
        if (project == null) {
            throw new EngineException("A breakdown by " + (kind == BreakdownKind.RULE ? "rule segment" : "persona")
                    + " joins on the project's customers: give the project.");
        }
        ExperimentChecks.joins(project, d.breakdown());
        if (kind == BreakdownKind.PERSONAS) {
            String run = personaRun(project, d.breakdown().source());
            Map<Integer, String> names = Personas.names(project, run);
            RunAssignments assignments = project.runAssignments(run);
            int[] labels = assignments.labels();
            Map<String, String> byId = new HashMap<>(labels.length * 2);
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] >= 0) {
                    byId.put(key(assignments.rowIds().get(r)),
                            names.getOrDefault(labels[r], "segment " + labels[r]));
                }
            }
            cancel.throwIfCancelled();
            return new SegmentLabels(d.customerColumn(), "persona (run " + run + ")", byId, NOT_IN_RUN);
        }
        String rule = d.breakdown().source().strip();
        List<String> members = RuleSegments.members(project, rule, cancel);
        Map<String, String> byId = new HashMap<>(members.size() * 2);
        for (String id : members) {
            byId.put(key(id), "in " + rule);
        }
        return new SegmentLabels(d.customerColumn(), "rule segment " + rule, byId, "not in " + rule);
    }

    /** No breakdown (a fresh instance: the unmatched count is per read). */
    static SegmentLabels none() {
        return new SegmentLabels(null, null, null, null);
    }

    /** A column's values as the labels ("(blank)" for empty cells). */
    static SegmentLabels column(String column) {
        return new SegmentLabels(column, "column " + column, null, null);
    }

    /** The column whose value is the key (the breakdown column or the customer id); null without a breakdown. */
    String keyColumn() {
        return keyColumn;
    }

    /** What the breakdown groups by, in words; null without one. */
    String description() {
        return description;
    }

    String label(String key) {
        if (byId == null) {
            return key.isEmpty() ? "(blank)" : key;
        }
        String label = key.isEmpty() ? null : byId.get(key(key));
        if (label == null) {
            unmatched++;
            return fallback;
        }
        return label;
    }

    /** Users labelled so far whose id matched no persona or rule member. */
    long unmatched() {
        return unmatched;
    }

    private static final Pattern WHOLE_DECIMAL = Pattern.compile("-?\\d+\\.0+");

    /** Customer ids compare as trimmed text, with a whole decimal ("12346.0") read as its integer. */
    static String key(String id) {
        String t = id.strip();
        return WHOLE_DECIMAL.matcher(t).matches() ? t.substring(0, t.indexOf('.')) : t;
    }

    /** The named run, or the newest run with saved personas. */
    private static String personaRun(Project project, String named) {
        if (named != null) {
            return project.segmentationRun(named).orElseThrow().name();
        }
        return project.segmentationRuns().stream()
                .sorted(Comparator.comparing(SegmentationRunInfo::createdAt).reversed())
                .filter(r -> !Personas.names(project, r.name()).isEmpty())
                .map(SegmentationRunInfo::name).findFirst()
                .orElseThrow(() -> new EngineException("No segmentation run of this project has personas yet. Name "
                        + "the run to break down by, or open its personas once so they are drafted."));
    }
}
