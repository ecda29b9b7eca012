package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import io.tapsrelay.relay.spi.RelayExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile(
            "tapsrelay \\S+ serving 127\\.0\\.0\\.1:(\\d+) as server id cli-serve\\.test "
                    + "\\(store (\\S+), client token in (\\S+)\\)\n");

    @TempDir
    Path dir;

    @Test
    void servesUntilAskedToStopThenDrainsAndReturnsZero() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("relay.yaml");
        Files.writeString(config, TestConfigs.ephemeral("cli-serve.test", data));
        CompletableFuture<Runnable> stop = new CompletableFuture<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RecordingExtension extension = new RecordingExtension();
        CommandLine cli = Main.configure(new CommandLine(new ServeCommand(stop::complete, () -> List.of(extension))));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--config", config.toString()));

        // The stop action is registered just before the line is printed; the line follows within moments.
        stop.get(30, TimeUnit.SECONDS);
        Matcher serving = awaitServingLine(out, exit);
        HttpResponse<String> caps = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.group(1) + "/_taps/federation/caps"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(exit.isDone(), "serve returned while the relay should be running");
        stop.get().run();

        assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString());
        assertEquals(List.of("install cli-serve.test", "start", "close"), extension.calls);
        assertEquals(200, caps.statusCode(), caps.body());
        assertTrue(caps.body().contains("\"server_id\":\"cli-serve.test\""), caps.body());
        assertEquals(data.toString(), serving.group(2));
        assertEquals(data.resolve("client-token").toString(), serving.group(3));
        assertTrue(Files.exists(data.resolve("client-token")));
    }

    /** Notes the relay's calls, in order. */
    private static final class RecordingExtension implements RelayExtension {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void install(RelayContext context, ExtensionRoutes routes) {
            calls.add("install " + context.selfId());
        }

        @Override
        public void start() {
            calls.add("start");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static Matcher awaitServingLine(StringWriter out, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Matcher m = SERVING.matcher(out.toString());
            if (m.matches()) {
                return m;
            }
            if (exit.isDone()) {
                throw new AssertionError("serve returned " + exit.get() + " before serving; stdout: " + out);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no serving line within 30 s; stdout: " + out);
            }
            // Polls the condition; the pause only spares the CPU, correctness never depends on it.
            LockSupport.parkNanos(1_000_000L);
        }
    }

    @Test
    void aBadConfigurationExitsTwoWithTheReportAndStartsNothing() throws Exception {
        Path config = dir.resolve("relay.yaml");
        Files.writeString(config, "listen: 127.0.0.1:0\nstorage:\n  path: \"" + dir.resolve("data") + "\"\n"
                + "keepalive:\n  intervall: 30s\n");

        CliRun run = CliRun.of(Main.configure(new CommandLine(new ServeCommand(action -> {
            throw new AssertionError("nothing may be registered for a relay that never started");
        }, List::of))), "--config", config.toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertTrue(run.err().contains(config + ": keepalive.intervall: unknown key; did you mean 'interval'?"),
                run.transcript());
        assertFalse(Files.exists(dir.resolve("data")), "a relay with a bad configuration must not create its data");
    }

    @Test
    void anAddressInUseExitsOneWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Path config = dir.resolve("relay.yaml");
            Files.writeString(config, "server_id: cli-busy.test\nlisten: \"127.0.0.1:" + port + "\"\n"
                    + "admin_listen: \"127.0.0.1:0\"\nstorage:\n  path: \"" + dir.resolve("data") + "\"\n");

            CliRun run = CliRun.of(Main.configure(new CommandLine(new ServeCommand(action -> {
                throw new AssertionError("nothing may be registered for a relay that never started");
            }, List::of))), "--config", config.toString());

            assertEquals(1, run.exitCode(), run.transcript());
            assertEquals("", run.out());
            assertEquals(1, run.err().strip().split("\n").length, run.transcript());
            assertTrue(run.err().startsWith("error: cannot listen on 127.0.0.1:" + port), run.transcript());
            assertTrue(run.err().contains("in use"), run.transcript());
        }
    }
}
