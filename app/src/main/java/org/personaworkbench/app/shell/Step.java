package org.personaworkbench.app.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import static org.personaworkbench.app.common.I18n.key;

/**
 * The workflow steps in the sidebar, in the order an analyst goes through them. Steps that later
 * releases build are listed with one honest sentence about what they will hold, and stay disabled.
 */
public enum Step {
    DATA(Feather.DATABASE, key("step.data"), key("step.data.summary"), true),
    FEATURES(Feather.SLIDERS, key("step.features"), key("features.summary"), true),
    SEGMENTS(Feather.PIE_CHART, key("step.segments"), key("segments.summary"), true),
    PERSONAS(Feather.USERS, key("step.personas"), key("personas.summary"), true),
    RULES(Feather.FILTER, key("step.rules"), key("rules.summary"), true),
    RECOMMENDATIONS(Feather.THUMBS_UP, key("step.recommendations"), key("recommendations.summary"), true),
    EXPERIMENTS(Feather.ACTIVITY, key("step.experiments"), key("experiments.summary"), true),
    EXPORT(Feather.SHARE, key("step.export"), key("export.summary"), true);

    private final Ikon icon;
    private final String titleKey;
    private final String summaryKey;
    private final boolean available;

    Step(Ikon icon, String titleKey, String summaryKey, boolean available) {
        this.icon = icon;
        this.titleKey = titleKey;
        this.summaryKey = summaryKey;
        this.available = available;
    }

    public Ikon icon() {
        return icon;
    }

    public String titleKey() {
        return titleKey;
    }

    /** For an available step, what it does; for a later one, what it will hold and when. */
    public String summaryKey() {
        return summaryKey;
    }

    /** False for steps later releases build: they are shown disabled. */
    public boolean available() {
        return available;
    }

    /** The fx:id of the step's sidebar button, for example {@code step-data}. */
    public String nodeId() {
        return "step-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
