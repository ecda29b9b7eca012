package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChildRelayLauncherTest {
    @Test
    void relaysUnderTestRunWithTheSerialCollectorLikeTheLauncher() {
        assertEquals(Optional.of("-XX:+UseSerialGC"), ChildRelayLauncher.collectorOption(null));
        assertEquals(Optional.of("-XX:+UseSerialGC"), ChildRelayLauncher.collectorOption(""));
        assertEquals(Optional.of("-XX:+UseSerialGC"), ChildRelayLauncher.collectorOption("-Xlog:gc -XX:+UseNUMA"));
    }

    @Test
    void aCollectorChosenInJdkJavaOptionsIsLeftAlone() {
        // The child reads JDK_JAVA_OPTIONS too, and a JVM given two collectors refuses to start.
        assertEquals(Optional.empty(), ChildRelayLauncher.collectorOption("-XX:+UseG1GC"));
        assertEquals(Optional.empty(), ChildRelayLauncher.collectorOption("-Xlog:gc -XX:+UseParallelGC -Xss1m"));
        assertEquals(Optional.empty(), ChildRelayLauncher.collectorOption("-XX:+UseZGC"));
    }
}
