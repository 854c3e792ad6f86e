package org.personaworkbench.engine.personas;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One segment of a saved segmentation run as a persona a workshop can argue about: its (suggested, editable)
 * name and story, the marketing goal, figures from the data, the tested traits that set it apart, a content
 * map and the sticky notes of workshops. Immutable: edits make a copy with {@code withX} and are saved with
 * {@link Personas#save}.
 *
 * @param run         the segmentation run the persona belongs to
 * @param segment     the segment number in that run
 * @param name        the persona's name, for example "Loyal high spenders"
 * @param summary     one line under the name
 * @param description a paragraph about who they are
 * @param goals       what they want
 * @param painPoints  what gets in their way
 * @param channels    preferred channels, as free text ("Email, Instagram")
 * @param quote       something they would say
 * @param goal        the suggested or chosen marketing goal
 * @param color       the card colour as #rrggbb
 * @param figures     key figures from the data
 * @param traits      the segment's distinguishing tested traits in plain words, most distinguishing first
 * @param contentMap  rows of content type, messaging focus and channel
 * @param notes       workshop sticky notes, oldest first
 * @param updatedAt   when it was last saved
 */
public record Persona(String run, int segment, String name, String summary, String description, String goals,
                      String painPoints, String channels, String quote, ActionableGoal goal, String color,
                      PersonaFigures figures, List<String> traits, List<ContentRow> contentMap,
                      List<StickyNote> notes, Instant updatedAt) {

    public Persona {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(name, "name");
        summary = Objects.requireNonNullElse(summary, "");
        description = Objects.requireNonNullElse(description, "");
        goals = Objects.requireNonNullElse(goals, "");
        painPoints = Objects.requireNonNullElse(painPoints, "");
        channels = Objects.requireNonNullElse(channels, "");
        quote = Objects.requireNonNullElse(quote, "");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(figures, "figures");
        traits = List.copyOf(traits);
        contentMap = List.copyOf(contentMap);
        notes = List.copyOf(notes);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Up to two initials from the name's first words, upper case ("Loyal high spenders" → "LH"); "?" if none. */
    public String initials() {
        StringBuilder out = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)) && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.isEmpty() ? "?" : out.toString().toUpperCase(Locale.ROOT);
    }

    public Persona withName(String value) {
        return new Persona(run, segment, value, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withSummary(String value) {
        return new Persona(run, segment, name, value, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withDescription(String value) {
        return new Persona(run, segment, name, summary, value, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withGoals(String value) {
        return new Persona(run, segment, name, summary, description, value, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withPainPoints(String value) {
        return new Persona(run, segment, name, summary, description, goals, value, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withChannels(String value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, value, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withQuote(String value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, value, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withGoal(ActionableGoal value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, value,
                color, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withColor(String value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                value, figures, traits, contentMap, notes, updatedAt);
    }

    public Persona withFigures(PersonaFigures value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, value, traits, contentMap, notes, updatedAt);
    }

    public Persona withTraits(List<String> value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, value, contentMap, notes, updatedAt);
    }

    public Persona withContentMap(List<ContentRow> value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, value, notes, updatedAt);
    }

    public Persona withNotes(List<StickyNote> value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, value, updatedAt);
    }

    /** A copy with one more sticky note at the end. */
    public Persona withNote(StickyNote note) {
        List<StickyNote> more = new ArrayList<>(notes);
        more.add(note);
        return withNotes(more);
    }

    public Persona withUpdatedAt(Instant value) {
        return new Persona(run, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, value);
    }

    /** A copy moved to another run (for import into another project): same text, that run's name. */
    public Persona withRun(String value) {
        return new Persona(value, segment, name, summary, description, goals, painPoints, channels, quote, goal,
                color, figures, traits, contentMap, notes, updatedAt);
    }
}
