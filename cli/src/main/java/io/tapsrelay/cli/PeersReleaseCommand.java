package io.tapsrelay.cli;

import io.tapsrelay.frames.validate.Ids;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tapsrelay peers release SERVER_ID}: lifts a peer's quarantine on a running relay. */
@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lift a peer's quarantine: its requests are served and it is dialed again. Exits 1 when it was "
                + "not quarantined.")
public final class PeersReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER_ID", description = "The peer, such as spam.example.")
    String peer;

    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        if (!Ids.isServerId(peer)) {
            throw new ParameterException(spec.commandLine(), "'" + peer + "' is not a server id");
        }
        AdminTarget.Outcome answer = target.call("/_taps/admin/peers/" + peer + "/release", "{}", spec.commandLine().getErr());
        if (!answer.ok()) {
            return answer.exitCode();
        }
        spec.commandLine().getOut().println(peer + " is released");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
