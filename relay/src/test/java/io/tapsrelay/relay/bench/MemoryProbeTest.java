package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryProbeTest {
    @Test
    void g1HeapInfoGivesTheHeapLineNotMetaspace() {
        String info = """
                11540:
                 garbage-first heap   total 17408K, used 2885K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 0 young (0K), 0 survivors (0K)
                 Metaspace       used 8929K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals(OptionalLong.of(2885L * 1024), MemoryProbe.heapUsed(info));
    }

    @Test
    void generationalHeapInfoAddsTheGenerations() {
        String info = """
                 def new generation   total 4928K, used 1000K [0x1, 0x2, 0x3)
                  eden space 4416K,  20% used [0x1, 0x2, 0x3)
                 tenured generation   total 10944K, used 3000K [0x1, 0x2, 0x3)
                 Metaspace       used 700K, committed 800K, reserved 1056768K
                """;
        assertEquals(OptionalLong.of(4000L * 1024), MemoryProbe.heapUsed(info));
    }

    @Test
    void zgcAndShenandoahFormsAreRead() {
        assertEquals(OptionalLong.of(8L << 20), MemoryProbe.heapUsed(" ZHeap           used 8M, capacity 64M, max capacity 1024M"));
        assertEquals(OptionalLong.of(20L << 20), MemoryProbe.heapUsed(" 1024M max, 1024M soft max, 50M committed, 20M used"));
    }

    @Test
    void textWithoutAHeapLineMeasuresNothing() {
        assertEquals(OptionalLong.empty(), MemoryProbe.heapUsed("11540:\ncom.sun.tools.attach.AttachNotSupportedException"));
    }

    @Test
    void vmRssIsReadFromProcStatusInKibibytes() {
        assertEquals(OptionalLong.of(67_924L * 1024), MemoryProbe.vmRss("Name:\tjava\nVmHWM:\t   70000 kB\nVmRSS:\t   67924 kB\n"));
        assertEquals(OptionalLong.empty(), MemoryProbe.vmRss("Name:\tjava\n"));
    }

    @Test
    void withoutJcmdOnlyRssIsMeasured() {
        MemorySample own = new MemoryProbe(Optional.empty()).sample(ProcessHandle.current().pid());
        assertEquals(OptionalLong.empty(), own.heapBytes());
        assertEquals(java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/status")), own.rssBytes().isPresent());
    }
}
