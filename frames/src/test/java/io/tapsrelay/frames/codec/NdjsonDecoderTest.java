package io.tapsrelay.frames.codec;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Ping;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NdjsonDecoderTest {
    private static final String ID = "01JD5S4W7K8M9N0P1Q2R3S4T5V";
    private static final String PING = "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"relay-a.example\",\"sequence\":%d,\"payload\":{}}";

    private final RecordingSink sink = new RecordingSink();

    private static String ping(long sequence) {
        return String.format(PING, sequence);
    }

    private NdjsonDecoder decoder(int max) {
        return new NdjsonDecoder(max, sink);
    }

    @Test
    void aFrameSplitIntoSingleBytesDecodesOnce() {
        NdjsonDecoder decoder = decoder(16384);
        for (byte b : utf8(ping(1) + "\n")) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}));
        }
        assertEquals(1, sink.frames.size());
        assertEquals(1, sink.frames.get(0).sequence());
        assertInstanceOf(Ping.class, sink.frames.get(0).payload());
    }

    @Test
    void manyLinesInOneBufferAllDecodeInOrder() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "\n" + ping(2) + "\n" + ping(3) + "\n")));
        assertEquals(3, sink.frames.size());
        assertEquals(3, sink.frames.get(2).sequence());
        assertEquals(0, decoder.bufferedCapacity(), "whole lines in a heap buffer are parsed in place");
    }

    @Test
    void directBuffersDecodeLikeHeapBuffers() {
        NdjsonDecoder decoder = decoder(16384);
        byte[] bytes = utf8(ping(1) + "\n" + ping(2) + "\n" + ping(3));
        int cut = 70;
        ByteBuffer first = ByteBuffer.allocateDirect(cut).put(bytes, 0, cut).flip();
        ByteBuffer second = ByteBuffer.allocateDirect(bytes.length - cut).put(bytes, cut, bytes.length - cut).flip();
        decoder.feed(first);
        decoder.feed(second);
        assertEquals(0, first.remaining());
        assertEquals(0, second.remaining());
        assertEquals(2, sink.frames.size());
        decoder.finish();
        assertEquals(3, sink.frames.size());
    }

    @Test
    void aBufferIsConsumedFromItsPositionToItsLimit() {
        NdjsonDecoder decoder = decoder(16384);
        byte[] line = utf8("garbage" + ping(7) + "\ntrailing");
        ByteBuffer slice = ByteBuffer.wrap(line, 7, line.length - 15).slice();
        decoder.feed(slice);
        assertEquals(1, sink.frames.size());
        assertEquals(7, sink.frames.get(0).sequence());
        assertFalse(decoder.failed());
    }

    @Test
    void wireBytesCountTheLineFeedAndCarriageReturn() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "\n" + ping(2) + "\r\n" + ping(3))));
        decoder.finish();
        int length = utf8(ping(1)).length;
        assertEquals(Arrays.asList(length + 1, length + 2, length), sink.wireBytes);
    }

    @Test
    void blankLinesAndBareCrLfLinesAreIgnored() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8("\n\r\n  \t\n" + ping(1) + "\n\n")));
        decoder.finish();
        assertEquals(1, sink.frames.size());
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void aLineExactlyAtTheLimitIsAccepted() {
        String line = ping(1);
        int max = utf8(line).length;
        NdjsonDecoder decoder = decoder(max);
        decoder.feed(ByteBuffer.wrap(utf8(line + "\r\n" + line + "\n")));
        assertEquals(2, sink.frames.size());
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void aLineAtTheLimitIsAcceptedWhenItsCrLfArrivesInLaterBuffers() {
        String line = ping(1);
        NdjsonDecoder decoder = decoder(utf8(line).length);
        decoder.feed(ByteBuffer.wrap(utf8(line)));
        decoder.feed(ByteBuffer.wrap(utf8("\r")));
        decoder.feed(ByteBuffer.wrap(utf8("\n")));
        assertEquals(1, sink.frames.size());
        assertFalse(decoder.failed());
    }

    @Test
    void aLineOneByteOverTheLimitIsTooLargeAndNamesItsLength() {
        String line = ping(1);
        int max = utf8(line).length - 1;
        NdjsonDecoder decoder = decoder(max);
        decoder.feed(ByteBuffer.wrap(utf8(line + "\n")));
        DecodeError error = sink.onlyError();
        assertEquals(ErrorCode.FRAME_TOO_LARGE, error.code());
        assertEquals("frame_too_large: " + (max + 1) + " bytes > max " + max, error.message());
        assertNull(error.ref());
        assertTrue(decoder.failed());
    }

    @Test
    void aCarriageReturnInsideTheLimitDoesNotExcuseALongLine() {
        NdjsonDecoder decoder = decoder(4);
        decoder.feed(ByteBuffer.wrap(utf8("abcd\rx")));
        assertEquals(ErrorCode.FRAME_TOO_LARGE, sink.onlyError().code());
    }

    @Test
    void anEndlessLineFailsAsSoonAsItCrossesTheLimitWithoutBufferingPastIt() {
        int max = 16384;
        NdjsonDecoder decoder = decoder(max);
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        int fedBeforeFailure = 0;
        for (int i = 0; i < 256 && !decoder.failed(); i++) {
            decoder.feed(ByteBuffer.wrap(chunk));
            fedBeforeFailure += chunk.length;
            assertTrue(decoder.bufferedCapacity() <= max + 1, "buffered " + decoder.bufferedCapacity());
        }
        assertTrue(decoder.failed());
        assertEquals(20480, fedBeforeFailure, "fails in the chunk that crosses the limit, not later");
        assertEquals(ErrorCode.FRAME_TOO_LARGE, sink.onlyError().code());
        assertTrue(sink.onlyError().message().endsWith("> max 16384"), sink.onlyError().message());
        assertEquals(0, decoder.bufferedCapacity(), "the partial line is released on failure");
        decoder.feed(ByteBuffer.wrap(chunk));
        assertEquals(1, sink.errors.size(), "input after the error is ignored");
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] line = utf8("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"relay-a.example\",\"sequence\":1,\"x\":\"??\"}\n");
        int at = new String(line).indexOf("??");
        line[at] = (byte) 0xC0;
        line[at + 1] = (byte) 0x80;
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(line));
        assertEquals(ErrorCode.MALFORMED_FRAME, sink.onlyError().code());
        assertTrue(sink.onlyError().message().contains("UTF-8"), sink.onlyError().message());
    }

    @Test
    void aFrameEncodedAsUtf16IsMalformedNotGuessed() {
        byte[] utf16 = ping(1).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf16));
        decoder.finish();
        assertEquals(ErrorCode.MALFORMED_FRAME, sink.onlyError().code());
    }

    @Test
    void aLeadingByteOrderMarkIsMalformed() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8("\uFEFF" + ping(1) + "\n")));
        assertEquals(ErrorCode.MALFORMED_FRAME, sink.onlyError().code());
    }

    @Test
    void trailingDataAfterTheObjectIsMalformedAndCarriesTheId() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + " {}\n")));
        DecodeError error = sink.onlyError();
        assertEquals(ErrorCode.MALFORMED_FRAME, error.code());
        assertEquals(ID, error.ref());
    }

    @Test
    void trailingWhitespaceAfterTheObjectIsFine() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "  \t\n")));
        assertEquals(1, sink.frames.size());
    }

    @Test
    void duplicateKeysAreMalformedAtTopLevelAndInsideThePayload() {
        decoder(16384).feed(ByteBuffer.wrap(utf8(ping(1).replace("\"sequence\":1", "\"sequence\":1,\"sequence\":2") + "\n")));
        decoder(16384).feed(ByteBuffer.wrap(utf8(ping(1).replace("{}", "{\"a\":1,\"a\":1}") + "\n")));
        assertEquals(2, sink.errors.size());
        assertTrue(sink.errors.stream().allMatch(e -> e.code() == ErrorCode.MALFORMED_FRAME));
        assertTrue(sink.errors.get(0).message().contains("Duplicate"), sink.errors.get(0).message());
    }

    @Test
    void finishDecodesAFinalLineWithoutALineFeed() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "\n" + ping(2).substring(0, 20))));
        decoder.feed(ByteBuffer.wrap(utf8(ping(2).substring(20) + "\r")));
        assertEquals(1, sink.frames.size());
        decoder.finish();
        assertEquals(2, sink.frames.size());
        assertThrows(IllegalStateException.class, () -> decoder.feed(ByteBuffer.wrap(new byte[1])));
    }

    @Test
    void finishWithNothingPendingReportsNothing() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "\n")));
        decoder.finish();
        decoder.finish();
        assertEquals(1, sink.frames.size());
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void linesAfterAnErrorInTheSameBufferAreIgnored() {
        NdjsonDecoder decoder = decoder(16384);
        decoder.feed(ByteBuffer.wrap(utf8(ping(1) + "\nnot json\n" + ping(3) + "\n")));
        assertEquals(1, sink.frames.size());
        assertEquals(ErrorCode.MALFORMED_FRAME, sink.onlyError().code());
        assertNull(sink.onlyError().ref());
    }

    private DecodeError errorFor(String line) {
        RecordingSink own = new RecordingSink();
        NdjsonDecoder decoder = new NdjsonDecoder(16384, own);
        decoder.feed(ByteBuffer.wrap(utf8(line + "\n")));
        return own.onlyError();
    }

    private Frame frameFor(String line) {
        RecordingSink own = new RecordingSink();
        new NdjsonDecoder(16384, own).feed(ByteBuffer.wrap(utf8(line + "\n")));
        if (own.frames.size() != 1) {
            throw new AssertionError("expected a frame, got " + own.errors);
        }
        return own.frames.get(0);
    }

    @Test
    void eachMissingOrMistypedEnvelopeFieldIsMalformed() {
        String[] lines = {
            "[1,2]",
            "\"PING\"",
            "{\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1}",
            "{\"type\":7,\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1}",
            "{\"type\":\"PING\",\"origin\":\"a\",\"sequence\":1}",
            "{\"type\":\"PING\",\"id\":null,\"origin\":\"a\",\"sequence\":1}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"sequence\":1}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":[\"a\"],\"sequence\":1}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\"}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":\"1\"}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1.0}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1e0}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":9223372036854775808}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":01}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1,\"group_id\":7}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1,\"timestamp\":true}",
            "{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1",
            "{'type':'PING'}",
        };
        for (String line : lines) {
            DecodeError error = errorFor(line);
            assertEquals(ErrorCode.MALFORMED_FRAME, error.code(), line + " -> " + error.message());
            assertTrue(error.message().startsWith("malformed_frame: "), error.message());
        }
    }

    @Test
    void anErrorCarriesTheIdWhenItCouldBeRead() {
        assertEquals(ID, errorFor("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1.5}").ref());
        assertEquals(ID, errorFor("{\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1}").ref());
        assertNull(errorFor("{\"type\":\"PING\",\"id\":5,\"origin\":\"a\",\"sequence\":1}").ref());
    }

    @Test
    void theMessageNamesTheMistypedField() {
        String message = errorFor("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":\"1\"}").message();
        assertEquals("malformed_frame: sequence is not an integer", message);
    }

    @Test
    void nullGroupIdAndTimestampReadAsAbsent() {
        Frame frame = frameFor("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1,\"group_id\":null,\"timestamp\":null}");
        assertNull(frame.groupId());
        assertNull(frame.timestamp());
    }

    @Test
    void fieldsMayComeInAnyOrderWithThePayloadFirst() {
        Frame frame = frameFor("{\"payload\":{\"events\":4,\"bytes\":65536},\"sequence\":2,\"origin\":\"relay-a.example\","
                + "\"group_id\":\"g!team-7\",\"id\":\"" + ID + "\",\"type\":\"CREDIT\",\"extra\":{\"x\":[1]}}");
        assertEquals(FrameType.CREDIT, frame.knownType());
        assertEquals(new io.tapsrelay.frames.Credit(4, 65536), frame.payload());
        assertEquals("g!team-7", frame.groupId());
    }

    @Test
    void anUnknownTypeCarriesAnUninterpretedPayload() {
        Frame frame = frameFor("{\"type\":\"SUBSCRIBE\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1,\"payload\":[1,2]}");
        assertNull(frame.knownType());
        assertEquals("SUBSCRIBE", frame.type());
        assertInstanceOf(io.tapsrelay.frames.UnknownPayload.class, frame.payload());
    }

    @Test
    void aKnownTypeWithAnAbsentOrNonObjectPayloadCarriesAnInvalidPayload() {
        Frame absent = frameFor("{\"type\":\"HELLO\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1}");
        assertEquals(new io.tapsrelay.frames.InvalidPayload(FrameType.HELLO, "payload is missing"), absent.payload());
        Frame array = frameFor("{\"type\":\"EVENT\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1,\"payload\":[]}");
        assertEquals(new io.tapsrelay.frames.InvalidPayload(FrameType.EVENT, "payload is not an object"), array.payload());
    }

    @Test
    void aPingMayOmitItsPayload() {
        Frame frame = frameFor("{\"type\":\"PING\",\"id\":\"" + ID + "\",\"origin\":\"a\",\"sequence\":1}");
        assertInstanceOf(Ping.class, frame.payload());
    }

    @Test
    void aZeroOrNegativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NdjsonDecoder(0, sink));
    }
}
