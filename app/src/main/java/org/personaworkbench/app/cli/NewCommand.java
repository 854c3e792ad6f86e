package org.personaworkbench.app.cli;

import org.personaworkbench.engine.project.Project;
import org.personaworkbench.engine.project.ProjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb new PROJECT}: creates an empty project file (encrypted when a password is given). */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Create a new, empty project file.")
final class NewCommand implements Callable<Integer> {

    @Mixin
    ProjectArgs project;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Project created = new ProjectService().create(project.file(), project.options())) {
            if (output.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("project", created.file().toString());
                doc.put("encrypted", created.encrypted());
                spec.commandLine().getOut().println(Json.write(doc));
            } else {
                spec.commandLine().getOut().println("Created " + created.file()
                        + (created.encrypted() ? " (encrypted)" : ""));
            }
        }
        return 0;
    }
}
