package io.tapsrelay.frames.validate;

import static io.tapsrelay.frames.FramesTestData.EVENT_ID;
import static io.tapsrelay.frames.FramesTestData.GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.FramesTestData;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRulesTest {
    private static final EventRecord GOOD = FramesTestData.signedEvent(EVENT_ID, 1, "ciphertext");

    /** {@link #GOOD} with one field replaced (by index in §3 order) and the raw bytes left alone. */
    private static EventRecord with(int field, Object value) {
        Object[] f = {GOOD.eventId(), GOOD.originServer(), GOOD.originSeq(), GOOD.originTs(), GOOD.sender(),
            GOOD.content(), GOOD.contentHash(), GOOD.keyId(), GOOD.signature()};
        f[field] = value;
        return new EventRecord((String) f[0], (String) f[1], (Long) f[2], (Long) f[3], (String) f[4], (String) f[5],
                (String) f[6], (String) f[7], (String) f[8], GOOD.raw());
    }

    private static void assertCode(ErrorCode expected, Optional<Violation> actual) {
        assertTrue(actual.isPresent(), "expected " + expected);
        assertEquals(expected, actual.get().code(), actual.get().message());
    }

    @Test
    void aCompleteEventPasses() {
        assertEquals(Optional.empty(), FrameValidator.event(GOOD, GROUP, GROUP));
    }

    @Test
    void aMissingOrOtherFrameGroupIsAMismatch() {
        assertCode(ErrorCode.GROUP_MISMATCH, FrameValidator.event(GOOD, null, GROUP));
        assertCode(ErrorCode.GROUP_MISMATCH, FrameValidator.event(GOOD, "g!other", GROUP));
    }

    @Test
    void groupMismatchComesBeforeAnInvalidRecord() {
        assertCode(ErrorCode.GROUP_MISMATCH, FrameValidator.event(with(0, "bad"), "g!other", GROUP));
    }

    @Test
    void eachBrokenFieldMakesTheEventInvalid() {
        Object[][] cases = {
            {0, null}, {0, "01ARZ3NDEKTSV4RRFFQ69G5FAI"},
            {1, null}, {1, "relay_a"},
            {2, null}, {2, 0L},
            {3, null}, {3, -1L},
            {5, null}, {5, "Y2lwaGVydGV4dA"}, {5, "Y2lwaGVydGV4dA= ="},
            {6, null}, {6, GOOD.contentHash().toUpperCase()}, {6, GOOD.contentHash().substring(7)},
            {7, null}, {7, "rsa:a1"}, {7, "ed25519:"},
            {8, null}, {8, "AAAA"}, {8, GOOD.signature().replace("==", "")},
        };
        for (Object[] c : cases) {
            Optional<Violation> v = FrameValidator.event(with((Integer) c[0], c[1]), GROUP, GROUP);
            assertTrue(v.isPresent(), "field " + c[0] + " = " + c[1]);
            assertEquals(ErrorCode.INVALID_EVENT, v.get().code(), "field " + c[0] + " = " + c[1] + ": " + v.get().message());
        }
    }

    @Test
    void anAbsentSenderIsAllowed() {
        assertEquals(Optional.empty(), FrameValidator.event(with(4, null), GROUP, GROUP));
    }

    @Test
    void aHashOfOtherContentIsAMismatch() {
        Optional<Violation> v = FrameValidator.event(with(5, "b3RoZXI="), GROUP, GROUP);
        assertCode(ErrorCode.CONTENT_HASH_MISMATCH, v);
        assertTrue(v.get().message().contains(GOOD.contentHash()), v.get().message());
    }

    @Test
    void anInvalidFieldIsReportedBeforeAHashMismatch() {
        EventRecord both = new EventRecord(GOOD.eventId(), GOOD.originServer(), GOOD.originSeq(), GOOD.originTs(),
                null, "b3RoZXI=", GOOD.contentHash(), "bad key", GOOD.signature(), GOOD.raw());
        assertCode(ErrorCode.INVALID_EVENT, FrameValidator.event(both, GROUP, GROUP));
    }

    @Test
    void aClientEventNeedsOnlyContent() {
        EventRecord client = new EventRecord(null, null, null, null, null, "aGk=", null, null, null, FramesTestData.utf8("{\"content\":\"aGk=\"}"));
        assertEquals(Optional.empty(), FrameValidator.clientEvent(client, GROUP, GROUP));
        assertCode(ErrorCode.GROUP_MISMATCH, FrameValidator.clientEvent(client, "g!x", GROUP));
    }

    @Test
    void aClientEventWithoutValidContentOrWithABadIdIsInvalid() {
        byte[] raw = FramesTestData.utf8("{}");
        assertCode(ErrorCode.INVALID_EVENT, FrameValidator.clientEvent(
                new EventRecord(null, null, null, null, null, null, null, null, null, raw), GROUP, GROUP));
        assertCode(ErrorCode.INVALID_EVENT, FrameValidator.clientEvent(
                new EventRecord(null, null, null, null, null, "aGk", null, null, null, raw), GROUP, GROUP));
        assertCode(ErrorCode.INVALID_EVENT, FrameValidator.clientEvent(
                new EventRecord("abc", null, null, null, null, "aGk=", null, null, null, raw), GROUP, GROUP));
        assertEquals(Optional.empty(), FrameValidator.clientEvent(
                new EventRecord(EVENT_ID, null, null, null, "bob", "aGk=", null, null, null, raw), GROUP, GROUP));
    }
}
