package org.personaworkbench.engine.export;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customers to export and the segment each belongs to, whatever made them (a saved segmentation run, a rule
 * segment, a persona), so that {@link CampaignExport} does not depend on where a segment came from.
 *
 * @param kind          what made the rows, for example {@code "segmentation"} or {@code "rule"}
 * @param name          the run's or rule's name, for messages
 * @param customerIds   one id per row, in export order
 * @param segmentLabels the segment of each row: a segment number or name, or the rule's name
 * @param featureSet    the feature set whose columns {@link ExportOptions#columns()} are looked up in, or null
 */
public record ExportSource(String kind, String name, List<String> customerIds, List<String> segmentLabels,
                           String featureSet) {

    /** Segment label written for density-clustering noise (label -1). */
    public static final String NOISE = "noise";

    public ExportSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        customerIds = List.copyOf(customerIds);
        segmentLabels = List.copyOf(segmentLabels);
        if (customerIds.size() != segmentLabels.size()) {
            throw new IllegalArgumentException(customerIds.size() + " customer ids but " + segmentLabels.size()
                    + " segment labels");
        }
    }

    public int rows() {
        return customerIds.size();
    }

    /** A saved segmentation run: segments written as "0", "1", … and noise (-1) as {@value #NOISE}. */
    public static ExportSource fromRun(Project project, String runName) {
        return fromRun(project, runName, Map.of());
    }

    /**
     * A saved segmentation run with segment names: {@code labelNames} maps a segment number to the text written
     * (for example a persona's segment name); numbers without an entry are written as digits, -1 as noise.
     *
     * @throws EngineException when the project has no run of that name
     */
    public static ExportSource fromRun(Project project, String runName, Map<Integer, String> labelNames) {
        SegmentationRunInfo run = project.segmentationRun(runName).orElseThrow(() -> new EngineException(
                "The project " + project.file().getFileName() + " has no segmentation run named '" + runName
                        + "'. " + savedRuns(project) + "Save one in the Segments step or with: pwb segment fit "
                        + "PROJECT --features F --k K --name RUN."));
        RunAssignments assignments = project.runAssignments(run.name());
        int[] labels = assignments.labels();
        List<String> names = new ArrayList<>(labels.length);
        for (int label : labels) {
            String named = labelNames.get(label);
            names.add(named != null ? named : label < 0 ? NOISE : Integer.toString(label));
        }
        return new ExportSource("segmentation", run.name(), assignments.rowIds(), names, run.featureSet());
    }

    /**
     * The members of one persona: the rows of the run's segment {@code segment}, labelled with the persona's
     * name in the segment and persona columns.
     *
     * @throws EngineException when the project has no such run or the run no such segment
     */
    public static ExportSource fromPersona(Project project, String runName, int segment) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /**
     * The members of a saved rule segment, each labelled with the rule's name. Feature columns are looked up in
     * {@code featureSet}, or when null in the first feature set the rule names a field of, else the project's
     * first feature set (null when it has none).
     *
     * @throws EngineException when there is no saved rule of that name or it no longer resolves
     */
    public static ExportSource fromRule(Project project, String ruleName, String featureSet,
                                        CancellationToken cancel) {
        SavedRule saved = project.ruleSegment(ruleName).orElseThrow(() -> new EngineException(
                "The project has no saved rule segment named '" + ruleName + "'. Save one in the Rules step or "
                        + "with: pwb rule save PROJECT --name N --rule \"…\"."));
        List<String> ids = RuleSegments.members(project, saved.name(), cancel);
        String set = featureSet;
        if (set == null) {
            set = RuleSegments.count(project, saved.name(), cancel).fieldsUsed().stream()
                    .filter(f -> f.contains("."))
                    .map(f -> f.substring(0, f.indexOf('.')))
                    .filter(name -> project.featureSet(name).isPresent())
                    .findFirst()
                    .orElse(project.featureSets().isEmpty() ? null : project.featureSets().getFirst().name());
        }
        return new ExportSource("rule", saved.name(), ids, java.util.Collections.nCopies(ids.size(), saved.name()),
                set);
    }

    private static String savedRuns(Project project) {
        List<String> names = project.segmentationRuns().stream().map(SegmentationRunInfo::name).toList();
        return names.isEmpty() ? "It has no saved runs yet. " : "Saved runs: " + String.join(", ", names) + ". ";
    }
}
