package io.tapsrelay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PeersCommandTest {
    @Test
    void theListIsATableWithOneLinePerPeerAndItsReasonLast() throws Exception {
        var entries = RepairCommand.JSON.readTree("[{\"server_id\":\"spam.example\",\"state\":\"quarantined\","
                + "\"reason\":\"3 invalid signatures\",\"automatic\":true,\"since\":\"2026-11-23T10:00:00Z\"},"
                + "{\"server_id\":\"b.example\",\"state\":\"quarantined\",\"reason\":\"by hand\",\"automatic\":false,"
                + "\"since\":\"2026-11-23T11:00:00Z\"}]");
        assertEquals(""
                + "PEER          STATE        SINCE                 BY         REASON\n"
                + "spam.example  quarantined  2026-11-23T10:00:00Z  automatic  3 invalid signatures\n"
                + "b.example     quarantined  2026-11-23T11:00:00Z  operator   by hand\n",
                PeersListCommand.table(entries));
    }

    @Test
    void anEmptyListSaysSo() throws Exception {
        assertEquals("no peers are quarantined\n", PeersListCommand.table(RepairCommand.JSON.readTree("[]")));
    }

    @Test
    void aPeerThatIsNotAServerIdIsAUsageError() {
        CliRun run = CliRun.tapsrelay("peers", "quarantine", "Not An Id", "--token", "t");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("is not a server id"), run.transcript());
    }

    @Test
    void anAdminListenerThatIsNotThereFailsWithExitOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.tapsrelay("peers", "list", "--admin-url", "http://127.0.0.1:" + port, "--token", "t");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cannot reach the relay's admin listener"), run.transcript());
    }

    @Test
    void peersWithoutACommandIsAUsageError() {
        CliRun run = CliRun.tapsrelay("peers");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("a command is needed"), run.transcript());
    }
}
