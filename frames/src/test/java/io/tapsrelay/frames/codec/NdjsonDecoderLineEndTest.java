package io.tapsrelay.frames.codec;

import static io.tapsrelay.frames.FramesTestData.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Line ends are found eight bytes at a time; wherever a line feed falls relative to those steps, and
 * wherever a buffer starts in memory, heap, direct and read-only buffers must cut the same lines.
 */
class NdjsonDecoderLineEndTest {
    private static final String PING =
            "{\"type\":\"PING\",\"id\":\"01JD5S4W7K8M9N0P1Q2R3S4T5V\",\"origin\":\"relay-a.example\",\"sequence\":%d,\"payload\":{}}";

    @Test
    void aLineFeedAtEveryOffsetCutsTheSameLinesInEveryKindOfBuffer() {
        List<Function<byte[], ByteBuffer>> kinds = List.of(
                bytes -> ByteBuffer.wrap(bytes),
                bytes -> ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(),
                bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer());
        for (int pad = 0; pad <= 16; pad++) {
            for (int lead = 0; lead < 8; lead++) {
                // `lead` bytes before the stream move where it starts relative to the eight-byte steps;
                // `pad` trailing spaces move each line feed. The empty line puts two line feeds in one step.
                String line = String.format(PING, 1) + " ".repeat(pad) + "\n";
                String stream = "\n".repeat(lead % 2) + line + "\n" + String.format(PING, 2) + " ".repeat(16 - pad) + "\r\n" + line;
                byte[] bytes = utf8("#".repeat(lead) + stream);
                for (int kind = 0; kind < kinds.size(); kind++) {
                    String context = "pad " + pad + ", lead " + lead + ", buffer kind " + kind;
                    ByteBuffer buffer = kinds.get(kind).apply(bytes);
                    buffer.position(lead);
                    RecordingSink sink = new RecordingSink();
                    new NdjsonDecoder(16384, sink).feed(buffer);
                    assertEquals(List.of(), sink.errors, context);
                    assertEquals(List.of(1L, 2L, 1L), sink.frames.stream().map(f -> f.sequence()).toList(), context);
                    int first = line.length();
                    assertEquals(List.of(first, first - pad + 16 - pad + 1, first), sink.wireBytes, context);
                }
            }
        }
    }

    @Test
    void aLineSplitAtEveryOffsetAcrossTwoDirectBuffersDecodesOnce() {
        byte[] bytes = utf8(String.format(PING, 7) + "\n");
        for (int cut = 0; cut <= bytes.length; cut++) {
            RecordingSink sink = new RecordingSink();
            NdjsonDecoder decoder = new NdjsonDecoder(16384, sink);
            decoder.feed(ByteBuffer.allocateDirect(cut).put(bytes, 0, cut).flip());
            decoder.feed(ByteBuffer.allocateDirect(bytes.length - cut).put(bytes, cut, bytes.length - cut).flip());
            assertEquals(List.of(), sink.errors, "cut at " + cut);
            assertEquals(List.of(bytes.length), sink.wireBytes, "cut at " + cut);
        }
    }
}
