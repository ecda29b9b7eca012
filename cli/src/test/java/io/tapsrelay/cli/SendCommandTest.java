package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.store.StoredEvent;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tapsrelay send} against a real relay on loopback; each test posts to a group of its own. */
class SendCommandTest {
    private static final Pattern ACKED = Pattern.compile("event_id=([0-9A-Z]{26}) origin_seq=(\\d+)\n");

    @TempDir
    static Path dir;

    private static Relay relay;
    private static String token;

    @BeforeAll
    static void startRelay() throws Exception {
        relay = Relay.start(ConfigLoader.parse(TestConfigs.ephemeral("cli-send.test", dir.resolve("data")), "test.yaml"));
        token = Files.readString(relay.clientTokenFile()).strip();
    }

    @AfterAll
    static void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    private static CliRun send(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "send";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--url";
        all[args.length + 2] = relay.federationUrl();
        all[args.length + 3] = "--token";
        all[args.length + 4] = token;
        return CliRun.tapsrelay(all);
    }

    private static Matcher acked(CliRun run) {
        assertEquals(0, run.exitCode(), run.transcript());
        Matcher m = ACKED.matcher(run.out());
        assertTrue(m.matches(), run.transcript());
        return m;
    }

    @Test
    void postsTextAndPrintsTheEventIdAndItsDenseOriginSeq() {
        Matcher first = acked(send("--group", "g!text", "--text", "hello"));
        Matcher second = acked(send("--group", "g!text", "--text", "hello again"));

        assertEquals("1", first.group(2));
        assertEquals("2", second.group(2));
        StoredEvent stored = relay.store().get("g!text", relay.serverId(), 1).orElseThrow();
        assertEquals(first.group(1), stored.eventId());
        EventRecord record = EventRecord.parse(stored.record());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(record.content()));
    }

    @Test
    void theSameEventIdTwiceGivesTheSameOriginSeq() {
        String eventId = Ulids.next();

        Matcher first = acked(send("--group", "g!retry", "--text", "once", "--event-id", eventId, "--sender", "@ann"));
        Matcher again = acked(send("--group", "g!retry", "--text", "once", "--event-id", eventId, "--sender", "@ann"));

        assertEquals(eventId, first.group(1));
        assertEquals(first.group(0), again.group(0));
        assertEquals(1, relay.store().originState("g!retry", relay.serverId()).count());
    }

    @Test
    void theSameEventIdWithOtherContentIsRefusedWithTheRelaysErrorCode() {
        String eventId = Ulids.next();
        acked(send("--group", "g!clash", "--text", "first", "--event-id", eventId));

        CliRun run = send("--group", "g!clash", "--text", "second", "--event-id", eventId);

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: invalid_event: "), run.transcript());
        assertTrue(!run.err().startsWith("error: invalid_event: invalid_event"), run.transcript());
    }

    @Test
    void fileContentIsSentByteForByte() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path file = dir.resolve("ciphertext.bin");
        Files.write(file, bytes);

        Matcher m = acked(send("--group", "g!file", "--file", file.toString()));

        StoredEvent stored = relay.store().get("g!file", relay.serverId(), Long.parseLong(m.group(2))).orElseThrow();
        assertArrayEquals(bytes, Base64.getDecoder().decode(EventRecord.parse(stored.record()).content()));
    }

    @Test
    void withoutTextOrFileTheContentIsReadFromStdin() {
        byte[] piped = "from a pipe\n".getBytes(StandardCharsets.UTF_8);
        CommandLine cli = Main.configure(new CommandLine(new SendCommand(new ByteArrayInputStream(piped))));

        CliRun run = CliRun.of(cli, "--group", "g!stdin", "--url", relay.federationUrl(), "--token", token);

        Matcher m = acked(run);
        StoredEvent stored = relay.store().get("g!stdin", relay.serverId(), Long.parseLong(m.group(2))).orElseThrow();
        assertArrayEquals(piped, Base64.getDecoder().decode(EventRecord.parse(stored.record()).content()));
    }

    @Test
    void urlAndTokenDefaultToTheRelaysConfiguration() throws Exception {
        // The relay's own file says port 0; a copy naming the bound URL stands in for a fixed-port config.
        Path config = dir.resolve("client-view.yaml");
        Files.writeString(config, "server_id: \"cli-send.test\"\npublic_url: " + relay.federationUrl() + "\n"
                + "storage:\n  path: \"" + dir.resolve("data") + "\"\n");

        CliRun run = CliRun.tapsrelay("send", "--group", "g!defaults", "--text", "hi", "--config", config.toString());

        assertEquals("1", acked(run).group(2));
    }

    @Test
    void anUnknownTokenIsRefusedWithTheRelaysReason() {
        CliRun run = CliRun.tapsrelay("send", "--group", "g!auth", "--text", "hi", "--url", relay.federationUrl(),
                "--token", "not-a-known-token");

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("error: HTTP 401 Unauthorized: the bearer token is not a known client token", run.err().strip());
    }

    @Test
    void aClosedPortFailsNamingTheUrlThatCouldNotBeReached() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliRun run = CliRun.tapsrelay("send", "--group", "g!closed", "--text", "hi", "--url", "http://127.0.0.1:" + port,
                "--token", "t");

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("error: cannot reach http://127.0.0.1:" + port + "/_taps/federation/encrypted-groups/g!closed/send: "
                + "connection refused (is the relay running there?)", run.err().strip());
    }

    @Test
    void aMissingTokenFileSaysWhereTheTokenWasLookedFor() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-relay-here"));
        Path config = dir.resolve("no-relay.yaml");
        Files.writeString(config, "storage:\n  path: \"" + empty + "\"\n");

        CliRun run = CliRun.tapsrelay("send", "--group", "g!x", "--text", "hi", "--config", config.toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: no client token: " + empty.resolve("client-token") + " does not exist"),
                run.transcript());
    }

    @Test
    void aBadGroupIdIsAUsageErrorBeforeAnythingIsSent() {
        CliRun run = send("--group", "team-7", "--text", "hi");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--group: 'team-7' is not a group id"), run.transcript());
    }

    @Test
    void textAndFileTogetherAreAUsageError() {
        CliRun run = send("--group", "g!x", "--text", "hi", "--file", "x.bin");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("mutually exclusive"), run.transcript());
    }
}
