package io.tapsrelay.relay.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.engine.RejectionListener;
import io.tapsrelay.relay.store.EventStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Which peers are quarantined: refused with 403 on every request, their streams closed, never
 * dialed. A peer goes there automatically after {@code threshold} offences (invalid signatures or
 * equivocations) within {@code window}, or by an operator; only an operator releases it.
 *
 * <p>The list survives restarts in the store's metadata under {@value #PREFIX}: a release writes a
 * {@code released} record, since the store has no delete. Thread-safe; {@link #isQuarantined} is a
 * map lookup, cheap enough for every request.
 */
public final class PeerQuarantine implements RejectionListener {
    private static final Logger LOG = Logger.getLogger(PeerQuarantine.class.getName());
    static final String PREFIX = "quarantine/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore store;
    private final Clock clock;
    private final int threshold;
    private final Duration window;
    private final Consumer<String> onQuarantined;
    private final Map<String, QuarantineEntry> quarantined = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<Long>> offences = new HashMap<>();

    /**
     * Loads the persisted list.
     *
     * @param onQuarantined told of each peer newly quarantined (closes its streams); must not block
     */
    public PeerQuarantine(EventStore store, Clock clock, int threshold, Duration window,
            Consumer<String> onQuarantined) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        }
        this.store = store;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
        this.onQuarantined = onQuarantined;
        store.metaWithPrefix(PREFIX).forEach((key, value) -> read(value).ifPresent(e -> quarantined.put(e.serverId(), e)));
    }

    /** True when {@code serverId} is quarantined now. */
    public boolean isQuarantined(String serverId) {
        return quarantined.containsKey(serverId);
    }

    /** The quarantined peers, oldest first. */
    public List<QuarantineEntry> list() {
        List<QuarantineEntry> out = new ArrayList<>(quarantined.values());
        out.sort(Comparator.comparingLong(QuarantineEntry::sinceMs).thenComparing(QuarantineEntry::serverId));
        return out;
    }

    /** Counts {@code invalid_signature} and {@code equivocation} as offences; other refusals are not. */
    @Override
    public void onRejected(String fromPeer, IntakeResult.Rejected rejection) {
        if (rejection.code() == ErrorCode.INVALID_SIGNATURE || rejection.code() == ErrorCode.EQUIVOCATION) {
            offence(fromPeer, rejection.code().wireName());
        }
    }

    /**
     * Counts one offence of {@code peer}; the one that reaches the threshold within the window
     * quarantines it.
     */
    public void offence(String peer, String code) {
        long now = clock.millis();
        int count;
        synchronized (offences) {
            if (quarantined.containsKey(peer)) {
                return;
            }
            ArrayDeque<Long> times = offences.computeIfAbsent(peer, p -> new ArrayDeque<>());
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
                times.pollFirst();
            }
            count = times.size();
            if (count < threshold) {
                return;
            }
            offences.remove(peer);
        }
        quarantine(new QuarantineEntry(peer, count + " invalid signatures or equivocations within "
                + window.toSeconds() + " s (last: " + code + ")", true, now));
    }

    /**
     * Quarantines {@code peer} by an operator's decision.
     *
     * @return the entry in force: the new one, or the earlier one when it was already quarantined
     */
    public QuarantineEntry quarantine(String peer, String reason) {
        QuarantineEntry entry = new QuarantineEntry(peer, reason, false, clock.millis());
        return quarantine(entry);
    }

    private QuarantineEntry quarantine(QuarantineEntry entry) {
        QuarantineEntry earlier = quarantined.putIfAbsent(entry.serverId(), entry);
        if (earlier != null) {
            return earlier;
        }
        store.putMeta(PREFIX + entry.serverId(), write(entry, "quarantined"));
        LOG.warning(() -> "event=peer-quarantined peer=" + entry.serverId() + " automatic=" + entry.automatic()
                + " reason=\"" + entry.reason() + "\"");
        onQuarantined.accept(entry.serverId());
        return entry;
    }

    /**
     * Lifts the quarantine of {@code peer} and forgets its offences.
     *
     * @return the entry that was lifted, empty when it was not quarantined
     */
    public Optional<QuarantineEntry> release(String peer) {
        synchronized (offences) {
            offences.remove(peer);
        }
        QuarantineEntry lifted = quarantined.remove(peer);
        if (lifted != null) {
            store.putMeta(PREFIX + peer, write(lifted, "released"));
            LOG.info(() -> "event=peer-released peer=" + peer);
        }
        return Optional.ofNullable(lifted);
    }

    private static byte[] write(QuarantineEntry e, String state) {
        ObjectNode n = JSON.createObjectNode();
        n.put("server_id", e.serverId());
        n.put("state", state);
        n.put("reason", e.reason());
        n.put("automatic", e.automatic());
        n.put("since", e.sinceMs());
        return n.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Optional<QuarantineEntry> read(byte[] value) {
        try {
            JsonNode n = JSON.readTree(value);
            if (!"quarantined".equals(n.path("state").asText())) {
                return Optional.empty();
            }
            return Optional.of(new QuarantineEntry(n.path("server_id").asText(), n.path("reason").asText(),
                    n.path("automatic").asBoolean(), n.path("since").asLong()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warning(() -> "event=quarantine-record-unreadable error=\"" + e.getMessage() + "\"");
            return Optional.empty();
        }
    }
}
