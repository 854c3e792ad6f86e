package org.personaworkbench.engine.personas;

import org.personaworkbench.engine.project.Project;

import java.util.List;
import java.util.Map;

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
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** Fresh drafts for every segment of the run, not saved (what {@link #open} saves the first time). */
    public static List<Persona> draft(Project project, String run) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** Saves one persona (replacing the stored one of its run and segment) and returns it with its new time. */
    public static Persona save(Project project, Persona persona) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /** Segment number to persona name for the run; empty when the run has no saved personas yet. */
    public static Map<Integer, String> names(Project project, String run) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }

    /**
     * Reads personas from JSON written by {@link PersonaExports#json} into the run of this project: each is
     * matched to the segment with the same number, its text fields (name, story, goal, colour, content map,
     * notes) replace the stored ones and its figures and traits are recomputed from this project's data.
     *
     * @return the personas as saved
     * @throws org.personaworkbench.engine.common.EngineException when the JSON is not a personas export (with
     *         line and column) or names segments the run does not have
     */
    public static List<Persona> importJson(Project project, String run, String json) {
        throw new UnsupportedOperationException("issue 4: personas engine");
    }
}
