package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.RepairResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters over every repair since the relay started, for {@code GET /metrics}. Thread-safe. */
public final class RepairMetrics {
    private final Map<RepairResult.Outcome, LongAdder> runs = new EnumMap<>(RepairResult.Outcome.class);
    private final LongAdder pulled = new LongAdder();
    private final LongAdder pushed = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder durationMillis = new LongAdder();
    private final LongAdder count = new LongAdder();

    public RepairMetrics() {
        for (RepairResult.Outcome o : RepairResult.Outcome.values()) {
            runs.put(o, new LongAdder());
        }
    }

    public void add(RepairResult r) {
        runs.get(r.outcome()).increment();
        pulled.add(r.pulled());
        pushed.add(r.pushed());
        bytesSent.add(r.bytesSent());
        bytesReceived.add(r.bytesReceived());
        durationMillis.add(r.durationMillis());
        count.increment();
    }

    /** Appends the repair metric families in Prometheus text format. */
    public void write(StringBuilder out) {
        out.append("# HELP taps_repair_runs_total Anti-entropy repairs run, by result.\n")
                .append("# TYPE taps_repair_runs_total counter\n");
        for (RepairResult.Outcome o : RepairResult.Outcome.values()) {
            out.append("taps_repair_runs_total{result=\"").append(o.wireName()).append("\"} ")
                    .append(runs.get(o).sum()).append('\n');
        }
        counter(out, "taps_repair_events_pulled_total", "Events stored here by repairs.", pulled.sum());
        counter(out, "taps_repair_events_pushed_total", "Events repairs offered to peers that they did not refuse.",
                pushed.sum());
        out.append("# HELP taps_repair_bytes_total Request and response bodies of repairs, by direction.\n")
                .append("# TYPE taps_repair_bytes_total counter\n")
                .append("taps_repair_bytes_total{direction=\"sent\"} ").append(bytesSent.sum()).append('\n')
                .append("taps_repair_bytes_total{direction=\"received\"} ").append(bytesReceived.sum()).append('\n');
        out.append("# HELP taps_repair_duration_seconds How long repairs took.\n")
                .append("# TYPE taps_repair_duration_seconds summary\n")
                .append("taps_repair_duration_seconds_sum ").append(durationMillis.sum() / 1000.0).append('\n')
                .append("taps_repair_duration_seconds_count ").append(count.sum()).append('\n');
    }

    static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }
}
