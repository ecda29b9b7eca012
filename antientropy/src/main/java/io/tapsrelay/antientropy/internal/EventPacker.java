package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the events of wanted ranges from the store as EVENT frame lines, in origin order and
 * ascending sequence, until the next line would pass a byte budget. Sequences not held are skipped.
 * At least one line is packed when any wanted event is held, so a peer always makes progress.
 */
final class EventPacker {
    private static final int READ_BATCH = 1024;

    /** Which event a packed frame carries, so an ERROR about it (by frame id) can be told apart. */
    record Sent(String origin, long seq) {}

    /**
     * @param lines the EVENT frame lines, each ending in {@code \n}
     * @param bytes their total length
     * @param sent the event of each frame, by frame id
     * @param truncated whether the budget stopped the packing before every wanted held event
     */
    record Packed(List<byte[]> lines, long bytes, Map<String, Sent> sent, boolean truncated) {
        int events() {
            return lines.size();
        }
    }

    private EventPacker() {}

    /**
     * @param wants ranges by origin, as {@link Shortfall#of} gives them
     * @param budget the most bytes of lines
     * @param firstSequence the frame {@code sequence} of the first line
     */
    static Packed pack(EventStore store, String group, String selfId, Map<String, List<SeqRange>> wants, long budget,
            long firstSequence) {
        List<byte[]> lines = new ArrayList<>();
        Map<String, Sent> sent = new HashMap<>();
        long bytes = 0;
        String timestamp = Timestamps.now();
        for (Map.Entry<String, List<SeqRange>> want : wants.entrySet()) {
            String origin = want.getKey();
            for (SeqRange range : want.getValue()) {
                long cursor = range.from();
                while (cursor <= range.to()) {
                    List<StoredEvent> batch = store.read(group, origin, cursor, range.to(), READ_BATCH,
                            Math.max(0, budget - bytes));
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (StoredEvent e : batch) {
                        String frameId = Ulids.next();
                        byte[] line = EventLines.line(frameId, selfId, firstSequence + lines.size(), group, timestamp, e);
                        if (bytes + line.length > budget && !lines.isEmpty()) {
                            return new Packed(lines, bytes, sent, true);
                        }
                        lines.add(line);
                        sent.put(frameId, new Sent(origin, e.originSeq()));
                        bytes += line.length;
                        cursor = e.originSeq() + 1;
                    }
                }
            }
        }
        return new Packed(lines, bytes, sent, false);
    }
}
