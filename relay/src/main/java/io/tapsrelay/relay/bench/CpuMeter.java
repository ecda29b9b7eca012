package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * CPU some processes spend on one phase, per event: the relays under test (a figure that other
 * work on the machine disturbs far less than throughput, since it counts their own threads only),
 * or the load generator itself, which shares the cores with them.
 */
final class CpuMeter {
    private final List<Supplier<OptionalLong>> sources;
    private final long[] start;
    private final boolean measurable;

    private CpuMeter(List<Supplier<OptionalLong>> sources, boolean measurable) {
        this.sources = List.copyOf(sources);
        this.start = new long[sources.size()];
        boolean all = measurable;
        for (int i = 0; i < sources.size(); i++) {
            OptionalLong cpu = sources.get(i).get();
            all &= cpu.isPresent();
            start[i] = cpu.orElse(0);
        }
        this.measurable = all;
    }

    /** Starts counting the CPU of {@code relays}, together. */
    static CpuMeter start(List<RunningRelay> relays) {
        return new CpuMeter(relays.stream().<Supplier<OptionalLong>>map(r -> r::cpuNanos).toList(), true);
    }

    /**
     * Starts counting this JVM's CPU: the load generator's. Only when every relay of the phase runs
     * in a process of its own can the figure be told apart from theirs; otherwise it stays empty.
     */
    static CpuMeter generator(List<RunningRelay> relays) {
        boolean apart = relays.stream().allMatch(r -> r.cpuNanos().isPresent());
        return new CpuMeter(List.of(CpuMeter::thisProcess), apart);
    }

    /** Nanoseconds of CPU used since the start, per event; empty when it cannot be measured. */
    OptionalLong perEvent(long events) {
        if (!measurable || events < 1) {
            return OptionalLong.empty();
        }
        long used = 0;
        for (int i = 0; i < sources.size(); i++) {
            OptionalLong now = sources.get(i).get();
            if (now.isEmpty()) {
                return OptionalLong.empty();
            }
            used += now.getAsLong() - start[i];
        }
        return OptionalLong.of(used / events);
    }

    private static OptionalLong thisProcess() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos()))
                .orElse(OptionalLong.empty());
    }
}
