package io.tapsrelay.relay.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of intake outcomes, for status and metrics. Thread-safe. */
public final class IntakeCounters {
    private final LongAdder stored = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<io.tapsrelay.frames.ErrorCode, LongAdder> rejected = new EnumMap<>(io.tapsrelay.frames.ErrorCode.class);

    public IntakeCounters() {
        for (io.tapsrelay.frames.ErrorCode c : io.tapsrelay.frames.ErrorCode.values()) {
            rejected.put(c, new LongAdder());
        }
    }

    void count(IntakeResult r) {
        if (r instanceof IntakeResult.Stored) {
            stored.increment();
        } else if (r instanceof IntakeResult.Duplicate) {
            duplicates.increment();
        } else if (r instanceof IntakeResult.Rejected rej) {
            rejected.get(rej.code()).increment();
        }
    }

    public long stored() {
        return stored.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long rejected(io.tapsrelay.frames.ErrorCode code) {
        return rejected.get(code).sum();
    }
}
