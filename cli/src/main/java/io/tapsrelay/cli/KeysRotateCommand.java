package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The relay's configuration file, for the default admin URL and token.")
    Path config;

    @Option(names = "--admin-url", paramLabel = "URL",
            description = "The relay's admin listener. Default: http://<admin_listen> (http://127.0.0.1:8449).")
    URI adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The admin token. Default: the contents of <storage.path>/admin-token.")
    String token;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        HttpResponse<String> response;
        try {
            RepairCommand.Admin admin = RepairCommand.Admin.of(config, adminUrl, token);
            response = admin.post("/_taps/admin/keys/rotate", "{}", TIMEOUT)
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } catch (ExecutionException e) {
            err.println("error: " + RepairCommand.Admin.failure(e.getCause()).getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        } catch (TimeoutException e) {
            err.println("error: the relay did not answer within " + TIMEOUT.toSeconds() + " s");
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (response.statusCode() != 200) {
            err.println("error: " + RepairCommand.Admin.describe(response));
            err.flush();
            return ExitCodes.FAILURE;
        }
        JsonNode answer;
        try {
            answer = RepairCommand.JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.path("key_id").isTextual() || !answer.path("old_key").path("key_id").isTextual()) {
            err.println("error: the relay's answer is not a rotation report: " + response.body());
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
