package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Deterministic unsigned events for store-level tests: the same arguments always give the same event. */
final class TestEvents {
    static final String GROUP = "g!ae-test";
    static final String ORIGIN = "relay-a.test";

    private TestEvents() {}

    static StoredEvent event(String origin, long seq, String variant) {
        String content = GROUP + "|" + origin + "|" + seq + "|" + variant;
        byte[] idBytes = Sha256.digest(utf8("id|" + content)).toBytes();
        String eventId = ulid(idBytes);
        byte[] contentBytes = utf8(content);
        String record = "{\"event_id\":\"" + eventId + "\",\"origin_server\":\"" + origin + "\",\"origin_seq\":" + seq
                + ",\"content\":\"" + Base64.getEncoder().encodeToString(contentBytes) + "\"}";
        return new StoredEvent(GROUP, eventId, origin, seq, Sha256.digest(contentBytes), utf8(record));
    }

    static StoredEvent event(long seq) {
        return event(ORIGIN, seq, "v0");
    }

    /** Events {@code from..to} of {@code origin}, leaving out {@code skip}. */
    static List<StoredEvent> range(String origin, long from, long to, long... skip) {
        List<StoredEvent> out = new ArrayList<>();
        outer:
        for (long seq = from; seq <= to; seq++) {
            for (long s : skip) {
                if (s == seq) {
                    continue outer;
                }
            }
            out.add(event(origin, seq, "v0"));
        }
        return out;
    }

    /** Crockford base32 of the first 16 bytes, 26 characters. */
    private static String ulid(byte[] bytes) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        java.math.BigInteger v = new java.math.BigInteger(1, java.util.Arrays.copyOf(bytes, 16));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            out.append(alphabet.charAt(v.and(java.math.BigInteger.valueOf(31)).intValue()));
            v = v.shiftRight(5);
        }
        return out.reverse().toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
