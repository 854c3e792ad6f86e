package org.personaworkbench.app.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the desktop app remembers between runs, in {@link java.util.prefs.Preferences}: recent projects
 * (most recent first), the window's size and position, the theme, the default seed, the number format and
 * whether the guided tour was dismissed. Tests pass a throw-away node.
 * Writes stay in memory; the JDK stores them from its own timer and shutdown hook, so the FX thread
 * never waits for the disk.
 */
public final class AppPreferences {

    /** How many recent projects are remembered. */
    public static final int MAX_RECENT = 10;

    private static final String RECENT = "recent.";
    private static final String DARK = "theme.dark";
    private static final String SEED = "seed.default";
    private static final String LOCALE = "format.locale";
    private static final String TOUR_DONE = "tour.dismissed";

    /** The seed used until the user picks another one. */
    public static final long DEFAULT_SEED = 42;

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node for this application. */
    public static AppPreferences forUser() {
        return new AppPreferences(Preferences.userRoot().node("org/personaworkbench/workbench"));
    }

    /** Recent project files, most recent first. */
    public List<Path> recentProjects() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = node.get(RECENT + i, null);
            if (value != null && !value.isBlank()) {
                try {
                    out.add(Path.of(value));
                } catch (RuntimeException ignored) {
                    // an unreadable entry is dropped on the next save
                }
            }
        }
        return out;
    }

    /** Puts the file first in the recent list (once), dropping the oldest beyond {@link #MAX_RECENT}. */
    public void addRecent(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentProjects());
        list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
        list.addFirst(abs);
        saveRecent(list);
    }

    public void removeRecent(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentProjects());
        list.removeIf(p -> p.toAbsolutePath().normalize().equals(abs));
        saveRecent(list);
    }

    private void saveRecent(List<Path> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                node.put(RECENT + i, list.get(i).toString());
            } else {
                node.remove(RECENT + i);
            }
        }
    }

    public boolean darkTheme() {
        return node.getBoolean(DARK, false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean(DARK, dark);
    }

    /** The seed new segmentations, recommendation evaluations and export holdouts start with (42 by default). */
    public long defaultSeed() {
        return node.getLong(SEED, DEFAULT_SEED);
    }

    public void setDefaultSeed(long seed) {
        node.putLong(SEED, seed);
    }

    /** How numbers in tables are formatted; {@link NumberLocale#SYSTEM} unless chosen otherwise. */
    public NumberLocale numberLocale() {
        return NumberLocale.fromTag(node.get(LOCALE, ""));
    }

    public void setNumberLocale(NumberLocale locale) {
        node.put(LOCALE, locale.tag());
    }

    /** True once the guided tour was finished or skipped: it is then not shown again on its own. */
    public boolean tourDismissed() {
        return node.getBoolean(TOUR_DONE, false);
    }

    public void setTourDismissed(boolean dismissed) {
        node.putBoolean(TOUR_DONE, dismissed);
    }

    /** The window's last bounds; empty on first start. */
    public Optional<WindowState> windowState() {
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        if (w <= 0 || h <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowState(node.getDouble("window.x", 0), node.getDouble("window.y", 0), w, h,
                node.getBoolean("window.maximized", false)));
    }

    public void saveWindowState(WindowState state) {
        node.putDouble("window.x", state.x());
        node.putDouble("window.y", state.y());
        node.putDouble("window.width", state.width());
        node.putDouble("window.height", state.height());
        node.putBoolean("window.maximized", state.maximized());
    }

    /** Writes to disk now; call only off the FX thread (the launcher does after the window closed). */
    public void flush() {
        try {
            node.flush();
        } catch (java.util.prefs.BackingStoreException | IllegalStateException ignored) {
            // preferences are a convenience: losing them must never stop the app
        }
    }

    /** Bounds of the main window. */
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
    }
}
