package io.tapsrelay.relay.bench;

import java.util.OptionalLong;

/** A running relay that is only numbers: the CPU and process id a test sets. */
final class FakeRelay implements RelayLauncher.RunningRelay {
    OptionalLong cpu;
    OptionalLong pid;

    FakeRelay(OptionalLong cpu, OptionalLong pid) {
        this.cpu = cpu;
        this.pid = pid;
    }

    @Override
    public RelayTarget target() {
        throw new UnsupportedOperationException("a fake relay serves nothing");
    }

    @Override
    public MemorySample memory() {
        return MemorySample.unavailable();
    }

    @Override
    public OptionalLong cpuNanos() {
        return cpu;
    }

    @Override
    public OptionalLong pid() {
        return pid;
    }

    @Override
    public void close() {}
}
