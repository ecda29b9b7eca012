package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.relay.identity.AuthResult.Authenticated;
import io.tapsrelay.relay.identity.AuthResult.Rejected;
import io.tapsrelay.relay.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestAuthenticatorTest {
    private static final String SELF = "relay-a.example";
    private static final String PEER = "relay-b.example";
    private static final String KEY_ID = "ed25519:b1";
    private static final String PATH = "/_taps/federation/encrypted-groups/g!team-7/send";
    private static final String BODY = RequestSigning.bodyHash(new byte[] {'{', '}'});
    private static final long T0 = 1_700_000_000_000L;
    private static final Duration SKEW = Duration.ofSeconds(300);

    private final TestClock clock = new TestClock(T0);
    private final Ed25519Keys.KeyPair peerKey = keyPair(11);
    private final AtomicInteger lookups = new AtomicInteger();
    private PeerKeyResolver known = new PinnedKeys(Map.of(PEER, Map.of(KEY_ID, peerKey.publicKey())));
    private final PeerKeyResolver counting = (server, keyId) -> {
        lookups.incrementAndGet();
        return known.resolve(server, keyId);
    };

    private static Ed25519Keys.KeyPair keyPair(long seed) {
        byte[] secret = new byte[32];
        new Random(seed).nextBytes(secret);
        return Ed25519Keys.fromSecret(secret);
    }

    private RequestAuthenticator authenticator(AccessPolicy policy) {
        return new RequestAuthenticator(SELF, policy, counting, SKEW, clock);
    }

    private RequestAuthenticator openRelay() {
        return authenticator(new FederationAccessPolicy(true, Set.of(), Set.of(), o -> false));
    }

    private Map<String, String> signed(String origin, Ed25519Keys.KeyPair key, String destination, long timestamp, String bodyHash) {
        return new HashMap<>(RequestSigning.headers(new SigningKey(KEY_ID, key, 0), origin, destination,
                "POST", PATH, timestamp, bodyHash));
    }

    private Map<String, String> valid() {
        return signed(PEER, peerKey, SELF, T0, BODY);
    }

    private static AuthResult run(RequestAuthenticator auth, Map<String, String> headers) {
        CompletableFuture<AuthResult> result = auth.authenticate("POST", PATH, headers::get, BODY);
        // Known keys are verified on the caller's thread: the verdict is there on return.
        assertTrue(result.isDone());
        return result.join();
    }

    private static Rejected rejected(AuthResult result) {
        return assertInstanceOf(Rejected.class, result);
    }

    @Test
    void aCorrectlySignedRequestIsAuthenticatedAsItsOrigin() {
        assertEquals(new Authenticated(PEER), run(openRelay(), valid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-taps-origin", "x-taps-destination", "x-taps-key-id", "x-taps-timestamp", "x-taps-signature"})
    void eachMissingHeaderIsRejectedWith401NamingIt(String header) {
        Map<String, String> headers = valid();
        headers.remove(header);
        Rejected r = rejected(run(openRelay(), headers));
        assertEquals(401, r.status());
        assertTrue(r.detail().matches("missing header X-Taps-[A-Z][a-z]+(-Id)?"), r.detail());
        assertEquals(header, r.detail().substring("missing header ".length()).toLowerCase(java.util.Locale.ROOT));
        assertEquals(0, lookups.get());
    }

    @Test
    void allMissingHeadersAreNamedTogether() {
        Rejected r = rejected(run(openRelay(), Map.of()));
        assertEquals(new Rejected(401, "Missing request signature",
                "missing headers X-Taps-Origin, X-Taps-Destination, X-Taps-Key-Id, X-Taps-Timestamp, X-Taps-Signature"), r);
    }

    @Test
    void aMissingHeaderIsReportedEvenForABlockedOrigin() {
        Map<String, String> headers = valid();
        headers.remove(RequestSigning.SIGNATURE);
        Rejected r = rejected(run(authenticator(new FederationAccessPolicy(true, Set.of(), Set.of(PEER), o -> false)), headers));
        assertEquals(401, r.status());
    }

    @Test
    void anOriginThatIsNotAServerIdIsRejectedWith401() {
        Rejected r = rejected(run(openRelay(), signed("Relay-B.example", peerKey, SELF, T0, BODY)));
        assertEquals(new Rejected(401, "Invalid origin", "X-Taps-Origin \"Relay-B.example\" is not a server id"), r);
    }

    @Test
    void aBlockedOriginGets403AndNoKeyIsLookedUp() {
        Rejected r = rejected(run(authenticator(new FederationAccessPolicy(true, Set.of(PEER), Set.of(PEER), o -> false)), valid()));
        assertEquals(new Rejected(403, "Origin not allowed", "origin relay-b.example is blocked by this relay's operator"), r);
        assertEquals(0, lookups.get());
    }

    @Test
    void aQuarantinedOriginGets403AndNoKeyIsLookedUp() {
        Rejected r = rejected(run(authenticator(new FederationAccessPolicy(true, Set.of(), Set.of(), PEER::equals)), valid()));
        assertEquals(new Rejected(403, "Origin not allowed", "origin relay-b.example is quarantined on this relay"), r);
        assertEquals(0, lookups.get());
    }

    @Test
    void anUnlistedOriginInAllowListModeGets403BeforeItsUnknownKeyIsLookedUp() {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.KEY_ID, "ed25519:never-fetch");
        Rejected r = rejected(run(authenticator(new FederationAccessPolicy(false, Set.of("relay-c.example"), Set.of(), o -> false)), headers));
        assertEquals(new Rejected(403, "Origin not allowed", "origin relay-b.example is not on this relay's federation allow list"), r);
        assertEquals(0, lookups.get());
    }

    @Test
    void aListedOriginInAllowListModeIsAuthenticated() {
        assertEquals(new Authenticated(PEER),
                run(authenticator(new FederationAccessPolicy(false, Set.of(PEER), Set.of(), o -> false)), valid()));
    }

    @Test
    void openModeAllowsAnUnknownOriginThatSignsCorrectly() {
        Ed25519Keys.KeyPair strangerKey = keyPair(12);
        known = new PinnedKeys(Map.of("stranger.example", Map.of(KEY_ID, strangerKey.publicKey())));
        assertEquals(new Authenticated("stranger.example"),
                run(openRelay(), signed("stranger.example", strangerKey, SELF, T0, BODY)));
    }

    @Test
    void aMalformedKeyIdIsRejectedWithoutLookingItUp() {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.KEY_ID, "rsa:1");
        Rejected r = rejected(run(openRelay(), headers));
        assertEquals(new Rejected(401, "Unknown signing key", "X-Taps-Key-Id \"rsa:1\" is not a key id (ed25519:name)"), r);
        assertEquals(0, lookups.get());
    }

    @Test
    void anUnknownKeyIsRejectedWith401() {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.KEY_ID, "ed25519:zz");
        Rejected r = rejected(run(openRelay(), headers));
        assertEquals(new Rejected(401, "Unknown signing key", "key ed25519:zz of relay-b.example is not known"), r);
        assertEquals(1, lookups.get());
    }

    @Test
    void aFailedKeyFetchIsRejectedAsAnUnknownKey() {
        known = (s, k) -> CompletableFuture.failedFuture(new IOException("connection refused"));
        Rejected r = rejected(run(openRelay(), valid()));
        assertEquals(new Rejected(401, "Unknown signing key",
                "key ed25519:b1 of relay-b.example could not be fetched: connection refused"), r);
    }

    @Test
    void aKeyThatArrivesLaterCompletesTheCheck() {
        CompletableFuture<Optional<Ed25519Keys.PublicKey>> fetch = new CompletableFuture<>();
        known = (s, k) -> fetch;
        CompletableFuture<AuthResult> result = openRelay().authenticate("POST", PATH, valid()::get, BODY);
        assertFalse(result.isDone());
        fetch.complete(Ed25519Keys.publicKey(peerKey.publicKey()));
        assertEquals(new Authenticated(PEER), result.join());
    }

    @Test
    void aTimestampOutsideTheSkewIsRejectedWithItsDistance() {
        Rejected past = rejected(run(openRelay(), signed(PEER, peerKey, SELF, T0 - 412_000, BODY)));
        assertEquals(new Rejected(401, "Request timestamp outside allowed skew",
                "X-Taps-Timestamp 1699999588000 is 412 s from now; allowed skew is 300 s"), past);
        Rejected future = rejected(run(openRelay(), signed(PEER, peerKey, SELF, T0 + 300_001, BODY)));
        assertEquals("X-Taps-Timestamp 1700000300001 is 300.001 s from now; allowed skew is 300 s", future.detail());
    }

    @Test
    void aTimestampExactlyAtTheSkewIsAccepted() {
        assertEquals(new Authenticated(PEER), run(openRelay(), signed(PEER, peerKey, SELF, T0 - 300_000, BODY)));
        assertEquals(new Authenticated(PEER), run(openRelay(), signed(PEER, peerKey, SELF, T0 + 300_000, BODY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "+1700000000000", "01700000000000", "1700000000000.0", "-1", "1.7e12", "１７"})
    void aTimestampThatIsNotACanonicalIntegerIsRejected(String timestamp) {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.TIMESTAMP, timestamp);
        Rejected r = rejected(run(openRelay(), headers));
        assertEquals("Invalid request timestamp", r.title());
        assertEquals(401, r.status());
    }

    @Test
    void aRequestForAnotherDestinationIsRejected() {
        Rejected r = rejected(run(openRelay(), signed(PEER, peerKey, "relay-c.example", T0, BODY)));
        assertEquals(new Rejected(401, "Wrong destination",
                "X-Taps-Destination \"relay-c.example\" is not this relay (relay-a.example)"), r);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 63, 65})
    void aSignatureThatIsNotBase64Of64BytesIsRejected(int length) {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.SIGNATURE, Base64.getEncoder().encodeToString(new byte[length]) + (length == 0 ? "!!" : ""));
        Rejected r = rejected(run(openRelay(), headers));
        assertEquals(new Rejected(401, "Invalid request signature", "X-Taps-Signature is not base64 of 64 bytes"), r);
    }

    @Test
    void anUnpaddedSignatureIsAccepted() {
        Map<String, String> headers = valid();
        headers.put(RequestSigning.SIGNATURE, headers.get(RequestSigning.SIGNATURE).replace("=", ""));
        assertEquals(new Authenticated(PEER), run(openRelay(), headers));
    }

    @Test
    void aSignatureOverAnotherPathIsRejected() {
        Map<String, String> headers = valid();
        AuthResult r = openRelay().authenticate("POST", PATH + "?other", headers::get, BODY).join();
        assertEquals("Invalid request signature", rejected(r).title());
        assertTrue(rejected(r).detail().contains("over POST " + PATH + "?other at 1700000000000"), rejected(r).detail());
    }

    @Test
    void aSignatureOverAnotherBodyIsRejected() {
        AuthResult r = openRelay().authenticate("POST", PATH, valid()::get, RequestSigning.bodyHash(new byte[] {1})).join();
        assertEquals("Invalid request signature", rejected(r).title());
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        Rejected r = rejected(run(openRelay(), signed(PEER, keyPair(99), SELF, T0, BODY)));
        assertEquals("Invalid request signature", r.title());
    }

    @Test
    void aStreamRequestSignsTheLiteralStream() {
        Map<String, String> headers = signed(PEER, peerKey, SELF, T0, RequestSigning.STREAM_BODY);
        RequestAuthenticator auth = openRelay();
        assertEquals(new Authenticated(PEER),
                auth.authenticate("POST", PATH, headers::get, RequestSigning.STREAM_BODY).join());
    }

    @Test
    void aReplayedRequestIsRejectedAndAFreshlySignedOneIsNot() {
        RequestAuthenticator auth = openRelay();
        Map<String, String> first = valid();
        assertEquals(new Authenticated(PEER), run(auth, first));
        clock.advance(Duration.ofSeconds(299));
        Rejected r = rejected(run(auth, first));
        assertEquals(new Rejected(401, "Replayed request",
                "X-Taps-Signature was already used within the last 600 s; sign every request afresh"), r);
        assertEquals(new Authenticated(PEER), run(auth, signed(PEER, peerKey, SELF, clock.millis(), BODY)));
    }

    @Test
    void aRejectedSignatureIsNotRememberedAsUsed() {
        RequestAuthenticator auth = openRelay();
        Map<String, String> headers = valid();
        assertEquals("Invalid request signature",
                rejected(auth.authenticate("GET", PATH, headers::get, BODY).join()).title());
        assertEquals(new Authenticated(PEER), run(auth, headers));
    }

    @Test
    void checksRunInTheProtocolOrder() {
        RequestAuthenticator auth = openRelay();
        // Unknown key and stale timestamp: the key is checked first.
        Map<String, String> unknownKeyAndStale = signed(PEER, peerKey, SELF, T0 - 1_000_000, BODY);
        unknownKeyAndStale.put(RequestSigning.KEY_ID, "ed25519:zz");
        assertEquals("Unknown signing key", rejected(run(auth, unknownKeyAndStale)).title());
        // Stale timestamp and wrong destination: the timestamp is checked first.
        assertEquals("Request timestamp outside allowed skew",
                rejected(run(auth, signed(PEER, peerKey, "relay-c.example", T0 - 1_000_000, BODY))).title());
        // Wrong destination and bad signature: the destination is checked first.
        Map<String, String> wrongDestinationAndBadSignature = signed(PEER, keyPair(99), "relay-c.example", T0, BODY);
        assertEquals("Wrong destination", rejected(run(auth, wrongDestinationAndBadSignature)).title());
    }
}
