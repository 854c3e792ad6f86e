package org.personaworkbench.ui;

import java.net.URL;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The one anchor class that finds the desktop app's resources (FXML, CSS, icons, i18n bundles) in this
 * jar. Every lookup fails loudly with the missing path named, so a typo or a resource lost in packaging
 * (jlink, shading) shows at start-up instead of as a blank view.
 */
public final class UiResources {

    /** Base name of the message bundle: {@code org/personaworkbench/ui/i18n/messages.properties}. */
    public static final String BUNDLE = "org.personaworkbench.ui.i18n.messages";

    /** The application stylesheet, loaded on top of the AtlantaFX theme. */
    public static final String STYLESHEET = "css/workbench.css";

    private UiResources() {
    }

    /**
     * The URL of a resource below {@code org/personaworkbench/ui/}, for example {@code "fxml/WelcomeView.fxml"}.
     *
     * @throws IllegalStateException when the resource is not in the jar
     */
    public static URL url(String relativePath) {
        Objects.requireNonNull(relativePath, "relativePath");
        URL url = UiResources.class.getResource(relativePath);
        if (url == null) {
            throw new IllegalStateException("UI resource missing: org/personaworkbench/ui/" + relativePath
                    + " (is pwb-ui-resources on the class path and up to date?)");
        }
        return url;
    }

    /** The external form of {@link #url}, as JavaFX wants for stylesheets and images. */
    public static String externalForm(String relativePath) {
        return url(relativePath).toExternalForm();
    }

    /** The FXML file {@code fxml/<name>.fxml}. */
    public static URL fxml(String name) {
        return url("fxml/" + name + ".fxml");
    }

    /** The application stylesheet's external form. */
    public static String stylesheet() {
        return externalForm(STYLESHEET);
    }

    /** The message bundle for the default locale. */
    public static ResourceBundle messages() {
        return messages(Locale.getDefault());
    }

    /**
     * The message bundle for a locale (falling back to the base English bundle).
     *
     * @throws IllegalStateException when the bundle is not in the jar
     */
    public static ResourceBundle messages(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, UiResources.class.getClassLoader());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("UI message bundle missing: " + BUNDLE, e);
        }
    }
}
