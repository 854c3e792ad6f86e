package org.personaworkbench.engine.export;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.personas.Personas;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.RunAssignments;
import org.personaworkbench.engine.project.SavedRule;
import org.personaworkbench.engine.rules.RuleSegments;
import org.personaworkbench.engine.project.SegmentationRunInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The customers to export, the segment each belongs to and its persona's name, whatever made them (a saved
 * segmentation run, a rule segment, a persona), so that {@link CampaignExport} does not depend on where a segment
 * came from.
 *
 * @param kind          what made the rows, for example {@code "segmentation"} or {@code "rule"}
 * @param name          the run's or rule's name, for messages
 * @param customerIds   one id per row, in export order
 * @param segmentLabels the segment of each row: a segment number or name, or the rule's name
 * @param featureSet    the feature set whose columns {@link ExportOptions#columns()} are looked up in, or null
 * @param personaNames  the persona name of each row, "" where there is none (rule segments, runs without
 *                      personas, noise)
 */
public record ExportSource(String kind, String name, List<String> customerIds, List<String> segmentLabels,
                           String featureSet, List<String> personaNames) {

    /** Segment label written for density-clustering noise (label -1). */
    public static final String NOISE = "noise";

    public ExportSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        customerIds = List.copyOf(customerIds);
        segmentLabels = List.copyOf(segmentLabels);
        personaNames = personaNames == null ? Collections.nCopies(customerIds.size(), "")
                : personaNames.stream().map(p -> p == null ? "" : p).toList();
        if (customerIds.size() != segmentLabels.size()) {
            throw new IllegalArgumentException(customerIds.size() + " customer ids but " + segmentLabels.size()
                    + " segment labels");
        }
        if (customerIds.size() != personaNames.size()) {
            throw new IllegalArgumentException(customerIds.size() + " customer ids but " + personaNames.size()
                    + " persona names");
        }
    }

    /** Rows without persona names (for example a rule segment's members). */
    public ExportSource(String kind, String name, List<String> customerIds, List<String> segmentLabels,
                        String featureSet) {
        this(kind, name, customerIds, segmentLabels, featureSet, null);
    }

    public int rows() {
        return customerIds.size();
    }

    /**
     * A saved segmentation run: segments written as "0", "1", … and noise (-1) as {@value #NOISE}; the persona
     * column holds each row's persona name (empty when the run has no saved personas).
     */
    public static ExportSource fromRun(Project project, String runName) {
        return fromRun(project, runName, Map.of());
    }

    /**
     * A saved segmentation run with segment names: {@code labelNames} maps a segment number to the text written
     * in the segment column (for example a persona's segment name); numbers without an entry are written as
     * digits, -1 as noise. The persona column holds each row's persona name, as {@link #fromRun(Project, String)}.
     *
     * @throws EngineException when the project has no run of that name
     */
    public static ExportSource fromRun(Project project, String runName, Map<Integer, String> labelNames) {
        SegmentationRunInfo run = requireRun(project, runName);
        Map<Integer, String> personas = Personas.names(project, run.name());
        RunAssignments assignments = project.runAssignments(run.name());
        int[] labels = assignments.labels();
        List<String> names = new ArrayList<>(labels.length);
        List<String> personaNames = new ArrayList<>(labels.length);
        for (int label : labels) {
            String named = labelNames.get(label);
            names.add(named != null ? named : label < 0 ? NOISE : Integer.toString(label));
            personaNames.add(personas.getOrDefault(label, ""));
        }
        return new ExportSource("segmentation", run.name(), assignments.rowIds(), names, run.featureSet(),
                personaNames);
    }

    /**
     * The members of one persona: the rows of the run's segment {@code segment}, labelled with the persona's
     * name in the segment and persona columns (with the segment number in both when the run has no saved
     * persona for it yet).
     *
     * @throws EngineException when the project has no such run or the run no such segment
     */
    public static ExportSource fromPersona(Project project, String runName, int segment) {
        SegmentationRunInfo run = requireRun(project, runName);
        String persona = Personas.names(project, run.name()).get(segment);
        RunAssignments assignments = project.runAssignments(run.name());
        int[] labels = assignments.labels();
        List<String> ids = new ArrayList<>();
        java.util.TreeSet<Integer> segments = new java.util.TreeSet<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                segments.add(labels[i]);
            }
            if (labels[i] == segment) {
                ids.add(assignments.rowIds().get(i));
            }
        }
        if (ids.isEmpty()) {
            throw new EngineException("The segmentation run '" + run.name() + "' has no segment " + segment
                    + ". Its segments are " + segments + ".");
        }
        String label = persona != null ? persona : Integer.toString(segment);
        return new ExportSource("persona", persona != null ? persona : run.name() + " segment " + segment, ids,
                Collections.nCopies(ids.size(), label), run.featureSet(),
                Collections.nCopies(ids.size(), persona != null ? persona : ""));
    }

    private static SegmentationRunInfo requireRun(Project project, String runName) {
        return project.segmentationRun(runName).orElseThrow(() -> new EngineException(
                "The project " + project.file().getFileName() + " has no segmentation run named '" + runName
                        + "'. " + savedRuns(project) + "Save one in the Segments step or with: pwb segment fit "
                        + "PROJECT --features F --k K --name RUN."));
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
