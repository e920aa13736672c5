package io.parbench.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code parbench} command: one subcommand per job. */
@Command(
        name = "parbench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Measures how parallel kernels scale with workers, natively (JMH) and as threaded WASM in headless browsers.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            DoctorCommand.class,
            ReportCommand.class,
            GateCommand.class,
            CompareCommand.class,
            ExportCommand.class,
            InspectCommand.class
        })
public final class ParbenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'parbench run --profile quick' or 'parbench --help'.");
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.commandLine().execute(args));
    }
}
