package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.relay.Relay;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysRotateCommandTest {
    @TempDir
    Path dir;

    @Test
    void rotatingARunningRelayPrintsTheNewKeyAndTheOldOneWithItsExpiry() throws Exception {
        String yaml = "server_id: \"rotate.test\"\nlisten: \"127.0.0.1:0\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve("data") + "\"\n";
        try (Relay relay = Relay.start(ConfigLoader.parse(yaml, "rotate.yaml"))) {
            String before = relay.signingKeys().current().keyId();
            CliRun run = CliRun.tapsrelay("keys", "rotate", "--admin-url", relay.adminUrl(), "--token",
                    Files.readString(relay.adminTokenFile()).strip());
            assertEquals(ExitCodes.OK, run.exitCode(), run.transcript());
            String after = relay.signingKeys().current().keyId();
            assertTrue(run.out().startsWith("key_id=" + after + " valid_until="), run.transcript());
            assertTrue(run.out().contains("\nold_key_id=" + before + " expired_ts="), run.transcript());
        }
    }

    @Test
    void aWrongTokenFailsWithExitOneAndNamesTheStatus() throws Exception {
        String yaml = "server_id: \"rotate2.test\"\nlisten: \"127.0.0.1:0\"\nadmin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve("data2") + "\"\n";
        try (Relay relay = Relay.start(ConfigLoader.parse(yaml, "rotate2.yaml"))) {
            String before = relay.signingKeys().current().keyId();
            CliRun run = CliRun.tapsrelay("keys", "rotate", "--admin-url", relay.adminUrl(), "--token", "wrong");
            assertEquals(ExitCodes.FAILURE, run.exitCode(), run.transcript());
            assertTrue(run.err().contains("HTTP 401"), run.transcript());
            assertEquals(before, relay.signingKeys().current().keyId(), "nothing rotated");
        }
    }

    @Test
    void anAdminListenerThatIsNotThereFailsWithExitOneAndSaysWhere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.tapsrelay("keys", "rotate", "--admin-url", "http://127.0.0.1:" + port, "--token", "t");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cannot reach the relay's admin listener"), run.transcript());
    }
}
