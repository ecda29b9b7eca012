package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.cli.Main;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.http.HttpResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Automatic and manual quarantine, its persistence, the CLI commands, and blocked peers' streams. */
class QuarantineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "g!quarantine";

    @TempDir
    Path dir;
    TestRelay config;
    Relay relay;
    RawPeer forger;
    RawPeer honest;
    RawPeer blocked;

    @BeforeEach
    void start() throws Exception {
        forger = new RawPeer("forger.test", dir);
        honest = new RawPeer("honest.test", dir);
        blocked = new RawPeer("blocked.test", dir);
        config = new TestRelay("quarantine-relay.test", dir)
                .with("limits:\n  quarantine_threshold: 3\n  quarantine_window: 1m")
                .with("federation:\n  blocked: [\"blocked.test\"]")
                .with("peers:\n" + forger.peerEntry() + honest.peerEntry() + blocked.peerEntry());
        relay = config.start();
    }

    @AfterEach
    void stop() {
        relay.close();
        forger.close();
        honest.close();
        blocked.close();
    }

    /** A record of {@code peer}'s origin whose signature was made for other content. */
    private static EventRecord forged(RawPeer peer, long originSeq) {
        EventRecord genuine = peer.signedRecord(GROUP, Ulids.next(), originSeq, "genuine " + originSeq);
        EventRecord other = peer.signedRecord(GROUP, genuine.eventId(), originSeq, "tampered " + originSeq);
        return EventRecord.create(other.eventId(), other.originServer(), other.originSeq(), other.originTs(), null,
                other.content(), other.contentHash(), other.keyId(), genuine.signature());
    }

    private final java.util.concurrent.atomic.AtomicLong originSeqs = new java.util.concurrent.atomic.AtomicLong(100);

    /** A valid /send of a fresh event (a fresh origin_seq: reusing one would be equivocation). */
    private HttpResult validSend(RawPeer peer) throws Exception {
        long originSeq = originSeqs.incrementAndGet();
        return peer.send(config, GROUP, peer.event(1, GROUP, originSeq, "hello " + originSeq));
    }

    @Test
    void invalidSignaturesUpToTheThresholdQuarantineThePeerClosingItsStreamAndItStaysSoAfterARestart()
            throws Exception {
        RawStream s = forger.open(config, GROUP);
        assertEquals(200, s.status());
        s.write(forger.hello(1, List.of("*")), forger.eventFrame(2, GROUP, forged(forger, 1)),
                forger.eventFrame(3, GROUP, forged(forger, 2)), forger.eventFrame(4, GROUP, forged(forger, 3)));
        s.awaitError("invalid_signature");
        ErrorPayload closing = s.awaitError("shutting_down");
        assertTrue(closing.fatal());
        assertTrue(closing.message().contains("quarantined"), closing.message());
        s.awaitEnd();
        assertEquals(3, s.received.stream().filter(f -> f.payload() instanceof ErrorPayload e
                && e.code().equals("invalid_signature")).count());

        assertEquals(403, validSend(forger).status());
        assertEquals(403, forger.open(config, GROUP).status());
        assertEquals(200, validSend(honest).status(), "other peers are untouched");
        JsonNode entry = onlyQuarantined();
        assertEquals("forger.test", entry.get("server_id").asText());
        assertTrue(entry.get("automatic").asBoolean());
        assertTrue(AdminCalls.metrics(relay).contains("taps_peers_quarantined 1\n"));

        relay.close();
        relay = config.start();
        assertEquals(403, validSend(forger).status());
        assertEquals("forger.test", onlyQuarantined().get("server_id").asText());

        HttpResponse<String> released = AdminCalls.post(relay, "/_taps/admin/peers/forger.test/release", "{}");
        assertEquals(200, released.statusCode(), released.body());
        assertEquals(200, validSend(forger).status());
        assertEquals(0, quarantined().size());
    }

    @Test
    void anOperatorQuarantinesAndReleasesThroughTheAdminApiAndAReleaseOfAFreePeerIs404() throws Exception {
        HttpResponse<String> q = AdminCalls.post(relay, "/_taps/admin/peers/honest.test/quarantine",
                "{\"reason\":\"looks odd\"}");
        assertEquals(200, q.statusCode(), q.body());
        assertEquals("looks odd", JSON.readTree(q.body()).get("reason").asText());
        assertEquals(403, validSend(honest).status());
        assertEquals(403, honest.open(config, GROUP).status());
        assertEquals(200, AdminCalls.post(relay, "/_taps/admin/peers/honest.test/release", "").statusCode());
        assertEquals(200, validSend(honest).status());
        assertEquals(404, AdminCalls.post(relay, "/_taps/admin/peers/honest.test/release", "").statusCode());
        assertEquals(400, AdminCalls.post(relay, "/_taps/admin/peers/NOT_AN_ID/quarantine", "").statusCode());
    }

    @Test
    void aManualQuarantineClosesTheOpenStreamWithShuttingDown() throws Exception {
        RawStream s = honest.open(config, GROUP);
        assertEquals(200, s.status());
        s.write(honest.hello(1, List.of("*")));
        Await.until("stream registered", java.time.Duration.ofSeconds(10),
                () -> !relay.sessions().sessions().isEmpty());
        assertEquals(200, AdminCalls.post(relay, "/_taps/admin/peers/honest.test/quarantine", "").statusCode());
        assertTrue(s.awaitError("shutting_down").fatal());
        s.awaitEnd();
    }

    @Test
    void theCliQuarantinesListsAndReleasesAPeer() throws Exception {
        String token = Files.readString(relay.adminTokenFile()).strip();
        String[] target = {"--admin-url", relay.adminUrl(), "--token", token};

        Run q = cli(concat(new String[] {"peers", "quarantine", "honest.test", "--reason", "by hand"}, target));
        assertEquals(0, q.code, q.text());
        assertTrue(q.out.contains("honest.test is quarantined"), q.text());
        assertEquals(403, validSend(honest).status());

        Run list = cli(concat(new String[] {"peers", "list"}, target));
        assertEquals(0, list.code, list.text());
        assertTrue(list.out.startsWith("PEER"), list.text());
        assertTrue(list.out.contains("honest.test") && list.out.contains("operator") && list.out.contains("by hand"),
                list.text());

        Run r = cli(concat(new String[] {"peers", "release", "honest.test"}, target));
        assertEquals(0, r.code, r.text());
        assertEquals(200, validSend(honest).status());

        Run again = cli(concat(new String[] {"peers", "release", "honest.test"}, target));
        assertEquals(1, again.code, again.text());
        assertTrue(again.err.contains("HTTP 404"), again.text());
        Run empty = cli(concat(new String[] {"peers", "list"}, target));
        assertEquals("no peers are quarantined\n", empty.out, empty.text());
    }

    @Test
    void aBlockedPeersStreamIs403() throws Exception {
        assertEquals(403, blocked.open(config, GROUP).status());
    }

    private JsonNode onlyQuarantined() throws Exception {
        JsonNode list = quarantined();
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }

    private JsonNode quarantined() throws Exception {
        HttpResponse<String> r = AdminCalls.get(relay, "/_taps/admin/peers");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("quarantined");
    }

    private record Run(int code, String out, String err) {
        String text() {
            return "exit " + code + "\n" + out + "\n" + err;
        }
    }

    private static Run cli(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
