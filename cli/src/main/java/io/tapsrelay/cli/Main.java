package io.tapsrelay.cli;

import io.tapsrelay.cli.logging.LogManagerChoice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code tapsrelay} command: the root of the subcommands and the only place that exits the
 * process. Exit codes are {@link ExitCodes}.
 */
@Command(
        name = "tapsrelay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A federation relay for end-to-end-encrypted group events: relays exchange events over "
                    + "HTTP/2 streams of NDJSON frames, store every event durably and repair each other.",
            ""
        },
        subcommands = {
            ServeCommand.class,
            ConfigCommand.class,
            KeysCommand.class,
            SendCommand.class,
            RepairCommand.class,
            DigestCommand.class,
            PeersCommand.class,
            StatusCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay serve",
            "  tapsrelay serve --config config/examples/relay-a.yaml",
            "  tapsrelay config check relay.yaml",
            "  tapsrelay keys generate --out signing-key.pem",
            "  tapsrelay send --group 'g!demo' --text hello",
            "  tapsrelay repair --group 'g!demo'",
            "",
            "Run 'tapsrelay help COMMAND' for more about a command.",
            "Exit codes: 0 done, 1 failed, 2 bad command line or configuration."
        })
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A command name is needed: show what there is. */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("tapsrelay: a command is needed");
        cli.usage(cli.getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        // Must come before anything touches java.util.logging, so the drain on SIGTERM is logged.
        LogManagerChoice.retainHandlersAtShutdown();
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree, ready to {@code execute}; tests redirect its out and err. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /** Applies the root's error handling to a command line (the root's, or one built around a subcommand). */
    static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // Commands report the failures they expect; anything reaching here is a fault, so keep its trace.
            PrintWriter err = commandLine.getErr();
            err.println("error: unexpected failure: " + e);
            e.printStackTrace(err);
            err.flush();
            return ExitCodes.FAILURE;
        });
        return cli;
    }
}
