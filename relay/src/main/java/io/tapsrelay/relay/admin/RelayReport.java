package io.tapsrelay.relay.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.relay.engine.IntakeCounters;
import io.tapsrelay.relay.metrics.OutboundLag;
import io.tapsrelay.relay.spi.AdminReport;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import io.tapsrelay.relay.store.StoreStats;
import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.SessionStats;
import io.tapsrelay.relay.stream.StreamSession;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** The relay's own part of status and metrics: store, streams, intake outcomes, memory. */
public final class RelayReport implements AdminReport {
    private final String selfId;
    private final String version;
    private final long startedAt;
    private final EventStore store;
    private final SessionRegistry sessions;
    private final IntakeCounters intake;

    public RelayReport(String selfId, String version, long startedAt, EventStore store, SessionRegistry sessions,
            IntakeCounters intake) {
        this.selfId = selfId;
        this.version = version;
        this.startedAt = startedAt;
        this.store = store;
        this.sessions = sessions;
        this.intake = intake;
    }

    @Override
    public void status(ObjectNode root) {
        root.put("server_id", selfId);
        root.put("version", version);
        root.put("uptime_ms", System.currentTimeMillis() - startedAt);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        root.put("heap_used_bytes", heap.getUsed());
        StoreStats st = store.stats();
        ObjectNode s = root.putObject("store");
        s.put("events", st.events());
        s.put("groups", st.groups());
        s.put("approximate_size_bytes", st.approximateSizeBytes());
        s.put("write_batches", st.writeBatches());
        s.put("syncs", st.syncs());
        s.put("write_stalls", st.writeStalls());
        ArrayNode streams = root.putArray("streams");
        for (StreamSession session : sessions.sessions()) {
            SessionStats.Snapshot x = session.stats();
            ObjectNode n = streams.addObject();
            n.put("peer", session.peer());
            n.put("group", session.group());
            n.put("role", session.role().name().toLowerCase(java.util.Locale.ROOT));
            n.put("events_in", x.eventsIn());
            n.put("events_out", x.eventsOut());
            n.put("in_flight", x.inFlight());
            n.put("credit_stalls", x.creditStalls());
            n.put("lag_events", OutboundLag.events(store, session.peer(), session.group()));
            n.put("last_error", x.lastError());
            n.put("last_peer_error", x.lastPeerError());
        }
        ArrayNode groups = root.putArray("groups");
        for (String g : store.groups()) {
            ObjectNode n = groups.addObject();
            n.put("group", g);
            ArrayNode origins = n.putArray("origins");
            long events = 0;
            for (OriginState o : store.originStates(g)) {
                events += o.count();
                ObjectNode on = origins.addObject();
                on.put("origin_server", o.originServer());
                on.put("max_seq", o.maxSeq());
                on.put("contiguous_seq", o.contiguousSeq());
                on.put("count", o.count());
            }
            n.put("events", events);
        }
        ObjectNode in = root.putObject("intake");
        in.put("stored", intake.stored());
        in.put("duplicates", intake.duplicates());
        ObjectNode rejected = in.putObject("rejected");
        for (ErrorCode c : ErrorCode.values()) {
            long n = intake.rejected(c);
            if (n > 0) {
                rejected.put(c.wireName(), n);
            }
        }
    }

    @Override
    public void metrics(StringBuilder out) {
        StoreStats st = store.stats();
        gauge(out, "taps_store_events", "Events held in the store.", st.events());
        gauge(out, "taps_store_size_bytes", "Approximate size of the store on disk.", st.approximateSizeBytes());
        counter(out, "taps_store_write_batches_total", "Write batches committed.", st.writeBatches());
        counter(out, "taps_store_syncs_total", "fsyncs of the write-ahead log.", st.syncs());
        counter(out, "taps_store_write_stalls_total", "RocksDB write stalls and stops.", st.writeStalls());
        gauge(out, "taps_open_streams", "Open peer streams.", sessions.sessions().size());
        counter(out, "taps_events_stored_total", "Events newly stored from peers.", intake.stored());
        counter(out, "taps_events_duplicate_total", "Offered events already held.", intake.duplicates());
        out.append("# HELP taps_events_rejected_total Offered events refused, by ERROR code.\n")
                .append("# TYPE taps_events_rejected_total counter\n");
        for (ErrorCode c : ErrorCode.values()) {
            long n = intake.rejected(c);
            if (n > 0) {
                out.append("taps_events_rejected_total{code=\"").append(c.wireName()).append("\"} ").append(n).append('\n');
            }
        }
        out.append("# HELP taps_stream_events_out_total Events sent on peer streams.\n")
                .append("# TYPE taps_stream_events_out_total counter\n");
        for (StreamSession s : sessions.sessions()) {
            out.append("taps_stream_events_out_total{peer=\"").append(s.peer()).append("\",group=\"").append(s.group())
                    .append("\"} ").append(s.stats().eventsOut()).append('\n');
        }
    }

    static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
