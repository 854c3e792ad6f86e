package org.personaworkbench.app.common;

import org.personaworkbench.ui.UiResources;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * User-visible text from the bundle in ui-resources. Keys are always string literals passed to
 * {@link #tr} or {@link #key} so that {@code I18nKeysTest} can check every one of them exists. A missing
 * key shows as {@code <key>} instead of throwing (and is logged), so a slip never crashes a view.
 */
public final class I18n {

    private static final Logger LOG = Logger.getLogger(I18n.class.getName());

    private I18n() {
    }

    /** Loaded once, on first use (the default locale's bundle, falling back to English). */
    private static final class Holder {
        static final ResourceBundle BUNDLE = UiResources.messages();
    }

    /** The bundle FXML views are loaded with. */
    public static ResourceBundle bundle() {
        return Holder.BUNDLE;
    }

    /** The text for a key, with {@link MessageFormat} arguments when any are given. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            LOG.warning("Missing i18n key: " + key);
            return "<" + key + ">";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle().getLocale()).format(args);
    }

    /** Marks a string literal as a key looked up later (for example in an enum); returns it unchanged. */
    public static String key(String key) {
        return key;
    }
}
