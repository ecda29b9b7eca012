package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tapsrelay serve} in a JVM of its own, stopped the way an operator stops it. */
class ServeProcessTest {
    @TempDir
    Path dir;

    private static final Pattern PORT = Pattern.compile(" serving 127\\.0\\.0\\.1:(\\d+) ");

    @Test
    void servesWithAntiEntropyAndDrainsOnSigtermWritingItsLastLogLines() throws Exception {
        Path config = dir.resolve("relay.yaml");
        Files.writeString(config, TestConfigs.ephemeral("cli-process.test", dir.resolve("data")));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.tapsrelay.cli.Main", "serve", "--config", config.toString()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read(out).contains(" serving ")) {
                if (!relay.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no serving line; stderr:\n" + read(err));
                }
                // Polls the condition; the pause only spares the CPU, correctness never depends on it.
                LockSupport.parkNanos(10_000_000L);
            }

            Matcher port = PORT.matcher(read(out));
            assertTrue(port.find(), read(out));
            // The anti-entropy route is installed: an unsigned request is refused (401), not unknown (404).
            HttpResponse<String> digest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port.group(1) + "/_taps/federation/encrypted-groups/g!x/digest"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, digest.statusCode(), digest.body());

            relay.destroy();

            assertTrue(relay.waitFor(30, TimeUnit.SECONDS), "the relay did not stop on SIGTERM");
        } finally {
            relay.destroyForcibly();
        }
        String log = read(err);
        // 128 + 15: the JVM ran its shutdown hooks for SIGTERM and ended.
        assertEquals(143, relay.exitValue(), log);
        assertTrue(log.contains(" INFO  Relay event=draining server_id=cli-process.test"), log);
        assertTrue(log.contains(" INFO  Relay event=stopped server_id=cli-process.test"), log);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
