package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadersTest {
    private static final PeerAddress PEER = new PeerAddress("https", "relay-b.example", 8448);

    @Test
    void pseudoHeadersCarryMethodSchemeAuthorityAndThePathVerbatim() {
        String path = "/_taps/federation/encrypted-groups/g!team-7/send?x=%2F";
        Http2Headers h = RequestHeaders.build(PEER, "POST", path, Map.of(), 12);
        assertEquals("POST", h.method().toString());
        assertEquals("https", h.scheme().toString());
        assertEquals("relay-b.example:8448", h.authority().toString());
        assertEquals(path, h.path().toString());
        assertEquals("12", h.get("content-length").toString());
    }

    @Test
    void headerNamesAreSentLowerCase() {
        Http2Headers h = RequestHeaders.build(PEER, "GET", "/", Map.of("X-Taps-Origin", "relay-a.example"), -1);
        assertEquals("relay-a.example", h.get("x-taps-origin").toString());
    }

    @Test
    void noContentLengthIsSentForAnOpenStream() {
        assertFalse(RequestHeaders.build(PEER, "POST", "/s", Map.of(), -1).contains("content-length"));
    }

    @ParameterizedTest
    @ValueSource(strings = {":path", "connection", "Transfer-Encoding", "host", "upgrade", ""})
    void pseudoAndConnectionSpecificHeadersAreRefused(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> RequestHeaders.build(PEER, "GET", "/", Map.of(name, "x"), -1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"relative", "/with space", "/caf\u00e9", ""})
    void pathsThatCannotGoOnTheWireUnchangedAreRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> RequestHeaders.build(PEER, "GET", path, Map.of(), -1));
    }

    @Test
    void methodMustBeAnUpperCaseToken() {
        assertThrows(IllegalArgumentException.class, () -> RequestHeaders.build(PEER, "get", "/", Map.of(), -1));
    }
}
