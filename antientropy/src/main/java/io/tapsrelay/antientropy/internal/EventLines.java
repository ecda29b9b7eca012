package io.tapsrelay.antientropy.internal;

import io.tapsrelay.relay.store.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an EVENT frame line around a stored record without parsing the record: the same bytes
 * {@code FrameEncoder} writes for the parsed record (field order {@code type, id, origin, sequence,
 * group_id, timestamp, payload}, the record verbatim, one {@code \n}). A repair writes thousands of
 * these, and parsing each record only to write it back unchanged would be most of the cost.
 *
 * <p>Safe without escaping: the frame id is a ULID, the origin a server id, the group a group id and
 * the timestamp RFC 3339, none of which holds a character JSON escapes; the record is stored JSON
 * without a line feed.
 */
final class EventLines {
    private static final byte[] TYPE = bytes("{\"type\":\"EVENT\",\"id\":\"");
    private static final byte[] ORIGIN = bytes("\",\"origin\":\"");
    private static final byte[] SEQUENCE = bytes("\",\"sequence\":");
    private static final byte[] GROUP = bytes(",\"group_id\":\"");
    private static final byte[] TIMESTAMP = bytes("\",\"timestamp\":\"");
    private static final byte[] PAYLOAD = bytes("\",\"payload\":");

    private EventLines() {}

    static byte[] line(String frameId, String origin, long sequence, String group, String timestamp, StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.recordLength() + 160);
        out.writeBytes(TYPE);
        out.writeBytes(bytes(frameId));
        out.writeBytes(ORIGIN);
        out.writeBytes(bytes(origin));
        out.writeBytes(SEQUENCE);
        out.writeBytes(bytes(Long.toString(sequence)));
        out.writeBytes(GROUP);
        out.writeBytes(bytes(group));
        out.writeBytes(TIMESTAMP);
        out.writeBytes(bytes(timestamp));
        out.writeBytes(PAYLOAD);
        ByteBuffer record = event.recordView();
        byte[] chunk = new byte[record.remaining()];
        record.get(chunk);
        out.writeBytes(chunk);
        out.write('}');
        out.write('\n');
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
