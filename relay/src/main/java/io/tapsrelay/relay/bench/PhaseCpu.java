package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.List;

/**
 * The CPU of one measured phase, counted twice: the relays under test, and the load generator
 * that shares the machine's cores with them (every microsecond it spends is one the relays lack).
 */
final class PhaseCpu {
    private final CpuMeter relays;
    private final CpuMeter generator;

    private PhaseCpu(CpuMeter relays, CpuMeter generator) {
        this.relays = relays;
        this.generator = generator;
    }

    /** Starts counting; call right before the phase's first event is sent. */
    static PhaseCpu start(List<RunningRelay> relays) {
        return new PhaseCpu(CpuMeter.start(relays), CpuMeter.generator(relays));
    }

    /** {@code figures} with both per-event CPU figures over {@code events} events. */
    LoadFigures applyTo(LoadFigures figures, long events) {
        return figures.withCpu(relays.perEvent(events), generator.perEvent(events));
    }
}
