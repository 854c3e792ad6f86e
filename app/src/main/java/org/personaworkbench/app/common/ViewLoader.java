package org.personaworkbench.app.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;
import org.personaworkbench.ui.UiResources;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads an FXML view from ui-resources with the message bundle and a controller factory (Bisq-style),
 * so controllers get their view model through their constructor instead of a container.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /** Loads {@code fxml/<name>.fxml}, creating its controller with {@code controllerFactory}. */
    public static Parent load(String name, Callback<Class<?>, Object> controllerFactory) {
        FXMLLoader loader = new FXMLLoader(UiResources.fxml(name), I18n.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load view " + name, e);
        }
    }

    /** A controller factory that always returns the given, already constructed controller. */
    public static Callback<Class<?>, Object> controller(Object controller) {
        return type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException("FXML asks for " + type.getName() + " but the controller is "
                        + controller.getClass().getName());
            }
            return controller;
        };
    }
}
