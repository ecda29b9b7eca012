package io.tapsrelay.antientropy.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.spi.AdminReport;
import io.tapsrelay.relay.store.Equivocation;
import io.tapsrelay.relay.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Anti-entropy's part of status and metrics: the latest repair results, the equivocation evidence the
 * store keeps, and the repair counters.
 */
final class AntiEntropyReport implements AdminReport {
    /** Results shown in status, newest first. */
    static final int STATUS_RESULTS = 20;
    /** Equivocations shown in status, newest first. */
    static final int STATUS_EQUIVOCATIONS = 10;

    private final EventStore store;
    private final RepairHistory history;
    private final RepairMetrics metrics;

    AntiEntropyReport(EventStore store, RepairHistory history, RepairMetrics metrics) {
        this.store = store;
        this.history = history;
        this.metrics = metrics;
    }

    @Override
    public void status(ObjectNode root) {
        ArrayNode repairs = root.putArray("repairs");
        history.latest(STATUS_RESULTS).forEach(r -> repairs.add(ResultJson.tree(r)));
        ObjectNode equivocations = root.putObject("equivocations");
        equivocations.put("count", store.equivocationCount());
        ArrayNode latest = equivocations.putArray("latest");
        for (Equivocation e : latestEquivocations()) {
            ObjectNode n = latest.addObject();
            n.put("group", e.groupId());
            n.put("origin_server", e.originServer());
            n.put("origin_seq", e.originSeq());
            n.put("kept_event_id", e.keptEventId());
            n.put("rejected_event_id", e.rejectedEventId());
            n.put("detected_at", Instant.ofEpochMilli(e.detectedAtMillis()).toString());
        }
    }

    private List<Equivocation> latestEquivocations() {
        if (store.equivocationCount() == 0) {
            return List.of();
        }
        List<Equivocation> all = new ArrayList<>();
        for (String group : store.groups()) {
            all.addAll(store.equivocations(group));
        }
        all.sort(Comparator.comparingLong(Equivocation::detectedAtMillis).reversed());
        return all.subList(0, Math.min(STATUS_EQUIVOCATIONS, all.size()));
    }

    @Override
    public void metrics(StringBuilder out) {
        metrics.write(out);
        RepairMetrics.counter(out, "taps_equivocations_total",
                "Equivocation records kept: two validly signed events for one origin sequence.",
                store.equivocationCount());
    }
}
