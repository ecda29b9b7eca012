package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CpuMeterTest {
    @Test
    void relaysCpuIsTheirGrowthSinceTheStartSharedOutOverTheEvents() {
        FakeRelay a = new FakeRelay(OptionalLong.of(1_000), OptionalLong.empty());
        FakeRelay b = new FakeRelay(OptionalLong.of(50_000), OptionalLong.empty());
        CpuMeter meter = CpuMeter.start(List.of(a, b));
        a.cpu = OptionalLong.of(301_000);
        b.cpu = OptionalLong.of(150_000);
        assertEquals(OptionalLong.of(400), meter.perEvent(1_000));
    }

    @Test
    void aRelayWhoseCpuCannotBeToldApartLeavesTheFigureEmpty() {
        CpuMeter meter = CpuMeter.start(List.of(new FakeRelay(OptionalLong.of(5), OptionalLong.empty()),
                new FakeRelay(OptionalLong.empty(), OptionalLong.empty())));
        assertTrue(meter.perEvent(10).isEmpty());
    }

    @Test
    void theGeneratorIsMeasuredOnlyWhenEveryRelayRunsInAProcessOfItsOwn() {
        FakeRelay inProcess = new FakeRelay(OptionalLong.empty(), OptionalLong.empty());
        assertTrue(CpuMeter.generator(List.of(inProcess)).perEvent(10).isEmpty(),
                "an in-process relay's threads would be counted as the generator's");
        assumeTrue(ProcessHandle.current().info().totalCpuDuration().isPresent(), "this OS reports process CPU");
        FakeRelay apart = new FakeRelay(OptionalLong.of(0), OptionalLong.of(1));
        assertTrue(CpuMeter.generator(List.of(apart)).perEvent(10).isPresent());
    }
}
