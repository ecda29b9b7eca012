package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.relay.store.EventStore;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The last {@link #CAPACITY} repair results, kept durably in the store's metadata so status survives a
 * restart. The store's metadata has no delete, so the results sit in a ring of {@link #CAPACITY}
 * slots, each value the result's running number followed by its JSON; on open the numbers put them
 * back in order. Thread-safe.
 */
public final class RepairHistory {
    /** Results kept. */
    public static final int CAPACITY = 200;
    static final String PREFIX = "antientropy/repairs/";
    private static final Logger LOG = Logger.getLogger(RepairHistory.class.getName());

    private final EventStore store;
    private final Deque<RepairResult> recent = new ArrayDeque<>();
    private long next;

    private RepairHistory(EventStore store) {
        this.store = store;
    }

    /** Loads what earlier runs of this relay kept. */
    public static RepairHistory load(EventStore store) {
        RepairHistory h = new RepairHistory(store);
        TreeMap<Long, RepairResult> byNumber = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : store.metaWithPrefix(PREFIX).entrySet()) {
            byte[] v = e.getValue();
            if (v.length < Long.BYTES) {
                continue;
            }
            long number = ByteBuffer.wrap(v, 0, Long.BYTES).getLong();
            try {
                byNumber.put(number, ResultJson.parse(java.util.Arrays.copyOfRange(v, Long.BYTES, v.length)));
            } catch (IllegalArgumentException bad) {
                LOG.warning(() -> "event=repair-history-skipped key=" + e.getKey() + " reason=\"" + bad.getMessage() + "\"");
            }
        }
        byNumber.values().forEach(h.recent::addLast);
        h.next = byNumber.isEmpty() ? 0 : byNumber.lastKey() + 1;
        return h;
    }

    /** Keeps {@code result}, replacing the oldest once {@link #CAPACITY} are kept. */
    public synchronized void add(RepairResult result) {
        long number = next++;
        byte[] json = ResultJson.bytes(result);
        byte[] value = ByteBuffer.allocate(Long.BYTES + json.length).putLong(number).put(json).array();
        store.putMeta(PREFIX + String.format("%03d", number % CAPACITY), value);
        recent.addLast(result);
        while (recent.size() > CAPACITY) {
            recent.removeFirst();
        }
    }

    /** Up to {@code n} results, newest first. */
    public synchronized List<RepairResult> latest(int n) {
        List<RepairResult> out = new ArrayList<>(Math.min(n, recent.size()));
        var it = recent.descendingIterator();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out;
    }
}
