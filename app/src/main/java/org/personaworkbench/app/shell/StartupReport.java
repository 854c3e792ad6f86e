package org.personaworkbench.app.shell;

import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures the start time: with {@code -Dpwb.startup.report=FILE} the app writes the milliseconds from JVM
 * start to the main window being shown into FILE ({@code shownAfterMs=1234}). Used by the installer check
 * and the README's start-time figure; without the property it does nothing.
 */
final class StartupReport {

    static final String PROPERTY = "pwb.startup.report";

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    private StartupReport() {
    }

    /** Writes the report once {@code stage} is first shown, when the system property asks for it. */
    static void whenShown(Stage stage) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                // a file write: off the FX thread
                Thread.ofVirtual().start(() -> write(Path.of(file), ms));
            }
        });
    }

    private static void write(Path file, long ms) {
        try {
            Files.writeString(file, "shownAfterMs=" + ms + System.lineSeparator());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not write the startup report " + file, e);
        }
    }
}
