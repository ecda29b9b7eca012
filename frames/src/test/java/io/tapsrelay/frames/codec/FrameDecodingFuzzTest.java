package io.tapsrelay.frames.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.validate.FrameValidator;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Arbitrary bytes, cut into chunks at fuzzer-chosen places, through {@link NdjsonDecoder} and then
 * {@link FrameValidator}: every line must end as a frame or a {@link DecodeError}, nothing else may be
 * thrown, nothing arrives after an error, and the partial-line buffer never outgrows one maximal line.
 *
 * <p>Input layout (so the fuzzer mutates the cuts as well as the bytes): byte 0 holds the number of
 * cuts in its low 3 bits and the line limit in bits 3–4; then two bytes per cut (an offset into the
 * stream, taken modulo its length); the rest is the stream. The seed corpus in
 * {@code FrameDecodingFuzzTestInputs/decodesOrRejects/} is the conformance fixtures in this layout
 * (see {@code frames/FUZZING.md}). Without {@code JAZZER_FUZZ=1} only the seeds run.
 */
class FrameDecodingFuzzTest {
    /** Line limits to try: the default max_message_size and two that make over-long lines common. */
    private static final int[] LIMITS = {16384, 64, 512, 1_048_576};
    /** One fuzzing thread runs the inputs one after another, so one direct buffer serves them all. */
    private static ByteBuffer scratch = ByteBuffer.allocateDirect(4096);

    @FuzzTest(maxDuration = "10m")
    void decodesOrRejects(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int cuts = input[0] & 0x7;
        int limit = LIMITS[(input[0] >> 3) & 0x3];
        int header = 1 + 2 * cuts;
        if (input.length < header) {
            return;
        }
        byte[] stream = Arrays.copyOfRange(input, header, input.length);
        int[] at = new int[cuts + 2];
        for (int i = 0; i < cuts; i++) {
            int raw = ((input[1 + 2 * i] & 0xff) << 8) | (input[2 + 2 * i] & 0xff);
            at[i + 1] = stream.length == 0 ? 0 : raw % (stream.length + 1);
        }
        at[cuts + 1] = stream.length;
        Arrays.sort(at, 1, cuts + 1);

        Checking sink = new Checking();
        NdjsonDecoder decoder = new NdjsonDecoder(limit, sink);
        for (int i = 0; i + 1 < at.length; i++) {
            // Alternate heap and direct buffers: the decoder takes a different path for each.
            ByteBuffer chunk = i % 2 == 0 ? ByteBuffer.wrap(stream, at[i], at[i + 1] - at[i]).slice()
                    : direct(stream, at[i], at[i + 1]);
            decoder.feed(chunk);
            assertEquals(chunk.limit(), chunk.position(), "a feed consumes the whole buffer");
            assertTrue(decoder.bufferedCapacity() <= limit + 1,
                    "buffered " + decoder.bufferedCapacity() + " bytes with a line limit of " + limit);
        }
        decoder.finish();
        assertTrue(sink.frames <= count(stream, (byte) '\n') + 1, "more frames than lines");
        assertEquals(decoder.failed(), sink.errors == 1, "failed() agrees with the errors reported");
    }

    /**
     * The chunk copied into a reused direct buffer: allocating one per input would let native memory
     * grow between collections during a long run.
     */
    private static ByteBuffer direct(byte[] stream, int from, int to) {
        if (scratch.capacity() < to - from) {
            scratch = ByteBuffer.allocateDirect(Math.max(to - from, 2 * scratch.capacity()));
        }
        scratch.clear();
        scratch.put(stream, from, to - from).flip();
        return scratch;
    }

    private static int count(byte[] bytes, byte b) {
        int n = 0;
        for (byte x : bytes) {
            n += x == b ? 1 : 0;
        }
        return n;
    }

    /** Validates every frame as a receiver would; counts errors and refuses callbacks after one. */
    private static final class Checking implements FrameSink {
        int frames;
        int errors;

        @Override
        public void onFrame(Frame frame, int wireBytes) {
            assertEquals(0, errors, "a frame after a decode error");
            assertNotNull(frame, "frame");
            assertTrue(wireBytes > 0, "wire bytes " + wireBytes);
            frames++;
            // The validator must answer for whatever the decoder lets through, not throw.
            FrameValidator.envelope(frame);
            FrameValidator.clientEnvelope(frame);
            Object payload = frame.payload();
            if (payload instanceof Hello h) {
                FrameValidator.hello(h);
            } else if (payload instanceof Credit c) {
                FrameValidator.credit(c);
            } else if (payload instanceof Ack a) {
                FrameValidator.ack(a);
            } else if (payload instanceof Pong p) {
                FrameValidator.pong(p);
            } else if (payload instanceof CheckpointPayload c) {
                FrameValidator.checkpoint(c);
            } else if (payload instanceof EventRecord e) {
                FrameValidator.event(e, frame.groupId(), "g!fuzz");
                FrameValidator.clientEvent(e, frame.groupId(), frame.groupId() == null ? "g!fuzz" : frame.groupId());
            }
        }

        @Override
        public void onError(DecodeError error) {
            assertEquals(0, errors, "a second decode error");
            assertNotNull(error.code(), "error code");
            assertNotNull(error.message(), "error message");
            errors++;
        }
    }
}
