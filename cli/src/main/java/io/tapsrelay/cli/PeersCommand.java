package io.tapsrelay.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tapsrelay peers}: the group of peer quarantine commands. */
@Command(
        name = "peers",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "List, quarantine and release peers on a running relay (the /_taps/admin/peers routes of its",
            "admin listener). A quarantined peer's requests are refused with 403, its streams are closed and",
            "it is not dialed; the list survives restarts. Peers also go there on their own after",
            "limits.quarantine_threshold invalid signatures or equivocations within limits.quarantine_window."
        },
        subcommands = {PeersListCommand.class, PeersQuarantineCommand.class, PeersReleaseCommand.class},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay peers list --config relay.yaml",
            "  tapsrelay peers quarantine spam.example --reason \"floods g!demo\"",
            "  tapsrelay peers release spam.example"
        })
public final class PeersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.getErr().println("tapsrelay peers: a command is needed");
        cli.usage(cli.getErr());
        return ExitCodes.USAGE;
    }
}
