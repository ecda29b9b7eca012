package io.tapsrelay.frames.codec;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.FramesTestData;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.UnknownPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
    private static final String ID = "01JD5S4W7K8M9N0P1Q2R3S4T5V";

    private static Frame frame(FrameType type, Payload payload) {
        return Frame.of(type, ID, "relay-a.example", 3, "g!team-7", "2026-11-22T14:20:17.123Z", payload);
    }

    private static Frame decodeOne(byte[] line) {
        RecordingSink sink = new RecordingSink();
        NdjsonDecoder decoder = new NdjsonDecoder(1 << 20, sink);
        decoder.feed(ByteBuffer.wrap(line));
        decoder.finish();
        assertEquals(List.of(), sink.errors);
        assertEquals(1, sink.frames.size());
        assertEquals(line.length, sink.wireBytes.get(0));
        return sink.frames.get(0);
    }

    @Test
    void everyPayloadTypeSurvivesARoundTrip() {
        List<Frame> frames = List.of(
                frame(FrameType.HELLO, new Hello("relay-a.example", "1.0.0", List.of("stream", "ed25519"), List.of("*", "g!acme-*"), 16384)),
                frame(FrameType.CREDIT, new Credit(16, 262144)),
                frame(FrameType.EVENT, FramesTestData.signedEvent(FramesTestData.EVENT_ID, 5, "secret")),
                frame(FrameType.ACK, Ack.through(12)),
                frame(FrameType.ACK, new Ack(1, List.of(FramesTestData.EVENT_ID), List.of(5L))),
                frame(FrameType.PING, new Ping()),
                frame(FrameType.PONG, new Pong(ID)),
                frame(FrameType.ERROR, ErrorPayload.of(ErrorCode.INVALID_EVENT, "invalid_event: bad", ID)),
                frame(FrameType.ERROR, ErrorPayload.of(ErrorCode.SHUTTING_DOWN, "shutting_down: draining", null)),
                frame(FrameType.ERROR, ErrorPayload.rateLimited("rate_limited: slow down", ID, 1500)),
                frame(FrameType.CHECKPOINT, new CheckpointPayload(List.of(
                        new OriginView("relay-a.example", 9, 3, 7, "ab".repeat(32), List.of(new SeqRange(4, 4), new SeqRange(8, 8)), List.of()),
                        new OriginView("relay-b.example", 2048, 2048, 2048, "cd".repeat(32), List.of(), List.of("ef".repeat(32), "01".repeat(32)))),
                        true)),
                frame(FrameType.CHECKPOINT, new CheckpointPayload(List.of(), false)),
                new Frame("SUBSCRIBE", ID, "relay-a.example", 4, null, null, new UnknownPayload()));
        for (Frame frame : frames) {
            assertEquals(frame, decodeOne(FrameEncoder.encode(frame)), frame.type());
        }
    }

    @Test
    void fieldsAreWrittenCompactlyInTheContractOrder() {
        Frame credit = Frame.of(FrameType.CREDIT, ID, "relay-a.example", 2, null, null, new Credit(1, 16384));
        assertEquals("{\"type\":\"CREDIT\",\"id\":\"" + ID + "\",\"origin\":\"relay-a.example\",\"sequence\":2,"
                + "\"payload\":{\"events\":1,\"bytes\":16384}}\n", new String(FrameEncoder.encode(credit), StandardCharsets.UTF_8));
        Frame ping = frame(FrameType.PING, new Ping());
        assertEquals("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"relay-a.example\",\"sequence\":3,"
                + "\"group_id\":\"g!team-7\",\"timestamp\":\"2026-11-22T14:20:17.123Z\",\"payload\":{}}\n",
                new String(FrameEncoder.encode(ping), StandardCharsets.UTF_8));
    }

    @Test
    void optionalPayloadFieldsAreWrittenOnlyWhenTheyCarrySomething() {
        String ack = new String(FrameEncoder.encode(frame(FrameType.ACK, Ack.through(4))), StandardCharsets.UTF_8);
        assertTrue(ack.endsWith("\"payload\":{\"through_sequence\":4}}\n"), ack);
        String error = new String(FrameEncoder.encode(frame(FrameType.ERROR,
                ErrorPayload.of(ErrorCode.IDLE_TIMEOUT, "idle_timeout: 90 s", null))), StandardCharsets.UTF_8);
        assertTrue(error.endsWith("{\"code\":\"idle_timeout\",\"message\":\"idle_timeout: 90 s\",\"ref\":null,\"fatal\":true}}\n"), error);
        String limited = new String(FrameEncoder.encode(frame(FrameType.ERROR,
                ErrorPayload.rateLimited("rate_limited: wait", ID, 250))), StandardCharsets.UTF_8);
        assertTrue(limited.endsWith("\"fatal\":false,\"retry_after_ms\":250}}\n"), limited);
        String checkpoint = new String(FrameEncoder.encode(frame(FrameType.CHECKPOINT, new CheckpointPayload(
                List.of(new OriginView("relay-a.example", 0, 0, 0, "00".repeat(32), List.of(), List.of())), false))), StandardCharsets.UTF_8);
        assertTrue(checkpoint.endsWith("\"prefix_hash\":\"" + "00".repeat(32) + "\",\"missing\":[]}]}}\n"), checkpoint);
    }

    @Test
    void aRelayedEventRecordIsWrittenByteForByteWithItsUnknownFields() {
        String raw = "{ \"z_later\" : {\"nested\":[1, 2.50, \"\\u00e9\"]},\"event_id\":\"" + FramesTestData.EVENT_ID + "\","
                + "\"origin_server\":\"relay-a.example\",\"origin_seq\":1 ,\"origin_ts\":0,\"content\":\"aGk=\","
                + "\"content_hash\":\"sha256:x\",\"key_id\":\"ed25519:a1\",\"signature\":\"AA==\",\"émoji\":\"🙂\" }";
        String line = "{\"type\":\"EVENT\",\"id\":\"" + ID + "\",\"origin\":\"relay-b.example\",\"sequence\":8,"
                + "\"group_id\":\"g!team-7\",\"payload\":" + raw + "}\n";
        Frame received = decodeOne(utf8(line));
        EventRecord event = (EventRecord) received.payload();
        assertArrayEquals(utf8(raw), event.raw());
        Frame relayed = Frame.of(FrameType.EVENT, ID, "relay-c.example", 1, "g!team-7", null, event);
        String out = new String(FrameEncoder.encode(relayed), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"payload\":" + raw + "}\n"), out);
    }

    @Test
    void anEncodedLineNeverHoldsAnInnerNewline() {
        String nasty = "line one\nline two\r\n\u2028\u0000\t\"quoted\"";
        EventRecord event = EventRecord.create(FramesTestData.EVENT_ID, "relay-a.example", 1, 2, nasty, "aGk=",
                "sha256:" + "00".repeat(32), "ed25519:a1", "AA==");
        List<Frame> frames = List.of(
                frame(FrameType.EVENT, event),
                frame(FrameType.ERROR, new ErrorPayload("malformed_frame", nasty, nasty, true, null)),
                new Frame("ODD\nTYPE", nasty, nasty, 1, nasty, nasty, new UnknownPayload()));
        for (Frame frame : frames) {
            byte[] line = FrameEncoder.encode(frame);
            for (int i = 0; i < line.length - 1; i++) {
                assertTrue(line[i] != '\n' && line[i] != '\r', "raw line break at byte " + i);
            }
            assertEquals('\n', line[line.length - 1]);
            assertEquals(frame, decodeOne(line));
        }
    }

    @Test
    void writeToWritesTheSameBytesAsEncode() throws IOException {
        Frame frame = frame(FrameType.PONG, new Pong(ID));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameEncoder.writeTo(frame, out);
        assertArrayEquals(FrameEncoder.encode(frame), out.toByteArray());
    }

    @Test
    void anInvalidPayloadCannotBeEncoded() {
        Frame frame = frame(FrameType.HELLO, new InvalidPayload(FrameType.HELLO, "payload is missing"));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.encode(frame));
    }
}
