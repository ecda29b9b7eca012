package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tapsrelay keys rotate}: makes a running relay replace its signing key now. */
@Command(
        name = "rotate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Replace a running relay's signing key now (POST /_taps/admin/keys/rotate on its admin",
            "listener), as it does by itself every signing.rotation_interval.",
            "",
            "The new key signs from then on. The old one is published under old_keys of",
            "/_taps/federation/keys/current and keeps verifying at peers until its expired_ts, one",
            "rotation interval later. Prints the new key id and the old one with its expiry.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay keys rotate --config relay.yaml",
            "  tapsrelay keys rotate --admin-url http://127.0.0.1:8449 --token \"$(cat data/admin-token)\""
        })
public final class KeysRotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;



    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        AdminTarget.Outcome outcome = target.call("/_taps/admin/keys/rotate", "{}", err);
        if (!outcome.ok()) {
            return outcome.exitCode();
        }
        JsonNode answer = outcome.json();
        if (!answer.path("key_id").isTextual() || !answer.path("old_key").path("key_id").isTextual()) {
            err.println("error: the relay's answer is not a rotation report: " + answer);
            err.flush();
            return ExitCodes.FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("key_id=" + answer.get("key_id").asText() + " valid_until=" + answer.path("valid_until").asLong());
        out.println("old_key_id=" + answer.get("old_key").get("key_id").asText()
                + " expired_ts=" + answer.get("old_key").path("expired_ts").asLong());
        out.flush();
        return ExitCodes.OK;
    }
}
