package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU the relays under test spend on one phase, per event: a figure that other work on the machine
 * disturbs far less than throughput, since it counts the relays' own threads only.
 */
final class CpuMeter {
    private final List<RunningRelay> relays;
    private final long[] start;
    private final boolean measurable;

    private CpuMeter(List<RunningRelay> relays) {
        this.relays = List.copyOf(relays);
        this.start = new long[relays.size()];
        boolean all = true;
        for (int i = 0; i < relays.size(); i++) {
            OptionalLong cpu = relays.get(i).cpuNanos();
            all &= cpu.isPresent();
            start[i] = cpu.orElse(0);
        }
        this.measurable = all;
    }

    /** Starts counting the CPU of {@code relays}, together. */
    static CpuMeter start(List<RunningRelay> relays) {
        return new CpuMeter(relays);
    }

    /** Nanoseconds of CPU the relays used since the start, per event; empty when one cannot be measured. */
    OptionalLong perEvent(long events) {
        if (!measurable || events < 1) {
            return OptionalLong.empty();
        }
        long used = 0;
        for (int i = 0; i < relays.size(); i++) {
            OptionalLong now = relays.get(i).cpuNanos();
            if (now.isEmpty()) {
                return OptionalLong.empty();
            }
            used += now.getAsLong() - start[i];
        }
        return OptionalLong.of(used / events);
    }
}
