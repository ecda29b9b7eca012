package io.tapsrelay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tapsrelay keys}: the group of signing key commands. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Make Ed25519 signing keys for a relay, and rotate a running relay's key.",
        subcommands = {KeysGenerateCommand.class, KeysRotateCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExample:%n",
        footer = {"  tapsrelay keys generate --out ./data/signing-key.pem", "  tapsrelay keys rotate --config relay.yaml"})
public final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("tapsrelay keys: a command is needed");
        cli.usage(cli.getErr());
        return ExitCodes.USAGE;
    }
}
