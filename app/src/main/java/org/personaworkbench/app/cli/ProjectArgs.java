package org.personaworkbench.app.cli;

import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectOptions;
import org.personaworkbench.engine.project.ProjectService;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * The project a command works on: its path ({@code .mv.db} is added when missing) and an optional
 * password, typed at a prompt with {@code --password} or taken from the {@code PWB_PASSWORD} variable.
 */
final class ProjectArgs {

    @Parameters(index = "0", paramLabel = "PROJECT",
            description = "Project file; '.mv.db' is added when missing.")
    Path project;

    @Option(names = "--password", interactive = true, arity = "0..1",
            description = "Ask for the project's password (or set PWB_PASSWORD).")
    char[] password;

    Path file() {
        return ProjectService.normalize(project.toAbsolutePath());
    }

    ProjectOptions options() {
        if (password != null && password.length > 0) {
            return ProjectOptions.withPassword(password);
        }
        String env = System.getenv("PWB_PASSWORD");
        return env == null || env.isEmpty() ? ProjectOptions.plain() : ProjectOptions.withPassword(env.toCharArray());
    }

    Project open() {
        return new ProjectService().open(file(), options());
    }

    /** Opens the project, reads something from it and closes it again. */
    <T> T read(java.util.function.Function<Project, T> reader) {
        try (Project p = open()) {
            return reader.apply(p);
        }
    }
}
