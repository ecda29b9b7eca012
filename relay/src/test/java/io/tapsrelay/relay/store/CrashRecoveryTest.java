package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {
    private static final int ACKS_BEFORE_KILL = 8;
    private static final String END = "<end of output>";

    @TempDir
    Path dir;

    @Test
    void everyEventWhoseAppendCompletedSurvivesKillNine() throws Exception {
        Path data = dir.resolve("data");
        Path childErr = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        CrashWriterMain.class.getName(),
                        data.toString())
                .redirectError(childErr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(child, lines), "child-stdout");
        reader.start();

        long lastAcked = 0;
        try {
            for (int i = 0; i < ACKS_BEFORE_KILL; i++) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null || line.equals(END)) {
                    throw new AssertionError("child stopped acknowledging after " + i + " batches: "
                            + Files.readString(childErr));
                }
                lastAcked = Long.parseLong(line);
            }
        } finally {
            child.destroyForcibly();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit");
        // A zero exit would mean the child finished on its own instead of being killed mid-write.
        assertTrue(child.exitValue() != 0, "child exit value " + child.exitValue());
        // Lines printed before the kill landed are acknowledgements too.
        for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !line.equals(END);
                line = lines.poll(30, TimeUnit.SECONDS)) {
            lastAcked = Long.parseLong(line);
        }
        reader.join(30_000);

        try (RocksEventStore store = RocksEventStore.open(data, true)) {
            List<StoredEvent> acked = TestEvents.range(GROUP, ORIGIN, 1, lastAcked);
            assertEquals(acked, store.read(GROUP, ORIGIN, 1, lastAcked, Integer.MAX_VALUE, Long.MAX_VALUE));
            OriginState state = store.originState(GROUP, ORIGIN);
            assertTrue(state.contiguousSeq() >= lastAcked, state + " lost acknowledged events up to " + lastAcked);
            // Whatever else survived is whole batches, and the digest state matches the events on disk.
            assertEquals(state.maxSeq(), state.contiguousSeq());
            assertEquals(0, state.maxSeq() % CrashWriterMain.BATCH_SIZE);
            assertEquals(TestEvents.chain(TestEvents.range(GROUP, ORIGIN, 1, state.contiguousSeq())), state.prefixHash());
        }
    }

    private static void readLines(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read is what counts.
        } finally {
            lines.add(END);
        }
    }
}
