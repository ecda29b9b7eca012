package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.identity.AuthResult.Authenticated;
import io.tapsrelay.relay.identity.AuthResult.Rejected;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Authenticates peer requests by their §6 signature headers, checking in exactly the order the
 * protocol fixes:
 *
 * <ol>
 *   <li>any of the five headers missing (an empty value counts as missing): 401
 *   <li>origin not a server id: 401
 *   <li>origin not allowed, blocked or quarantined: 403, before any key is looked up or fetched,
 *       so a refused origin cannot make this relay fetch anything
 *   <li>key id malformed, or the key unknown: 401
 *   <li>timestamp not an integer, or further than the allowed skew from now: 401
 *   <li>destination not this relay: 401
 *   <li>signature not base64 of 64 bytes, or not verifying: 401
 *   <li>the same signature already seen within {@code 2 × skew}: 401
 * </ol>
 *
 * <p>Threading: when the resolver knows the key already (pinned or cached), the whole check,
 * including the ~100 µs signature verification, runs on the calling thread, so call from a worker,
 * not an event loop. When the key must be fetched, the rest runs on the thread completing the
 * resolver's future. Thread-safe.
 */
public final class RequestAuthenticator {
    private static final String HEADER_PREFIX = "X-Taps-";
    private static final List<String> REQUIRED = List.of(
            RequestSigning.ORIGIN, RequestSigning.DESTINATION, RequestSigning.KEY_ID,
            RequestSigning.TIMESTAMP, RequestSigning.SIGNATURE);
    private static final int MAX_TIMESTAMP_DIGITS = 18;

    private final String selfServerId;
    private final AccessPolicy policy;
    private final PeerKeyResolver keys;
    private final long skewMillis;
    private final Clock clock;
    private final ReplayCache replays;

    /**
     * @param selfServerId this relay's server id, the only accepted {@code X-Taps-Destination}
     * @param allowedSkew how far a request's timestamp may be from this relay's clock, either way
     */
    public RequestAuthenticator(String selfServerId, AccessPolicy policy, PeerKeyResolver keys,
            Duration allowedSkew, Clock clock) {
        if (!Ids.isServerId(selfServerId)) {
            throw new IllegalArgumentException("not a server id: " + selfServerId);
        }
        if (allowedSkew == null || allowedSkew.isNegative() || allowedSkew.isZero()) {
            throw new IllegalArgumentException("allowed skew must be positive, got " + allowedSkew);
        }
        this.selfServerId = selfServerId;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.skewMillis = allowedSkew.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.replays = new ReplayCache(2 * skewMillis, ReplayCache.DEFAULT_CAPACITY);
    }

    /**
     * Checks one request.
     *
     * @param method the HTTP method as sent, e.g. {@code POST}
     * @param pathWithQuery the {@code :path} exactly as sent
     * @param header lower-case header name → its value, or null when absent
     * @param bodyHashHexOrStream {@link RequestSigning#bodyHash} of the received body, or
     *     {@link RequestSigning#STREAM_BODY} for {@code /stream}
     * @return the verdict; a programming error in {@code header}, the policy or the resolver
     *     propagates, but a resolver's failed future is an unknown key (401)
     */
    public CompletableFuture<AuthResult> authenticate(String method, String pathWithQuery,
            Function<String, String> header, String bodyHashHexOrStream) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            String value = header.apply(name);
            if (value == null || value.isEmpty()) {
                missing.add(displayName(name));
            }
        }
        if (!missing.isEmpty()) {
            return done(unauthorized("Missing request signature", "missing header" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing)));
        }
        String origin = header.apply(RequestSigning.ORIGIN);
        if (!Ids.isServerId(origin)) {
            return done(unauthorized("Invalid origin",
                    "X-Taps-Origin " + quote(origin) + " is not a server id"));
        }
        Access access = policy.check(origin);
        if (access != Access.ALLOWED) {
            return done(forbidden(origin, access));
        }
        String keyId = header.apply(RequestSigning.KEY_ID);
        if (!Ids.isKeyId(keyId)) {
            return done(unauthorized("Unknown signing key",
                    "X-Taps-Key-Id " + quote(keyId) + " is not a key id (ed25519:name)"));
        }
        Request request = new Request(method, pathWithQuery, origin, keyId,
                header.apply(RequestSigning.TIMESTAMP), header.apply(RequestSigning.DESTINATION),
                header.apply(RequestSigning.SIGNATURE), bodyHashHexOrStream);
        return keys.resolve(origin, keyId).handle((key, failure) -> {
            if (failure != null) {
                return unauthorized("Unknown signing key", "key " + keyId + " of " + origin
                        + " could not be fetched: " + rootMessage(failure));
            }
            return key.<AuthResult>map(k -> verify(request, k))
                    .orElseGet(() -> unauthorized("Unknown signing key", "key " + keyId + " of " + origin + " is not known"));
        });
    }

    /** The header values of one request, after the checks that need no key. */
    private record Request(String method, String path, String origin, String keyId, String timestamp,
            String destination, String signature, String bodyHash) {}

    private AuthResult verify(Request r, Ed25519Keys.PublicKey key) {
        long now = clock.millis();
        Optional<Long> timestamp = parseTimestamp(r.timestamp());
        if (timestamp.isEmpty()) {
            return unauthorized("Invalid request timestamp",
                    "X-Taps-Timestamp " + quote(r.timestamp()) + " is not a unix time in milliseconds");
        }
        long distance = Math.abs(now - timestamp.get());
        if (distance > skewMillis) {
            return unauthorized("Request timestamp outside allowed skew", "X-Taps-Timestamp " + timestamp.get()
                    + " is " + seconds(distance) + " from now; allowed skew is " + seconds(skewMillis));
        }
        if (!selfServerId.equals(r.destination())) {
            return unauthorized("Wrong destination",
                    "X-Taps-Destination " + quote(r.destination()) + " is not this relay (" + selfServerId + ")");
        }
        Optional<byte[]> signature = decodeSignature(r.signature());
        if (signature.isEmpty()) {
            return unauthorized("Invalid request signature", "X-Taps-Signature is not base64 of "
                    + Ed25519Keys.SIGNATURE_LENGTH + " bytes");
        }
        if (r.method().indexOf('\n') >= 0 || r.path().indexOf('\n') >= 0) {
            return unauthorized("Invalid request signature", "the method or path holds a line feed and cannot be signed");
        }
        byte[] signed = RequestSigning.signedBytes(
                r.method(), r.path(), timestamp.get(), r.origin(), r.destination(), r.bodyHash());
        if (!key.verify(signed, signature.get())) {
            return unauthorized("Invalid request signature", "X-Taps-Signature does not verify with key "
                    + r.keyId() + " of " + r.origin() + " over " + r.method() + " " + r.path() + " at "
                    + timestamp.get() + " to " + r.destination() + " with body " + r.bodyHash());
        }
        if (!replays.firstSighting(signature.get(), now)) {
            return unauthorized("Replayed request", "X-Taps-Signature was already used within the last "
                    + seconds(2 * skewMillis) + "; sign every request afresh");
        }
        return new Authenticated(r.origin());
    }

    /**
     * Canonical decimal only (ASCII digits, no sign, no leading zero): the signed bytes hold the
     * number re-printed, so any other spelling would verify against text the signer never wrote.
     */
    private static Optional<Long> parseTimestamp(String text) {
        int n = text.length();
        if (n > MAX_TIMESTAMP_DIGITS || (n > 1 && text.charAt(0) == '0')) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            value = value * 10 + (c - '0');
        }
        return Optional.of(value);
    }

    /** Standard base64, padded (88 chars) or not (86); anything else is not a signature. */
    private static Optional<byte[]> decodeSignature(String text) {
        int n = text.length();
        boolean padded = n == 88 && text.endsWith("==");
        if (!padded && n != 86) {
            return Optional.empty();
        }
        for (int i = 0; i < 86; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(Base64.getDecoder().decode(text));
    }

    private static Rejected forbidden(String origin, Access access) {
        String why = switch (access) {
            case NOT_ALLOWED -> "is not on this relay's federation allow list";
            case BLOCKED -> "is blocked by this relay's operator";
            case QUARANTINED -> "is quarantined on this relay";
            case ALLOWED -> throw new IllegalArgumentException("an allowed origin is not forbidden");
        };
        return new Rejected(403, "Origin not allowed", "origin " + origin + " " + why);
    }

    private static Rejected unauthorized(String title, String detail) {
        return new Rejected(401, title, detail);
    }

    private static CompletableFuture<AuthResult> done(AuthResult result) {
        return CompletableFuture.completedFuture(result);
    }

    /** {@code x-taps-key-id} → {@code X-Taps-Key-Id}, as people write it. */
    private static String displayName(String wireName) {
        String rest = wireName.substring(HEADER_PREFIX.length());
        StringBuilder out = new StringBuilder(HEADER_PREFIX);
        boolean upper = true;
        for (char c : rest.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : c);
            upper = c == '-';
        }
        return out.toString();
    }

    /** Quotes and truncates a header value for a detail message, which must stay short. */
    private static String quote(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "\"" + shown + "\"";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
