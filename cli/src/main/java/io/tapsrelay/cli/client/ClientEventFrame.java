package io.tapsrelay.cli.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.FrameEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The body of a client's {@code /send}: one EVENT frame line whose payload carries only what a
 * client may give (PROTOCOL.md §4): {@code event_id} when chosen, {@code sender} when given, and
 * {@code content}. The relay fills in the rest and signs it.
 */
public final class ClientEventFrame {
    /** The {@code origin} of frames this command line writes; the token, not this, identifies it. */
    public static final String ORIGIN = "cli";

    private static final JsonFactory JSON = new JsonFactory();

    private ClientEventFrame() {}

    /**
     * The frame line, its {@code \n} included.
     *
     * @param frameId a fresh ULID for the frame
     * @param timestamp the frame's RFC 3339 timestamp
     */
    public static byte[] line(SendRequest request, String frameId, String timestamp) {
        String content = Base64.getEncoder().encodeToString(request.content());
        byte[] payload = payload(request.eventId(), request.sender(), content);
        EventRecord record = new EventRecord(
                request.eventId(), null, null, null, request.sender(), content, null, null, null, payload);
        return FrameEncoder.encode(Frame.of(FrameType.EVENT, frameId, ORIGIN, 1, request.groupId(), timestamp, record));
    }

    private static byte[] payload(String eventId, String sender, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length() + 96);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (eventId != null) {
                g.writeStringField("event_id", eventId);
            }
            if (sender != null) {
                g.writeStringField("sender", sender);
            }
            g.writeStringField("content", content);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
