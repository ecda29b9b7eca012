package io.tapsrelay.relay.store;

import io.tapsrelay.frames.crypto.PrefixChain;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.internal.UlidText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Deterministic events for store tests: the same (group, origin, seq, variant) always gives the same event. */
final class TestEvents {
    static final String GROUP = "g!team-7";
    static final String ORIGIN = "relay-a.example";

    private TestEvents() {}

    static StoredEvent event(long seq) {
        return event(GROUP, ORIGIN, seq, "v0");
    }

    static StoredEvent event(String groupId, String originServer, long seq) {
        return event(groupId, originServer, seq, "v0");
    }

    /** An event whose id and content depend on every argument; another variant is another event. */
    static StoredEvent event(String groupId, String originServer, long seq, String variant) {
        String content = groupId + "|" + originServer + "|" + seq + "|" + variant;
        String eventId = UlidText.of(Sha256.digest(utf8("id|" + content)).toBytes(), 0);
        return withIdAndContent(groupId, originServer, seq, eventId, content);
    }

    /** An event with a chosen id, for id conflicts. */
    static StoredEvent withIdAndContent(String groupId, String originServer, long seq, String eventId, String content) {
        byte[] contentBytes = utf8(content);
        String record = "{\"event_id\":\"" + eventId + "\",\"origin_server\":\"" + originServer
                + "\",\"origin_seq\":" + seq + ",\"content\":\"" + Base64.getEncoder().encodeToString(contentBytes)
                + "\",\"x_unknown\":[1,2]}";
        return new StoredEvent(groupId, eventId, originServer, seq, Sha256.digest(contentBytes), utf8(record));
    }

    /** Events 1..n of one origin. */
    static List<StoredEvent> range(String groupId, String originServer, long from, long to) {
        List<StoredEvent> out = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            out.add(event(groupId, originServer, seq));
        }
        return out;
    }

    /** The §7 chain over {@code inOrder}, computed directly, step by step. */
    static Sha256 chain(List<StoredEvent> inOrder) {
        Sha256 h = Sha256.ZERO;
        for (StoredEvent e : inOrder) {
            h = PrefixChain.step(h, e.eventIdBytes(), e.contentHash().toBytes());
        }
        return h;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
