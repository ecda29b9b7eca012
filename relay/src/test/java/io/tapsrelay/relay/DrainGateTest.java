package io.tapsrelay.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.http.RequestHead;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrainGateTest {
    private static final RequestHead HEAD = new RequestHead("GET", "/_taps/federation/caps", Map.of(), Map.of(), "test");

    @Test
    void requestsPassUntilDrainingBegins() {
        DrainGate gate = new DrainGate();
        assertTrue(gate.admit(HEAD).isEmpty());
    }

    @Test
    void aDrainingRelayAnswers503() {
        DrainGate gate = new DrainGate();
        gate.begin();
        assertEquals(503, gate.admit(HEAD).orElseThrow().status());
    }
}
