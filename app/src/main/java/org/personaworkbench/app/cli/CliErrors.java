package org.personaworkbench.app.cli;

import org.personaworkbench.engine.common.CancelledException;
import org.personaworkbench.engine.common.EngineException;
import picocli.CommandLine;

import java.util.Map;

/**
 * Turns failures into one clear line on stderr (or a JSON {"error": …} document there with --json) and
 * an exit code: 1 for a failure, 2 for a usage mistake, 130 for a cancel. Never prints a stack trace
 * unless {@code PWB_DEBUG} is set.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int CANCELLED = 130;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        int code = ex instanceof CancelledException ? CANCELLED : FAILURE;
        String message = ex instanceof EngineException || ex instanceof CancelledException
                ? ex.getMessage()
                : "Unexpected error: " + ex;
        report(cli, message, code);
        if (System.getenv("PWB_DEBUG") != null) {
            ex.printStackTrace(cli.getErr());
        } else if (ex instanceof EngineException ee && ee.detail() != null && !(ex.getCause() == null)) {
            cli.getErr().println("(set PWB_DEBUG=1 for technical detail)");
        }
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        report(cli, ex.getMessage(), USAGE);
        if (!wantsJson(args)) {
            cli.getErr().println("Run '" + commandPath(cli) + "--help' for the options.");
        }
        return USAGE;
    }

    private static void report(CommandLine cli, String message, int code) {
        if (wantsJson(cli.getParseResult() == null ? new String[0]
                : cli.getParseResult().originalArgs().toArray(String[]::new))) {
            cli.getErr().println(Json.write(Map.of("error", message, "exitCode", code)));
        } else {
            cli.getErr().println("error: " + message);
        }
        cli.getErr().flush();
    }

    private static boolean wantsJson(String[] args) {
        for (String a : args) {
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static String commandPath(CommandLine cli) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cli; c != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " "); // the root is "pwb" (or "pwb gui" run alone)
        }
        return path.toString();
    }
}
