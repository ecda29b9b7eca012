package io.tapsrelay.frames;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static final String ID = FramesTestData.FRAME_ID;

    @Test
    void frameTypesAreKnownOnlyByTheirExactUpperCaseName() {
        for (FrameType type : FrameType.values()) {
            assertEquals(type, FrameType.fromWire(type.wireName()));
        }
        assertNull(FrameType.fromWire("hello"));
        assertNull(FrameType.fromWire("SUBSCRIBE"));
        assertNull(FrameType.fromWire(null));
    }

    @Test
    void errorCodesCarryTheirWireNameFatalFlagAndSendStatus() {
        assertEquals("malformed_frame", ErrorCode.MALFORMED_FRAME.wireName());
        assertEquals(Optional.of(ErrorCode.CONTENT_HASH_MISMATCH), ErrorCode.fromWire("content_hash_mismatch"));
        assertEquals(Optional.empty(), ErrorCode.fromWire("MALFORMED_FRAME"));
        assertEquals(Optional.empty(), ErrorCode.fromWire(null));
        List<ErrorCode> nonFatal = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            if (!code.fatal()) {
                nonFatal.add(code);
            }
        }
        assertEquals(List.of(ErrorCode.UNKNOWN_FRAME_TYPE, ErrorCode.GROUP_MISMATCH, ErrorCode.INVALID_EVENT,
                ErrorCode.CONTENT_HASH_MISMATCH, ErrorCode.UNKNOWN_ORIGIN_KEY, ErrorCode.INVALID_SIGNATURE,
                ErrorCode.EQUIVOCATION, ErrorCode.RATE_LIMITED), nonFatal);
        assertEquals(413, ErrorCode.FRAME_TOO_LARGE.sendStatus());
        assertEquals(400, ErrorCode.UNKNOWN_FRAME_TYPE.sendStatus());
        assertEquals(422, ErrorCode.EQUIVOCATION.sendStatus());
        assertEquals(429, ErrorCode.RATE_LIMITED.sendStatus());
        assertEquals(409, ErrorCode.DUPLICATE_STREAM.sendStatus());
        assertEquals(503, ErrorCode.SHUTTING_DOWN.sendStatus());
    }

    @Test
    void aFrameRefusesAPayloadOfAnotherType() {
        assertThrows(IllegalArgumentException.class, () -> Frame.of(FrameType.HELLO, ID, "a", 1, null, null, new Ping()));
        assertThrows(IllegalArgumentException.class, () -> new Frame("NEW", ID, "a", 1, null, null, new Ping()));
        assertThrows(IllegalArgumentException.class, () -> Frame.of(FrameType.PING, ID, "a", 1, null, null, new UnknownPayload()));
        assertThrows(IllegalArgumentException.class,
                () -> Frame.of(FrameType.PING, ID, "a", 1, null, null, new InvalidPayload(FrameType.PONG, "x")));
        assertEquals(FrameType.PONG,
                Frame.of(FrameType.PONG, ID, "a", 1, null, null, new InvalidPayload(FrameType.PONG, "x")).knownType());
    }

    @Test
    void createdEventRecordsAreCompactJsonInContractOrder() {
        EventRecord e = EventRecord.create(FramesTestData.EVENT_ID, "relay-a.example", 3, 1764000000000L, "al\"ice",
                "aGk=", "sha256:" + "00".repeat(32), "ed25519:a1", "AA==");
        assertEquals("{\"event_id\":\"" + FramesTestData.EVENT_ID + "\",\"origin_server\":\"relay-a.example\",\"origin_seq\":3,"
                + "\"origin_ts\":1764000000000,\"sender\":\"al\\\"ice\",\"content\":\"aGk=\",\"content_hash\":\"sha256:"
                + "00".repeat(32) + "\",\"key_id\":\"ed25519:a1\",\"signature\":\"AA==\"}", e.rawText());
        EventRecord anonymous = EventRecord.create(FramesTestData.EVENT_ID, "relay-a.example", 3, 0, null,
                "aGk=", "sha256:" + "00".repeat(32), "ed25519:a1", "AA==");
        assertFalse(anonymous.rawText().contains("sender"));
    }

    @Test
    void aStoredRecordParsesBackToAnEqualRecord() {
        EventRecord e = FramesTestData.signedEvent(FramesTestData.EVENT_ID, 9, "stored");
        assertEquals(e, EventRecord.parse(e.raw()));
        EventRecord withExtras = EventRecord.parse(utf8("{\"content\":\"aGk=\",\"x\":[{}],\"origin_seq\":4}"));
        assertEquals(4L, withExtras.originSeq());
        assertEquals("{\"content\":\"aGk=\",\"x\":[{}],\"origin_seq\":4}", withExtras.rawText());
    }

    @Test
    void parsingABrokenStoredRecordIsRefusedWithAReason() {
        String[] broken = {"", "[]", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "{\"origin_seq\":\"1\"}", "{\"a\":\n1}", "{\"a\":1"};
        for (String s : broken) {
            assertThrows(IllegalArgumentException.class, () -> EventRecord.parse(utf8(s)), s);
        }
        assertThrows(IllegalArgumentException.class, () -> EventRecord.parse(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}));
    }

    @Test
    void eventRecordRawBytesAreCopiedInAndOut() {
        byte[] raw = utf8("{\"content\":\"aGk=\"}");
        EventRecord e = new EventRecord(null, null, null, null, null, "aGk=", null, null, null, raw);
        raw[0] = 'X';
        assertEquals('{', e.raw()[0]);
        e.raw()[0] = 'Y';
        assertEquals('{', e.raw()[0]);
        assertEquals(raw.length, e.rawLength());
    }

    @Test
    void eventRecordsAreEqualByTheirFieldsAndRawBytes() {
        EventRecord a = new EventRecord(null, null, null, null, null, "aGk=", null, null, null, utf8("{\"content\":\"aGk=\"}"));
        EventRecord b = new EventRecord(null, null, null, null, null, "aGk=", null, null, null, utf8("{\"content\":\"aGk=\"}"));
        EventRecord spaced = new EventRecord(null, null, null, null, null, "aGk=", null, null, null, utf8("{ \"content\":\"aGk=\"}"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, spaced);
        assertTrue(a.toString().contains("rawLength=18"), a.toString());
    }

    @Test
    void anEventRecordCannotHoldALineFeedOrInvalidUtf8() {
        assertThrows(IllegalArgumentException.class,
                () -> new EventRecord(null, null, null, null, null, null, null, null, null, utf8("{\n}")));
        assertThrows(IllegalArgumentException.class,
                () -> new EventRecord(null, null, null, null, null, null, null, null, null, new byte[] {(byte) 0xC3}));
    }

    @Test
    void createdRecordsRoundTripThroughTheirRawBytes() {
        EventRecord e = FramesTestData.signedEvent(FramesTestData.EVENT_ID, 1, "x");
        assertArrayEquals(e.raw(), EventRecord.parse(e.raw()).raw());
    }
}
