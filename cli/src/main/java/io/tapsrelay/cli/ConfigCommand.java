package io.tapsrelay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tapsrelay config}: the group of configuration commands. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Work with relay configuration files (YAML; see docs/CONFIGURATION.md).",
        subcommands = {ConfigCheckCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExample:%n",
        footer = "  tapsrelay config check config/examples/relay-a.yaml")
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("tapsrelay config: a command is needed");
        cli.usage(cli.getErr());
        return ExitCodes.USAGE;
    }
}
