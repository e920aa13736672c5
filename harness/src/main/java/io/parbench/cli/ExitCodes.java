package io.parbench.cli;

import io.parbench.results.ResultsException;
import io.parbench.verdict.GateInputException;
import picocli.CommandLine;

/**
 * parbench's exit codes, the same for every command: 0 success, 1 the work ran but something
 * failed (a configuration, a regression), 2 bad usage or input.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURES = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}

    /** The root command line with parbench's exit codes and error messages wired in. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ParbenchCommand());
        // scripts/bench passes defaults before the user's arguments: the last one given wins.
        cl.setOverwrittenOptionsAllowed(true);
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (isBadInput(e)) {
                cmd.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        return cl;
    }

    /** The lower layers' own exceptions for input they cannot use; their messages say what to do. */
    private static boolean isBadInput(Exception e) {
        return e instanceof UserError || e instanceof ResultsException || e instanceof GateInputException;
    }
}
