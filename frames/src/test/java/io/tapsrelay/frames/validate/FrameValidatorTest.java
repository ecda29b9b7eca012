package io.tapsrelay.frames.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.SeqRange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameValidatorTest {
    private static final String ID = "01JD5S4W7K8M9N0P1Q2R3S4T5V";
    private static final String HASH = "ab".repeat(32);

    private static Frame ping(String id, String origin, long sequence, String groupId, String timestamp) {
        return Frame.of(FrameType.PING, id, origin, sequence, groupId, timestamp, new Ping());
    }

    private static void assertCode(ErrorCode expected, Optional<Violation> actual) {
        assertTrue(actual.isPresent(), "expected " + expected + ", got no violation");
        assertEquals(expected, actual.get().code(), actual.get().message());
        assertTrue(actual.get().message().startsWith(expected.wireName() + ": "), actual.get().message());
    }

    @Test
    void aWellFormedEnvelopePasses() {
        assertEquals(Optional.empty(), FrameValidator.envelope(ping(ID, "relay-a.example", 1, "g!team-7", "2026-11-22T14:20:17.123Z")));
        assertEquals(Optional.empty(), FrameValidator.envelope(ping(ID.toLowerCase(), "127.0.0.1:8448", 9, null, null)));
    }

    @Test
    void envelopeRejectsEachBadFormAsMalformed() {
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping("not-a-ulid", "relay-a.example", 1, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping("81ARZ3NDEKTSV4RRFFQ69G5FAV", "relay-a.example", 1, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping(ID, "Relay-A.example", 1, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping(ID, "relay-a.example", 0, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping(ID, "relay-a.example", -5, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping(ID, "relay-a.example", 1, "team-7", null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.envelope(ping(ID, "relay-a.example", 1, null, "yesterday")));
    }

    @Test
    void aClientEnvelopeMayCarryAnyOriginName() {
        assertEquals(Optional.empty(), FrameValidator.clientEnvelope(ping(ID, "Alice's Script", 1, null, null)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.clientEnvelope(ping("bad", "Alice's Script", 1, null, null)));
    }

    private static Hello hello(String serverId, String version, List<String> caps, List<String> groups, long max) {
        return new Hello(serverId, version, caps, groups, max);
    }

    @Test
    void aWellFormedHelloPasses() {
        assertEquals(Optional.empty(), FrameValidator.hello(
                hello("relay-a.example", "1.0.0", List.of("stream", "send"), List.of("*", "g!team-7", "g!acme-*"), 16384)));
        assertEquals(Optional.empty(), FrameValidator.hello(hello("relay-a.example", "1.4.2-beta.1", List.of(), List.of(), 1)));
    }

    @Test
    void helloRejectsBadFieldsAsMalformed() {
        List<String> caps = List.of("stream");
        List<String> groups = List.of("*");
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("RELAY", "1.0.0", caps, groups, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello(null, "1.0.0", caps, groups, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "1.0", caps, groups, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", null, caps, groups, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "1.0.0", null, groups, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "1.0.0", caps, null, 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "1.0.0", caps, List.of("acme*"), 16384)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "1.0.0", caps, groups, 0)));
    }

    @Test
    void helloWithAnotherMajorVersionIsUnsupported() {
        assertCode(ErrorCode.UNSUPPORTED_VERSION,
                FrameValidator.hello(hello("relay-a.example", "2.0.0", List.of(), List.of("*"), 16384)));
        assertCode(ErrorCode.UNSUPPORTED_VERSION,
                FrameValidator.hello(hello("relay-a.example", "0.9.0", List.of(), List.of("*"), 16384)));
    }

    @Test
    void helloReportsAMalformedFieldBeforeAnUnsupportedVersion() {
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.hello(hello("relay-a.example", "2.0.0", List.of(), List.of("*"), 0)));
    }

    @Test
    void creditAndAckRejectNegativeNumbers() {
        assertEquals(Optional.empty(), FrameValidator.credit(new Credit(0, 0)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.credit(new Credit(-1, 10)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.credit(new Credit(1, -10)));
        assertEquals(Optional.empty(), FrameValidator.ack(Ack.through(0)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.ack(Ack.through(-1)));
    }

    @Test
    void ackNamesOnlyUlidsAndPositiveOriginSequences() {
        assertEquals(Optional.empty(), FrameValidator.ack(new Ack(3, List.of(ID), List.of(7L))));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.ack(new Ack(3, List.of("x"), List.of(7L))));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.ack(new Ack(3, List.of(ID), List.of(0L))));
    }

    @Test
    void pongNamesAUlid() {
        assertEquals(Optional.empty(), FrameValidator.pong(new Pong(ID)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.pong(new Pong("ping-1")));
    }

    private static OriginView view(String origin, long max, long contiguous, long count, String hash, List<SeqRange> missing) {
        return new OriginView(origin, max, contiguous, count, hash, missing, List.of());
    }

    @Test
    void aConsistentCheckpointViewPasses() {
        CheckpointPayload c = new CheckpointPayload(List.of(
                view("relay-a.example", 10, 3, 8, HASH, List.of(new SeqRange(4, 4), new SeqRange(7, 7))),
                view("relay-b.example", 0, 0, 0, HASH, List.of())), false);
        assertEquals(Optional.empty(), FrameValidator.checkpoint(c));
    }

    @Test
    void checkpointRejectsInconsistentOrMalformedViews() {
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("Relay A", 1, 1, 1, HASH, List.of())), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 1, 2, 2, HASH, List.of())), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 1, 1, 1, "AB".repeat(32), List.of())), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 5, 1, 3, HASH, List.of(new SeqRange(4, 2)))), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 5, 1, 3, HASH, List.of(new SeqRange(4, 6)))), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 5, 1, 3, HASH, List.of(new SeqRange(3, 3), new SeqRange(3, 4)))), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(view("relay-a.example", 1, 1, 1, HASH, List.of()), view("relay-a.example", 1, 1, 1, HASH, List.of())), false)));
        assertCode(ErrorCode.MALFORMED_FRAME, FrameValidator.checkpoint(new CheckpointPayload(
                List.of(new OriginView("relay-a.example", 1, 1, 1, HASH, List.of(), List.of("zz"))), false)));
    }
}
