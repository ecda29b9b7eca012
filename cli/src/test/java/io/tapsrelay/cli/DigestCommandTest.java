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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DigestCommandTest {
    private static final String H1 = "aaaaaaaaaaaabbbbbbbbbbbbccccccccccccddddddddddddeeeeeeeeeeeeffff";
    private static final String H2 = "111111111111222222222222333333333333444444444444555555555555ffff";

    @TempDir
    Path dir;

    private static JsonNode digest(String server, String root, String origins) throws Exception {
        return RepairCommand.JSON.readTree("{\"group_id\":\"g!demo\",\"server_id\":\"" + server + "\",\"origins\":["
                + origins + "],\"root_hash\":\"" + root + "\"}");
    }

    private static String origin(String name, long max, long contiguous, long count, String prefix) {
        return "{\"origin_server\":\"" + name + "\",\"max_seq\":" + max + ",\"contiguous_seq\":" + contiguous
                + ",\"count\":" + count + ",\"prefix_hash\":\"" + prefix + "\"}";
    }

    @Test
    void differingCellsAreMarkedAndAnOriginOnOneSideOnlyShowsDashes() throws Exception {
        JsonNode local = digest("a.example", H1, origin("a.example", 100, 100, 100, H1) + ","
                + origin("c.example", 7, 7, 7, H2));
        JsonNode peer = digest("b.example", H2, origin("a.example", 100, 98, 99, H2));
        assertEquals(""
                + "g!demo at a.example (local) and b.example: DIFFERENT (root aaaaaaaaaaaa… vs 111111111111…)\n"
                + "ORIGIN     MAX  CONTIGUOUS  COUNT  PREFIX          |  PEER MAX  CONTIGUOUS  COUNT  PREFIX\n"
                + "a.example  100        100*   100*  aaaaaaaaaaaa…*  |       100         98*    99*  111111111111…*\n"
                + "c.example   7*          7*     7*  111111111111…*  |        -*          -*     -*  -*\n"
                + "* differs between the two\n", DigestCommand.sideBySide(local, peer));
    }

    @Test
    void equalDigestsSaySoAndMarkNothing() throws Exception {
        JsonNode local = digest("a.example", H1, origin("a.example", 5, 5, 5, H2));
        String shown = DigestCommand.sideBySide(local, digest("b.example", H1, origin("a.example", 5, 5, 5, H2)));
        assertTrue(shown.startsWith("g!demo at a.example (local) and b.example: equal (root aaaaaaaaaaaa…)\n"), shown);
        assertTrue(!shown.contains("*"), shown);
    }

    @Test
    void theCommandShowsTheLocalAndThePeerDigestOfARunningRelay() throws Exception {
        int portA = freePort();
        int portB = freePort();
        try (Relay ra = Relay.start(ConfigLoader.parse(yaml("dg-a.test", portA, "dg-b.test", portB), "a.yaml"),
                        List.of(new AntiEntropy()));
                Relay rb = Relay.start(ConfigLoader.parse(yaml("dg-b.test", portB, "dg-a.test", portA), "b.yaml"),
                        List.of(new AntiEntropy()))) {
            String content = Base64.getEncoder().encodeToString("x".getBytes(StandardCharsets.UTF_8));
            ra.publisher().publish("g!dg", null, null, content).get(10, TimeUnit.SECONDS);
            String token = Files.readString(ra.adminTokenFile()).strip();
            CliRun run = CliRun.of(new CommandLine(new DigestCommand()), "--admin-url", ra.adminUrl(), "--token", token,
                    "--group", "g!dg", "--peer", "dg-b.test");
            assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
            assertTrue(run.out().startsWith("g!dg at dg-a.test (local) and dg-b.test: DIFFERENT"), run.transcript());
            assertTrue(run.out().contains("\ndg-a.test   1*          1*     1*  "), run.transcript());
            assertTrue(rb.store().groups().isEmpty(), "the peer's side is shown as holding nothing");
        }
    }

    private String yaml(String id, int port, String peer, int peerPort) {
        return "server_id: \"" + id + "\"\nlisten: \"127.0.0.1:" + port + "\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve(id) + "\"\n"
                + "peers:\n  - server_id: \"" + peer + "\"\n    url: http://127.0.0.1:" + peerPort + "\n    dial: false\n"
                + "antientropy:\n  enabled: false\n";
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
