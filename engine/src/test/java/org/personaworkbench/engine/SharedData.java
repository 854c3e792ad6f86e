package org.personaworkbench.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the optional {@code ../shared} folder (real public datasets and bench data) that sits beside a
 * developer's or CI's clone; a user's clone has none, and tests that need it skip. {@code -Dpwb.shared=DIR}
 * points elsewhere.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The file at {@code relative} inside the shared folder, when both exist. */
    public static Optional<Path> file(String relative) {
        return folder().map(f -> f.resolve(relative)).filter(Files::isReadable);
    }

    private static Optional<Path> folder() {
        String property = System.getProperty("pwb.shared");
        if (property != null) {
            return Optional.of(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
