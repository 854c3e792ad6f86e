package org.personaworkbench.engine.rules;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.features.FeatureTable;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.RuleCondition;
import org.personaworkbench.engine.segmentation.SurrogateRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule-based segments: parse a rule, count or list its members on a project (as one parameterised SQL query),
 * and save rules by name. Methods taking rule text also accept the name of a saved rule segment.
 */
public final class RuleSegments {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RuleSegments() {
    }

    /** Parses rule text; throws {@link RuleSyntaxException} with the column on any error. */
    public static Rule parse(String ruleText) {
        return RuleParser.parse(ruleText);
    }

    /** Parses and resolves against the project's fields; throws {@link RuleSyntaxException} when it cannot. */
    public static Rule check(Project project, String ruleText) {
        Rule rule = parse(ruleText);
        RuleSchema.of(project).resolve(rule);
        return rule;
    }

    /** Counts the members of a rule (or of the saved rule segment of that name) with one SQL query. */
    public static RuleCount count(Project project, String ruleOrSavedName, CancellationToken cancel) {
        long start = System.nanoTime();
        RuleSchema.Resolved resolved = resolve(project, ruleOrSavedName);
        cancel.throwIfCancelled();
        long[] counts = RuleSql.compile(project, resolved).count(project);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RuleCount(counts[1], counts[0], counts[0] == 0 ? 0 : (double) counts[1] / counts[0],
                resolved.rule().text(), resolved.fieldsUsed(), seconds);
    }

    /** The sorted customer ids satisfying a rule (or the saved rule segment of that name), from SQL. */
    public static List<String> members(Project project, String ruleOrSavedName, CancellationToken cancel) {
        RuleSchema.Resolved resolved = resolve(project, ruleOrSavedName);
        List<String> ids = new ArrayList<>(RuleSql.compile(project, resolved).members(project, cancel));
        ids.sort(null);
        return ids;
    }

    /**
     * The same members computed in memory over the loaded feature tables and events instead of SQL (used where
     * the data is not in a table, and to cross-check the SQL translation).
     */
    public static List<String> membersInMemory(Project project, String ruleOrSavedName, CancellationToken cancel) {
        RuleSchema.Resolved resolved = resolve(project, ruleOrSavedName);
        List<String> ids = new ArrayList<>(RuleMemory.load(project, resolved, cancel).members());
        ids.sort(null);
        return ids;
    }

    /**
     * Members of a rule over tables already in memory (for data not in a project table), keyed by the name used
     * to qualify fields; a customer absent from a table has missing values there. Event counts need the events
     * dataset of a project and are refused here.
     */
    public static List<String> members(Rule rule, java.util.Map<String, FeatureTable> tables) {
        RuleSchema.Resolved resolved = RuleSchema.ofTables(tables).resolve(rule);
        List<String> ids = new ArrayList<>(new RuleMemory(resolved, tables, java.util.Map.of(), java.util.Set.of())
                .members());
        ids.sort(null);
        return ids;
    }

    /** The fields, event counts and event filters a rule can use in this project (for a rule builder). */
    public static RuleFields fields(Project project) {
        return RuleSchema.of(project).fields();
    }

    /**
     * Sets a rule's members (or those of the saved rule segment of that name) against every segment of a saved
     * run: per segment its size, the customers in both, and that overlap as a share of the rule and of the
     * segment.
     *
     * @throws EngineException when the project has no run of that name, or the rule cannot be used
     */
    public static RuleOverlap overlap(Project project, String ruleOrSavedName, String run, CancellationToken cancel) {
        SegmentationRunInfo info = project.segmentationRun(run).orElseThrow(() -> new EngineException(
                "The project has no saved segmentation run named '" + run + "'."));
        RuleSchema.Resolved resolved = resolve(project, ruleOrSavedName);
        java.util.Set<String> members = new java.util.HashSet<>(RuleSql.compile(project, resolved)
                .members(project, cancel));
        cancel.throwIfCancelled();
        RunAssignments assignments = project.runAssignments(info.name());
        List<String> ids = assignments.rowIds();
        int[] labels = assignments.labels();
        java.util.SortedMap<Integer, long[]> bySegment = new java.util.TreeMap<>();
        long inRun = 0;
        for (int i = 0; i < labels.length; i++) {
            if (i % 4096 == 0) {
                cancel.throwIfCancelled();
            }
            long[] counts = bySegment.computeIfAbsent(labels[i], l -> new long[2]);
            counts[0]++;
            if (members.contains(ids.get(i))) {
                counts[1]++;
                inRun++;
            }
        }
        long ruleMembers = members.size();
        List<SegmentOverlap> segments = new ArrayList<>();
        bySegment.forEach((segment, c) -> segments.add(new SegmentOverlap(segment, c[0], c[1],
                ruleMembers == 0 ? 0 : (double) c[1] / ruleMembers, c[0] == 0 ? 0 : (double) c[1] / c[0])));
        return new RuleOverlap(resolved.rule().text(), info.name(), ruleMembers, labels.length,
                ruleMembers - inRun, segments);
    }

    /** Validates the rule (parse and resolve) and saves it under {@code name}. */
    public static SavedRule save(Project project, String name, String ruleText) {
        Rule rule = check(project, ruleText);
        SavedRule saved = new SavedRule(name == null ? "" : name.strip(), rule.text(), Instant.now());
        project.saveRuleSegment(saved);
        return project.ruleSegment(saved.name()).orElse(saved);
    }

    /** Saved rule segments in name order. */
    public static List<SavedRule> saved(Project project) {
        return project.ruleSegments();
    }

    public static Optional<SavedRule> savedRule(Project project, String name) {
        return project.ruleSegment(name);
    }

    public static void delete(Project project, String name) {
        project.deleteRuleSegment(name);
    }

    /** A segmentation's surrogate rule as rule text, for example {@code recency_days <= 30 and frequency > 5}. */
    public static String fromSurrogate(SurrogateRule surrogate) {
        List<String> parts = new ArrayList<>();
        for (RuleCondition c : surrogate.conditions()) {
            if (!IDENTIFIER.matcher(c.feature()).matches()) {
                throw new EngineException("The feature '" + c.feature() + "' cannot be named in a rule (rules "
                        + "name fields with letters, digits and underscores).");
            }
            parts.add(c.feature() + " " + c.operator() + " " + Rule.Value.number(c.threshold()));
        }
        if (parts.isEmpty()) {
            throw new EngineException("This surrogate rule has no conditions, so there is nothing to save.");
        }
        return String.join(" and ", parts);
    }

    private static RuleSchema.Resolved resolve(Project project, String ruleOrSavedName) {
        String text = ruleOrSavedName;
        if (text != null && !text.isBlank()) {
            Optional<SavedRule> saved = project.ruleSegment(text.strip());
            if (saved.isPresent()) {
                text = saved.get().ruleText();
            }
        }
        return RuleSchema.of(project).resolve(parse(text));
    }
}
