package org.personaworkbench.app.shell;

import java.nio.file.Path;

/** A recent project file and whether it still exists (missing ones are shown greyed and removable). */
public record RecentProject(Path file, boolean exists) {
}
