package io.tapsrelay.relay.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.spi.AdminReport;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.SessionStats;
import io.tapsrelay.relay.stream.StreamSession;
import java.util.List;

/**
 * Per-stream and relay-wide stream metrics: ACK latency, ERRORs sent by code, events in, credit
 * stalls and outbound lag per (peer, group). The status document's lag lives in the stream entries
 * that {@code RelayReport} writes.
 */
public final class StreamReport implements AdminReport {
    private final StreamMetrics metrics;
    private final SessionRegistry sessions;
    private final EventStore store;

    public StreamReport(StreamMetrics metrics, SessionRegistry sessions, EventStore store) {
        this.metrics = metrics;
        this.sessions = sessions;
        this.store = store;
    }

    @Override
    public void status(ObjectNode root) {
        // Nothing beyond what RelayReport lists per stream.
    }

    @Override
    public void metrics(StringBuilder out) {
        metrics.write(out);
        List<StreamSession> open = sessions.sessions();
        header(out, "taps_stream_events_in_total", "EVENT frames received on peer streams.", "counter");
        for (StreamSession s : open) {
            line(out, "taps_stream_events_in_total", s, s.stats().eventsIn());
        }
        header(out, "taps_stream_credit_stalls_total", "Times the outbound pump waited for the peer's CREDIT.",
                "counter");
        for (StreamSession s : open) {
            SessionStats.Snapshot x = s.stats();
            line(out, "taps_stream_credit_stalls_total", s, x.creditStalls());
        }
        header(out, "taps_outbound_lag_events", "Events held here, in contiguous order, not yet acknowledged by the peer.",
                "gauge");
        for (StreamSession s : open) {
            line(out, "taps_outbound_lag_events", s, OutboundLag.events(store, s.peer(), s.group()));
        }
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void line(StringBuilder out, String name, StreamSession s, long value) {
        out.append(name).append("{peer=\"").append(s.peer()).append("\",group=\"").append(s.group()).append("\"} ")
                .append(value).append('\n');
    }
}
