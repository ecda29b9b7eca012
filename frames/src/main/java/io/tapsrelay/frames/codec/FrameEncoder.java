package io.tapsrelay.frames.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.internal.Json;
import io.tapsrelay.frames.internal.PayloadWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes frames as NDJSON lines (§3): one compact JSON object, then exactly one {@code \n}.
 * Fields in the order {@code type, id, origin, sequence, group_id, timestamp, payload}, the two
 * optional ones only when non-null. An EVENT payload is its record's raw bytes, verbatim.
 *
 * <p>A line never holds an inner line feed: strings escape control characters, and event records
 * cannot hold one. Thread-safe: no state.
 */
public final class FrameEncoder {
    private FrameEncoder() {}

    /**
     * The frame's line, its {@code \n} included. The caller checks the length against the peer's
     * {@code max_message_size}.
     *
     * @throws IllegalArgumentException for a frame with an {@code InvalidPayload}
     */
    public static byte[] encode(Frame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", frame.type());
            g.writeStringField("id", frame.id());
            g.writeStringField("origin", frame.origin());
            g.writeNumberField("sequence", frame.sequence());
            if (frame.groupId() != null) {
                g.writeStringField("group_id", frame.groupId());
            }
            if (frame.timestamp() != null) {
                g.writeStringField("timestamp", frame.timestamp());
            }
            g.writeFieldName("payload");
            PayloadWriter.write(g, frame.payload());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Writes the frame's line to {@code out} in one write call. Does not flush. */
    public static void writeTo(Frame frame, OutputStream out) throws IOException {
        out.write(encode(frame));
    }
}
