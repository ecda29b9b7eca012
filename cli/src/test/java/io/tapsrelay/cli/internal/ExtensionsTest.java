package io.tapsrelay.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.spi.RelayExtension;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionsTest {
    @Test
    void findsTheExtensionsOfferedAsServicesOnTheClassPath() {
        List<RelayExtension> found = Extensions.discover();

        assertEquals(1, found.stream().filter(e -> e instanceof OfferedTestExtension).count(), found.toString());
    }

    @Test
    void everyDiscoveryMakesNewInstances() {
        RelayExtension first = only(Extensions.discover());
        RelayExtension second = only(Extensions.discover());

        assertNotSame(first, second);
    }

    private static RelayExtension only(List<RelayExtension> found) {
        List<RelayExtension> ours = found.stream().filter(e -> e instanceof OfferedTestExtension).toList();
        assertTrue(ours.size() == 1, found.toString());
        return ours.get(0);
    }
}
