package io.tapsrelay.frames;

import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** Fixed values shared by tests: the RFC 8032 test-vector-1 key and a signed event built with it. */
public final class FramesTestData {
    public static final String GROUP = "g!team-7";
    public static final String ORIGIN = "relay-a.example";
    public static final String EVENT_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    public static final String FRAME_ID = "01JD5S4W7K8M9N0P1Q2R3S4T5V";
    public static final Ed25519Keys.KeyPair RFC8032_KEY = Ed25519Keys.fromSecret(
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

    private FramesTestData() {}

    /** A complete event in {@link #GROUP} from {@link #ORIGIN}, signed with the RFC 8032 key. */
    public static EventRecord signedEvent(String eventId, long originSeq, String plainContent) {
        byte[] content = plainContent.getBytes(StandardCharsets.UTF_8);
        String contentHash = ContentHash.of(content);
        long ts = 1764000000000L + originSeq;
        byte[] input = EventSigning.signingInput(GROUP, eventId, ORIGIN, originSeq, ts, "alice", contentHash);
        return EventRecord.create(eventId, ORIGIN, originSeq, ts, "alice", Base64.getEncoder().encodeToString(content),
                contentHash, "ed25519:a1", EventSigning.sign(RFC8032_KEY, input));
    }

    /** An EVENT frame carrying {@code event} in {@link #GROUP}. */
    public static Frame eventFrame(long sequence, EventRecord event) {
        return Frame.of(FrameType.EVENT, FRAME_ID, ORIGIN, sequence, GROUP, "2026-11-22T14:20:17.123Z", event);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
