package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The §6 request signature: what is signed and the five {@code X-Taps-*} headers that carry it.
 *
 * <p>Signed bytes: the UTF-8 of {@code taps.v1.request}, method, path with query, timestamp (unix
 * ms, decimal), origin, destination and body hash, joined by {@code \n}, no trailing {@code \n}.
 * The body hash is the lower-case hex SHA-256 of the body, or {@link #STREAM_BODY} for
 * {@code /stream}, whose body is open-ended.
 *
 * <p>Stateless and thread-safe.
 */
public final class RequestSigning {
    /** First line of the signed bytes: the domain separator. */
    public static final String DOMAIN = "taps.v1.request";
    /** The body hash line for {@code /stream} requests. */
    public static final String STREAM_BODY = "stream";

    // Header names as they appear on the HTTP/2 wire, where header names are lower case.
    /** {@code X-Taps-Origin}: the signing server's id. */
    public static final String ORIGIN = "x-taps-origin";
    /** {@code X-Taps-Destination}: the receiving server's id. */
    public static final String DESTINATION = "x-taps-destination";
    /** {@code X-Taps-Key-Id}: the origin's key that signed. */
    public static final String KEY_ID = "x-taps-key-id";
    /** {@code X-Taps-Timestamp}: unix ms, decimal. */
    public static final String TIMESTAMP = "x-taps-timestamp";
    /** {@code X-Taps-Signature}: standard base64 of the 64-byte Ed25519 signature. */
    public static final String SIGNATURE = "x-taps-signature";

    private RequestSigning() {}

    /**
     * The bytes a request signature covers.
     *
     * @param bodyHashHexOrStream {@link #bodyHash} of the body, or {@link #STREAM_BODY}
     * @throws IllegalArgumentException when a part holds a line feed (it would make two different
     *     requests sign the same bytes) or the body hash is neither form
     */
    public static byte[] signedBytes(String method, String pathWithQuery, long timestampMillis,
            String origin, String destination, String bodyHashHexOrStream) {
        requireSingleLine("method", method);
        requireSingleLine("path", pathWithQuery);
        requireSingleLine("origin", origin);
        requireSingleLine("destination", destination);
        if (!STREAM_BODY.equals(bodyHashHexOrStream) && !Sha256.isHex(bodyHashHexOrStream)) {
            throw new IllegalArgumentException(
                    "body hash must be 64 lower-case hex digits or \"stream\", got " + bodyHashHexOrStream);
        }
        String text = DOMAIN + '\n' + method + '\n' + pathWithQuery + '\n' + timestampMillis + '\n'
                + origin + '\n' + destination + '\n' + bodyHashHexOrStream;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void requireSingleLine(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a line feed");
        }
    }

    /** Lower-case hex SHA-256 of {@code body}. */
    public static String bodyHash(byte[] body) {
        return Sha256.digest(body).hex();
    }

    /**
     * The five headers of a signed request, keyed by their lower-case names, in a fixed order.
     *
     * @param bodyHash {@link #bodyHash} of the body, or {@link #STREAM_BODY}
     */
    public static Map<String, String> headers(SigningKey key, String origin, String destination,
            String method, String pathWithQuery, long nowMillis, String bodyHash) {
        byte[] signature = key.sign(signedBytes(method, pathWithQuery, nowMillis, origin, destination, bodyHash));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ORIGIN, origin);
        headers.put(DESTINATION, destination);
        headers.put(KEY_ID, key.keyId());
        headers.put(TIMESTAMP, Long.toString(nowMillis));
        headers.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        return Collections.unmodifiableMap(headers);
    }
}
