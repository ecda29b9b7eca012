package io.tapsrelay.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void ipv4HostNameAndBracketedIpv6Parse() {
        assertEquals(new HostPort("127.0.0.1", 8448), HostPort.parse("127.0.0.1:8448"));
        assertEquals(new HostPort("::1", 8448), HostPort.parse("[::1]:8448"));
        assertEquals(new HostPort("localhost", 0), HostPort.parse("localhost:0"));
    }

    @Test
    void toStringGivesBackTheTextForm() {
        for (String text : new String[] {"127.0.0.1:8448", "[::1]:8448", "localhost:0", "[fe80::1:2]:65535"}) {
            assertEquals(text, HostPort.parse(text).toString());
        }
    }

    @Test
    void portZeroIsEphemeral() {
        assertTrue(HostPort.parse("localhost:0").ephemeral());
    }

    @Test
    void malformedAddressesAreRejected() {
        for (String bad : new String[] {"8448", ":8448", "localhost", "localhost:", "localhost:65536",
                "localhost:-1", "::1:8448", "[::1]", "[localhost]:80", "a b:80", "host:80x", "-host:80", "[::1:80"}) {
            assertTrue(HostPort.tryParse(bad).isEmpty(), bad);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse("8448"));
        assertEquals("'8448' is not host:port such as 127.0.0.1:8448, [::1]:8448 or localhost:0", e.getMessage());
    }

    @Test
    void theConstructorChecksHostAndPort() {
        assertThrows(IllegalArgumentException.class, () -> new HostPort("", 1));
        assertThrows(IllegalArgumentException.class, () -> new HostPort("localhost", 70000));
        assertThrows(NullPointerException.class, () -> new HostPort(null, 1));
    }
}
