package org.personaworkbench.app.cli;

import org.personaworkbench.app.shell.WorkbenchLauncher;
import org.personaworkbench.engine.common.EngineException;
import org.personaworkbench.engine.project.ProjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pwb gui [PROJECT]}: opens the desktop app, on the project when one is given. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the desktop app (on PROJECT if given).")
final class GuiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "Project file to open.")
    Path project;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = project == null ? null : ProjectService.normalize(project.toAbsolutePath());
        if (file != null && !Files.exists(file)) {
            throw new EngineException("There is no project file " + file
                    + ". Create one with: pwb new " + project + " (or open the app without a project).");
        }
        WorkbenchLauncher.launch(file);
        if (output.json) {
            spec.commandLine().getOut().println(Json.write(Map.of("closed", true)));
        }
        return 0;
    }
}
