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
        try {
            WorkbenchLauncher.launch(file);
        } catch (UnsupportedOperationException noDisplay) {
            // JavaFX's own words are "Unable to open DISPLAY": say what that means and what to do instead
            throw new EngineException("The desktop app needs a graphical display, and none was found ("
                    + noDisplay.getMessage() + "). Run 'pwb gui' in a desktop session, or use the command-line "
                    + "commands listed by 'pwb --help'.", noDisplay);
        }
        if (output.json) {
            spec.commandLine().getOut().println(Json.write(Map.of("closed", true)));
        }
        return 0;
    }
}
