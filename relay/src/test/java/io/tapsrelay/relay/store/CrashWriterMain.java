package io.tapsrelay.relay.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link CrashRecoveryTest}: appends batches of {@link TestEvents} to the store in
 * {@code args[0]} with sync on and prints the last sequence of each batch once its append completed,
 * until it is killed.
 */
public final class CrashWriterMain {
    static final int BATCH_SIZE = 25;
    private static final long MAX_BATCHES = 100_000;

    private CrashWriterMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        RocksEventStore store = RocksEventStore.open(Path.of(args[0]), true);
        for (long batch = 0; batch < MAX_BATCHES; batch++) {
            long first = batch * BATCH_SIZE + 1;
            long last = first + BATCH_SIZE - 1;
            List<StoredEvent> events = TestEvents.range(TestEvents.GROUP, TestEvents.ORIGIN, first, last);
            store.append(events).join();
            // Printed only after the future completed: each line is an acknowledgement.
            out.println(last);
        }
        store.close();
    }
}
