package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tapsrelay serve} in a JVM of its own, stopped the way an operator stops it. */
class ServeProcessTest {
    @TempDir
    Path dir;

    @Test
    void sigtermDrainsTheRelayAndItsLastLogLinesAreWritten() throws Exception {
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
