package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tapsrelay.relay.bench.CompilerActivity.Sample;
import io.tapsrelay.relay.bench.CompilerActivity.Use;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerActivityTest {
    private static final long PID = 4242;

    @TempDir
    Path dir;

    @Test
    void onlyThreadsNamedAsHotSpotCompilersCountAsCompiling() {
        FakeProc proc = new FakeProc(dir);
        proc.process(PID, "java", 900, 100);
        proc.thread(PID, PID + 1, "C2 CompilerThre", 300, 20);
        proc.thread(PID, PID + 2, "C1 CompilerThre", 40, 2);
        proc.thread(PID, PID + 3, "taps-verify-1", 500, 30);
        proc.thread(PID, PID + 4, "GC Thread#0", 7, 1);
        Sample s = new CompilerActivity(dir).sample(PID).orElseThrow();
        assertEquals(1000, s.processTicks(), "utime + stime of the whole process");
        assertEquals(Map.of(Long.toString(PID + 1), 320L, Long.toString(PID + 2), 42L), s.compilerTicks());
    }

    @Test
    void aThreadNameWithSpacesAndParenthesesIsReadToItsLastParenthesis() {
        FakeProc proc = new FakeProc(dir);
        proc.process(PID, "java", 10, 0);
        proc.thread(PID, PID + 1, "odd) (C2 CompilerThre", 5, 1);
        assertEquals(6L, new CompilerActivity(dir).sample(PID).orElseThrow().compilerTicks().get(Long.toString(PID + 1)));
    }

    @Test
    void theShareIsWhatTheCompilersUsedBetweenTwoSamplesOverWhatTheProcessUsed() {
        FakeProc proc = new FakeProc(dir);
        CompilerActivity activity = new CompilerActivity(dir);
        proc.process(PID, "java", 1000, 0);
        proc.thread(PID, 7, "C2 CompilerThre", 100, 0);
        Sample before = activity.sample(PID).orElseThrow();
        proc.process(PID, "java", 1900, 100);
        proc.thread(PID, 7, "C2 CompilerThre", 150, 10);
        Use use = activity.sample(PID).orElseThrow().since(before);
        assertEquals(new Use(60, 1000), use);
        assertEquals(0.06, use.share(), 1e-9);
    }

    @Test
    void aCompilerThreadThatStartedLaterCountsFromZeroAndOneThatEndedIsLeftOut() {
        FakeProc proc = new FakeProc(dir);
        CompilerActivity activity = new CompilerActivity(dir);
        proc.process(PID, "java", 100, 0);
        proc.thread(PID, 7, "C2 CompilerThre", 50, 0);
        Sample before = activity.sample(PID).orElseThrow();
        proc.endThread(PID, 7);
        proc.thread(PID, 9, "C2 CompilerThre", 12, 0);
        proc.process(PID, "java", 300, 0);
        assertEquals(new Use(12, 200), activity.sample(PID).orElseThrow().since(before));
    }

    @Test
    void aProcessThatProcDoesNotDescribeHasNoSample() throws Exception {
        assertTrue(new CompilerActivity(dir).sample(PID).isEmpty(), "no such process");
        Files.createDirectories(dir.resolve(PID + "/task"));
        Files.writeString(dir.resolve(PID + "/stat"), "garbage\n");
        assertTrue(new CompilerActivity(dir).sample(PID).isEmpty(), "an unreadable stat line");
        new FakeProc(dir).process(PID + 1, "java", 1, 1);
        assertTrue(new CompilerActivity(dir).sample(PID + 1).isEmpty(), "no task directory");
    }

    @Test
    void thisMachinesProcReadsThisJvmWhereThereIsOne() {
        Path self = Path.of("/proc/self/task");
        assumeTrue(Files.isDirectory(self), "Linux /proc");
        Sample s = CompilerActivity.ofThisMachine().sample(ProcessHandle.current().pid()).orElseThrow();
        assertTrue(s.processTicks() > 0, "a JVM that ran tests has used CPU");
        assertFalse(s.compilerTicks().isEmpty(), "HotSpot runs at least one compiler thread: " + s);
    }
}
