package org.personaworkbench.engine.personas;

import org.personaworkbench.engine.common.CancellationToken;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.SegmentationRunInfo;
import org.personaworkbench.engine.segmentation.SegmentProfiles;
import org.personaworkbench.engine.segmentation.SegmentationRuns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Drafts, opens and saves the personas of a saved segmentation run. A run's personas are drafted the first time
 * they are opened (names from {@link PersonaNamer}, figures from the data, goal and content map suggested from
 * the traits) and saved at once; from then on every {@link #save} writes one persona's document in its own
 * transaction, so an edit survives a crash.
 */
public final class Personas {

    private Personas() {
    }

    /**
     * The run's personas, one per segment in segment order (noise is not a persona). Segments without a saved
     * persona are drafted and saved.
     *
     * @throws org.personaworkbench.engine.common.EngineException when the project has no run of that name
     */
    public static List<Persona> open(Project project, String run) {
        SegmentationRunInfo info = requireRun(project, run);
        Map<Integer, Persona> stored = stored(project, info.name());
        List<Integer> segments = segments(project, info);
        if (stored.keySet().containsAll(segments)) {
            return segments.stream().map(stored::get).toList();
        }
        Set<String> taken = new HashSet<>();
        stored.forEach((segment, p) -> {
            if (segments.contains(segment)) {
                taken.add(p.name().toLowerCase(Locale.ROOT));
            }
        });
        List<Persona> out = new ArrayList<>();
        for (Persona draft : draft(project, info)) {
            Persona kept = stored.get(draft.segment());
            if (kept != null) {
                out.add(kept);
                continue;
            }
            Persona named = taken.contains(draft.name().toLowerCase(Locale.ROOT))
                    ? draft.withName(draft.name() + " (segment " + draft.segment() + ")") : draft;
            taken.add(named.name().toLowerCase(Locale.ROOT));
            out.add(save(project, named));
        }
        return out;
    }

    /** Fresh drafts for every segment of the run, not saved (what {@link #open} saves the first time). */
    public static List<Persona> draft(Project project, String run) {
        return draft(project, requireRun(project, run));
    }

    private static List<Persona> draft(Project project, SegmentationRunInfo info) {
        List<SegmentFacts> facts = RunFacts.of(project, info, CancellationToken.create());
        List<PersonaNamer.Suggestion> suggestions = PersonaNamer.suggest(facts);
        Instant now = Instant.now();
        List<Persona> out = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            SegmentFacts f = facts.get(i);
            PersonaNamer.Suggestion s = suggestions.get(i);
            StarterText.Story story = StarterText.story(s.name(), s.goal(), f);
            out.add(new Persona(info.name(), f.segment(), s.name(), StarterText.summary(f), story.description(),
                    story.goals(), story.painPoints(), story.channels(), story.quote(), s.goal(),
                    PersonaColors.of(f.segment()), f.figures(), f.traits(), story.contentMap(), List.of(), now));
        }
        return out;
    }

    /** Saves one persona (replacing the stored one of its run and segment) and returns it with its new time. */
    public static Persona save(Project project, Persona persona) {
        Objects.requireNonNull(persona, "persona");
        SegmentationRunInfo info = requireRun(project, persona.run());
        Persona saved = persona.withRun(info.name()).withUpdatedAt(Instant.now());
        project.savePersonaDocument(info.name(), saved.segment(), PersonaJson.document(saved));
        return saved;
    }

    /** Segment number to persona name for the run; empty when the run has no saved personas yet. */
    public static Map<Integer, String> names(Project project, String run) {
        Map<Integer, String> out = new TreeMap<>();
        stored(project, run).forEach((segment, p) -> out.put(segment, p.name()));
        return out;
    }

    /**
     * Reads personas from JSON written by {@link PersonaExports#json} into the run of this project: each is
     * matched to the segment with the same number, its text fields (name, story, goal, colour, content map,
     * notes) replace the stored ones and its figures and traits are recomputed from this project's data (so is
     * the summary line, which is built from the figures).
     *
     * @return the personas as saved
     * @throws org.personaworkbench.engine.common.EngineException when the JSON is not a personas export (with
     *         line and column) or names segments the run does not have
     */
    public static List<Persona> importJson(Project project, String run, String json) {
        List<Persona> incoming = PersonaJson.readExport(json);
        SegmentationRunInfo info = requireRun(project, run);
        Map<Integer, Persona> current = new TreeMap<>();
        open(project, info.name()).forEach(p -> current.put(p.segment(), p));
        Set<Integer> seen = new HashSet<>();
        for (Persona p : incoming) {
            if (!current.containsKey(p.segment())) {
                throw new EngineException("The personas file has a persona for segment " + p.segment() + " (\""
                        + p.name() + "\"), but the run '" + info.name() + "' has only segments "
                        + current.keySet() + ". Import it into a run with the same segments.");
            }
            if (!seen.add(p.segment())) {
                throw new EngineException("The personas file has two personas for segment " + p.segment()
                        + "; keep one.");
            }
        }
        List<Persona> out = new ArrayList<>();
        for (Persona p : incoming) {
            Persona base = current.get(p.segment());
            out.add(save(project, base.withName(p.name()).withDescription(p.description()).withGoals(p.goals())
                    .withPainPoints(p.painPoints()).withChannels(p.channels()).withQuote(p.quote())
                    .withGoal(p.goal()).withColor(p.color()).withContentMap(p.contentMap()).withNotes(p.notes())));
        }
        out.sort(java.util.Comparator.comparingInt(Persona::segment));
        return out;
    }

    private static SegmentationRunInfo requireRun(Project project, String run) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(run, "run");
        return project.segmentationRun(run).orElseThrow(() -> {
            List<String> names = project.segmentationRuns().stream().map(SegmentationRunInfo::name).toList();
            return new EngineException("The project " + project.file().getFileName() + " has no segmentation run "
                    + "named '" + run + "'. " + (names.isEmpty() ? "It has no saved runs yet."
                    : "Saved runs: " + String.join(", ", names) + "."));
        });
    }

    /** The stored personas of a run by segment; a damaged document is left out (and drafted again by open). */
    private static Map<Integer, Persona> stored(Project project, String run) {
        Map<Integer, Persona> out = new TreeMap<>();
        project.personaDocuments(run).forEach((segment, json) -> {
            try {
                out.put(segment, PersonaJson.readDocument(json));
            } catch (EngineException e) {
                // drafted again
            }
        });
        return out;
    }

    /** The run's segments: from its saved profile when there is one, else from its assignments. */
    private static List<Integer> segments(Project project, SegmentationRunInfo info) {
        SegmentProfiles profiles = SegmentationRuns.readProfiles(info);
        if (profiles != null && !profiles.segments().isEmpty()) {
            return profiles.segments().stream().map(p -> p.segment()).sorted().toList();
        }
        return RunFacts.segments(project.runAssignments(info.name()));
    }
}
