package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.relay.Relay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StatusCommandTest {
    private static final String CANNED = """
            {"server_id":"a.example","version":"0.1.0","uptime_ms":3723000,"heap_used_bytes":52428800,
             "store":{"events":12},
             "streams":[
               {"peer":"b.example","group":"g!one","role":"dialed","events_in":5,"events_out":7,"lag_events":2,
                "last_error":null,"last_peer_error":null},
               {"peer":"b.example","group":"g!two","role":"dialed","events_in":1,"events_out":0,"lag_events":0,
                "last_error":"sequence_violation","last_peer_error":null},
               {"peer":"c.example","group":"g!one","role":"accepted","events_in":0,"events_out":3,"lag_events":9,
                "last_error":null,"last_peer_error":"idle_timeout"}],
             "groups":[
               {"group":"g!one","events":10,"origins":[
                 {"origin_server":"a.example","max_seq":7,"contiguous_seq":7,"count":7},
                 {"origin_server":"b.example","max_seq":5,"contiguous_seq":3,"count":3}]},
               {"group":"g!two","events":2,"origins":[
                 {"origin_server":"b.example","max_seq":2,"contiguous_seq":2,"count":2}]}],
             "repairs":[
               {"started_at":"2026-01-02T03:04:05Z","peer":"b.example","group":"g!one","trigger":"hole",
                "result":"repaired","pulled":2,"pushed":0,"duration_ms":41,"error":null},
               {"started_at":"2026-01-02T03:00:00Z","peer":"c.example","group":"g!one","trigger":"periodic",
                "result":"failed","pulled":0,"pushed":0,"duration_ms":5000,"error":"peer unreachable"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void aCannedDocumentRendersAsPeerGroupAndRepairTables() throws Exception {
        JsonNode status = RepairCommand.JSON.readTree(CANNED);
        assertEquals(""
                + "a.example  version 0.1.0  up 1h2m  heap 50 MiB  events 12\n"
                + "\n"
                + "PEERS\n"
                + "SERVER     STREAMS  EVENTS IN  EVENTS OUT  LAG  LAST ERROR\n"
                + "b.example        2          6           7    2  sent sequence_violation\n"
                + "c.example        1          0           3    9  got idle_timeout\n"
                + "\n"
                + "GROUPS\n"
                + "GROUP  EVENTS  ORIGIN     MAX  CONTIGUOUS\n"
                + "g!one      10  a.example    7           7\n"
                + "               b.example    5           3\n"
                + "g!two       2  b.example    2           2\n"
                + "\n"
                + "REPAIRS\n"
                + "STARTED               PEER       GROUP  TRIGGER   RESULT    PULLED  PUSHED    MS  ERROR\n"
                + "2026-01-02T03:04:05Z  b.example  g!one  hole      repaired       2       0    41  -\n"
                + "2026-01-02T03:00:00Z  c.example  g!one  periodic  failed         0       0  5000  peer unreachable\n",
                StatusCommand.render(status));
    }

    @Test
    void emptySectionsSaySoAndAMissingRepairsSectionMeansNoAntiEntropy() throws Exception {
        String shown = StatusCommand.render(RepairCommand.JSON.readTree(
                "{\"server_id\":\"a.example\",\"streams\":[],\"groups\":[]}"));
        assertTrue(shown.contains("PEERS\n(no open streams)\n"), shown);
        assertTrue(shown.contains("GROUPS\n(no groups held)\n"), shown);
        assertTrue(shown.contains("REPAIRS\n(anti-entropy is not installed)\n"), shown);
    }

    @Test
    void theCommandShowsARunningRelaysStreamsAndGroups() throws Exception {
        int portA = freePort();
        int portB = freePort();
        try (Relay ra = Relay.start(ConfigLoader.parse(yaml("st-a.test", portA, "st-b.test", portB, true), "a.yaml"),
                        List.of(new AntiEntropy()));
                Relay rb = Relay.start(ConfigLoader.parse(yaml("st-b.test", portB, "st-a.test", portA, false), "b.yaml"),
                        List.of(new AntiEntropy()))) {
            String content = Base64.getEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8));
            ra.publisher().publish("g!st", null, null, content).get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (rb.store().groups().isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // polls a condition; the deadline bounds it
            }
            assertEquals(List.of("g!st"), rb.store().groups(), "the event reached the peer");
            String token = Files.readString(ra.adminTokenFile()).strip();
            CliRun run = CliRun.of(new CommandLine(new StatusCommand()), "--admin-url", ra.adminUrl(), "--token", token);
            assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
            assertTrue(run.out().startsWith("st-a.test  version "), run.transcript());
            assertTrue(run.out().contains("\ng!st        1  st-a.test    1           1\n"), run.transcript());
            assertTrue(run.out().matches("(?s).*\\nst-b\\.test +1 +0 +1 +0 +-\\n.*"), run.transcript());

            CliRun raw = CliRun.of(new CommandLine(new StatusCommand()), "--admin-url", ra.adminUrl(), "--token", token,
                    "--json");
            assertEquals(ExitCodes.OK, raw.exitCode(), raw.transcript());
            assertEquals("st-a.test", RepairCommand.JSON.readTree(raw.out()).path("server_id").asText());
        }
    }

    @Test
    void aWrongTokenIsAFailure() throws Exception {
        int port = freePort();
        try (Relay ra = Relay.start(ConfigLoader.parse(yaml("st-c.test", port, "st-d.test", freePort(), false),
                "c.yaml"), List.of())) {
            CliRun run = CliRun.of(new CommandLine(new StatusCommand()), "--admin-url", ra.adminUrl(), "--token", "nope");
            assertEquals(ExitCodes.FAILURE, run.exitCode(), run.transcript());
            assertTrue(run.err().startsWith("error: "), run.transcript());
        }
    }

    private String yaml(String id, int port, String peer, int peerPort, boolean dial) {
        return "server_id: \"" + id + "\"\nlisten: \"127.0.0.1:" + port + "\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve(id) + "\"\n"
                + "peers:\n  - server_id: \"" + peer + "\"\n    url: http://127.0.0.1:" + peerPort + "\n    dial: " + dial
                + "\n"
                + "antientropy:\n  enabled: false\n";
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
