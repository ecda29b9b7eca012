package io.tapsrelay.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import io.tapsrelay.frames.validate.FrameValidator;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientEventFrameTest {
    private static final URI RELAY = URI.create("http://127.0.0.1:8448");
    private static final String FRAME_ID = "01BX5ZZKBKACTAV9WEVGEMMVRZ";
    private static final String TIMESTAMP = "2026-11-23T12:00:00.123Z";

    private static Frame decode(byte[] line) {
        List<Frame> frames = new ArrayList<>();
        NdjsonDecoder decoder = new NdjsonDecoder(16384, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                frames.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                throw new AssertionError(error.message());
            }
        });
        decoder.feed(ByteBuffer.wrap(line));
        decoder.finish();
        assertEquals(1, frames.size());
        return frames.get(0);
    }

    @Test
    void isOneEventLineThatTheRelaysClientRulesAccept() {
        byte[] content = {0, 1, 2, (byte) 0xff, '\n'};
        SendRequest request = new SendRequest(RELAY, "token", "g!demo", content, "01arz3ndektsv4rrffq69g5fav", "@ann");

        byte[] line = ClientEventFrame.line(request, FRAME_ID, TIMESTAMP);

        assertEquals('\n', line[line.length - 1]);
        assertEquals(-1, new String(line, 0, line.length - 1, StandardCharsets.UTF_8).indexOf('\n'));
        Frame frame = decode(line);
        assertEquals("EVENT", frame.type());
        assertEquals(FRAME_ID, frame.id());
        assertEquals(ClientEventFrame.ORIGIN, frame.origin());
        assertEquals(1, frame.sequence());
        assertEquals("g!demo", frame.groupId());
        assertEquals(TIMESTAMP, frame.timestamp());
        EventRecord record = (EventRecord) frame.payload();
        assertEquals("{\"event_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\",\"sender\":\"@ann\",\"content\":\"AAEC/wo=\"}",
                record.rawText());
        assertArrayEquals(content, Base64.getDecoder().decode(record.content()));
        assertEquals(Optional.empty(), FrameValidator.envelope(frame));
        assertEquals(Optional.empty(), FrameValidator.clientEvent(record, frame.groupId(), "g!demo"));
    }

    @Test
    void leavesOutTheEventIdAndSenderWhenNotGiven() {
        SendRequest request = new SendRequest(RELAY, "token", "g!demo", "hi".getBytes(StandardCharsets.UTF_8), null, null);

        EventRecord record = (EventRecord) decode(ClientEventFrame.line(request, FRAME_ID, TIMESTAMP)).payload();

        assertEquals("{\"content\":\"aGk=\"}", record.rawText());
        assertNull(record.eventId());
        assertTrue(FrameValidator.clientEvent(record, "g!demo", "g!demo").isEmpty());
    }
}
