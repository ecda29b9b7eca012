package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerAddressTest {
    @Test
    void httpWithoutPortDefaultsTo80AndHttpsTo443() {
        assertEquals(new PeerAddress("http", "relay-a.example", 80), PeerAddress.of(URI.create("http://relay-a.example")));
        assertEquals(new PeerAddress("https", "relay-a.example", 443), PeerAddress.of(URI.create("https://relay-a.example/")));
    }

    @Test
    void schemeAndHostAreLowerCasedSoEquivalentUrlsShareAConnection() {
        assertEquals(PeerAddress.of(URI.create("https://relay-b.example:8448")),
                PeerAddress.of(URI.create("HTTPS://Relay-B.Example:8448/_taps/federation")));
    }

    @Test
    void authorityAlwaysNamesThePortAndBracketsIpv6() {
        assertEquals("relay-a.example:443", PeerAddress.of(URI.create("https://relay-a.example")).authority());
        PeerAddress v6 = PeerAddress.of(URI.create("http://[::1]:8448"));
        assertEquals("::1", v6.host());
        assertEquals("[::1]:8448", v6.authority());
        assertEquals("http://[::1]:8448/x/g!team", v6.url("/x/g!team"));
    }

    @Test
    void tlsIsChosenByTheScheme() {
        assertTrue(PeerAddress.of(URI.create("https://a.example")).tls());
        assertFalse(PeerAddress.of(URI.create("http://a.example")).tls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://a.example", "/relative/path", "http:///nohost", "mailto:ops@a.example"})
    void baseUrlsWithoutHttpSchemeOrHostAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.of(URI.create(url)));
    }

    @Test
    void portOutsideTheValidRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PeerAddress("http", "a.example", 0));
        assertThrows(IllegalArgumentException.class, () -> new PeerAddress("http", "a.example", 65_536));
    }
}
