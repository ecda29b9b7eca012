package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Option;

/**
 * The options that say which relay's admin listener a command talks to, and one JSON call to it
 * that turns every failure into a message and an exit code.
 */
final class AdminTarget {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The relay's configuration file, for the default admin URL and token.")
    Path config;

    @Option(names = "--admin-url", paramLabel = "URL",
            description = "The relay's admin listener. Default: http://<admin_listen> (http://127.0.0.1:8449).")
    URI adminUrl;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The admin token. Default: the contents of <storage.path>/admin-token.")
    String token;

    /**
     * What a call came to: the JSON document of a 200 answer, or the exit code of a failure.
     *
     * @param json the answer, null when the call failed
     * @param exitCode {@link ExitCodes#OK} when it succeeded
     */
    record Outcome(JsonNode json, int exitCode) {
        boolean ok() {
            return json != null;
        }
    }

    /**
     * Calls {@code path} (POST with {@code jsonBody}, or GET when it is null). On any failure writes
     * one line to {@code err}.
     */
    Outcome call(String path, String jsonBody, PrintWriter err) throws InterruptedException {
        RepairCommand.Admin admin;
        try {
            admin = RepairCommand.Admin.of(config, adminUrl, token);
        } catch (ConfigException e) {
            return fail(err, e.getMessage(), ExitCodes.USAGE);
        } catch (IOException e) {
            return fail(err, "error: " + e.getMessage(), ExitCodes.FAILURE);
        }
        CompletableFuture<HttpResponse<String>> call = jsonBody == null ? admin.get(path, TIMEOUT)
                : admin.post(path, jsonBody, TIMEOUT);
        HttpResponse<String> response;
        try {
            response = call.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return fail(err, "error: " + RepairCommand.Admin.failure(e.getCause()).getMessage(), ExitCodes.FAILURE);
        } catch (TimeoutException e) {
            return fail(err, "error: the relay did not answer within " + TIMEOUT.toSeconds() + " s", ExitCodes.FAILURE);
        }
        if (response.statusCode() != 200) {
            return fail(err, "error: " + RepairCommand.Admin.describe(response), ExitCodes.FAILURE);
        }
        try {
            return new Outcome(RepairCommand.JSON.readTree(response.body()), ExitCodes.OK);
        } catch (IOException e) {
            return fail(err, "error: the relay's answer is not JSON: " + e.getMessage(), ExitCodes.FAILURE);
        }
    }

    private static Outcome fail(PrintWriter err, String message, int code) {
        err.println(message);
        err.flush();
        return new Outcome(null, code);
    }
}
