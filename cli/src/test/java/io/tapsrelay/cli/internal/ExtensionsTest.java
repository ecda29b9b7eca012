package io.tapsrelay.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.relay.spi.RelayExtension;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
    @Test
    void aServedRelayRunsAntiEntropy() {
        List<RelayExtension> standard = Extensions.standard();

        assertEquals(1, standard.size(), standard.toString());
        assertEquals(AntiEntropy.class, standard.get(0).getClass());
    }

    @Test
    void everyRelayStartGetsNewInstances() {
        // An anti-entropy instance refuses to be installed in a second relay.
        assertNotSame(Extensions.standard().get(0), Extensions.standard().get(0));
    }
}
