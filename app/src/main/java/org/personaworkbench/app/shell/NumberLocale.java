package org.personaworkbench.app.shell;

import java.util.Arrays;
import java.util.Locale;

import static org.personaworkbench.app.common.I18n.key;

/**
 * The locales numbers in tables can be formatted in (decimal and grouping separators); exports to CSV and
 * JSON stay locale-neutral whatever is chosen.
 */
public enum NumberLocale {
    SYSTEM("", key("prefs.locale.system")),
    ENGLISH_US("en-US", key("prefs.locale.enUS")),
    GERMAN("de-DE", key("prefs.locale.de")),
    FRENCH("fr-FR", key("prefs.locale.fr"));

    private final String tag;
    private final String labelKey;

    NumberLocale(String tag, String labelKey) {
        this.tag = tag;
        this.labelKey = labelKey;
    }

    /** The BCP 47 language tag stored in the preferences; empty for the system's locale. */
    public String tag() {
        return tag;
    }

    public String labelKey() {
        return labelKey;
    }

    /** The locale to format with; {@code system} for {@link #SYSTEM}. */
    public Locale locale(Locale system) {
        return tag.isEmpty() ? system : Locale.forLanguageTag(tag);
    }

    /** The choice stored under {@code tag}; {@link #SYSTEM} for an unknown or empty tag. */
    public static NumberLocale fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst().orElse(SYSTEM);
    }
}
