package org.personaworkbench.app.shell;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.personaworkbench.ui.UiResources;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The steps every screenshot tour takes from its driver thread: run on the FX thread, wait for a condition checked
 * there, let rendering settle, and capture the screen with ImageMagick's {@code import} (the tours run under Xvfb).
 */
public final class TourSteps {

    private TourSteps() {
    }

    /** A tour's script, run on its own thread. */
    @FunctionalInterface
    public interface Script {
        void run() throws Exception;
    }

    /**
     * Shows {@code root} at 1280×800 in the top-left corner with the app's stylesheet, then runs the script on a
     * daemon thread; afterwards removes the tour's preferences node and exits JavaFX.
     */
    public static void showAndRun(Stage stage, Parent root, java.util.prefs.Preferences node, Script script) {
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(UiResources.stylesheet());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        Thread driver = new Thread(() -> {
            try {
                script.run();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                try {
                    node.removeNode();
                } catch (Exception ignored) {
                    // a leftover preferences node is harmless
                }
                Platform.exit();
            }
        }, "tour");
        driver.setDaemon(true);
        driver.start();
    }

    /** Runs the action on the FX thread and waits for it. */
    public static void fx(Runnable action) {
        CompletableFuture.runAsync(action, Platform::runLater).join();
    }

    /** Polls the condition on the FX thread every 100 ms; fails after two minutes. */
    public static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!CompletableFuture.supplyAsync(condition::getAsBoolean, Platform::runLater).join()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    /** Gives layout, CSS and animations time to finish before a screenshot. */
    public static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** Captures the whole screen as {@code name}.png in the folder of the system property {@code pwb.tour.out}. */
    public static void shot(String name) throws Exception {
        shot(Path.of(System.getProperty("pwb.tour.out")), name);
    }

    /** Captures the whole screen as {@code name}.png in {@code out}. */
    public static void shot(Path out, String name) throws Exception {
        Path file = out.resolve(name + ".png");
        new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start().waitFor();
        System.out.println("Screenshot " + file);
    }
}
