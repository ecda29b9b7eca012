package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.validate.Ids;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tapsrelay peers quarantine SERVER_ID}: quarantines a peer on a running relay. */
@Command(
        name = "quarantine",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Quarantine a peer: its open streams close, its requests are refused with 403 and it is not",
            "dialed, until 'tapsrelay peers release'. A peer already quarantined keeps its first entry."
        })
public final class PeersQuarantineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER_ID", description = "The peer, such as spam.example.")
    String peer;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", description = "Why, for the list. Default: none given.")
    String reason;

    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        if (!Ids.isServerId(peer)) {
            throw new ParameterException(spec.commandLine(), "'" + peer + "' is not a server id");
        }
        ObjectNode body = RepairCommand.JSON.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        AdminTarget.Outcome answer = target.call("/_taps/admin/peers/" + peer + "/quarantine", body.toString(),
                spec.commandLine().getErr());
        if (!answer.ok()) {
            return answer.exitCode();
        }
        JsonNode e = answer.json();
        spec.commandLine().getOut().println(peer + " is quarantined since " + e.path("since").asText() + ": "
                + e.path("reason").asText());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
