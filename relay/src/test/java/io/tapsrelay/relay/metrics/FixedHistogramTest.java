package io.tapsrelay.relay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FixedHistogramTest {

    @Test
    void bucketsAreCumulativeAndTheCountEqualsTheInfiniteBucket() {
        FixedHistogram h = new FixedHistogram("t_seconds", "test.", 0.01, 0.1);
        h.observeNanos(TimeUnit.MILLISECONDS.toNanos(5));
        h.observeNanos(TimeUnit.MILLISECONDS.toNanos(10));
        h.observeNanos(TimeUnit.MILLISECONDS.toNanos(50));
        h.observeNanos(TimeUnit.SECONDS.toNanos(2));
        StringBuilder out = new StringBuilder();
        h.write(out);
        String text = out.toString();
        assertTrue(text.contains("# TYPE t_seconds histogram\n"), text);
        assertTrue(text.contains("t_seconds_bucket{le=\"0.01\"} 2\n"), text);
        assertTrue(text.contains("t_seconds_bucket{le=\"0.1\"} 3\n"), text);
        assertTrue(text.contains("t_seconds_bucket{le=\"+Inf\"} 4\n"), text);
        assertTrue(text.contains("t_seconds_sum 2.065\n"), text);
        assertTrue(text.contains("t_seconds_count 4\n"), text);
    }

    @Test
    void negativeDurationsCountAsZero() {
        FixedHistogram h = new FixedHistogram("t", "test.", 0.001);
        h.observeNanos(-5);
        StringBuilder out = new StringBuilder();
        h.write(out);
        assertTrue(out.toString().contains("t_bucket{le=\"0.001\"} 1\n"), out.toString());
        assertTrue(out.toString().contains("t_sum 0.0\n"), out.toString());
    }

    @Test
    void boundsThatDoNotIncreaseAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FixedHistogram("t", "x", 0.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new FixedHistogram("t", "x"));
    }

    @Test
    void concurrentObservationsAreAllCounted() throws Exception {
        FixedHistogram h = new FixedHistogram("t", "test.", 0.001, 1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    h.observeNanos(i);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(40_000, h.count());
    }

    @Test
    void errorsSentAreCountedPerCodeAndEveryCodeIsListed() {
        StreamMetrics m = new StreamMetrics();
        m.errorSent(ErrorCode.SEQUENCE_VIOLATION);
        m.errorSent(ErrorCode.SEQUENCE_VIOLATION);
        StringBuilder out = new StringBuilder();
        m.write(out);
        String text = out.toString();
        assertTrue(text.contains("taps_stream_errors_sent_total{code=\"sequence_violation\"} 2\n"), text);
        assertTrue(text.contains("taps_stream_errors_sent_total{code=\"hello_required\"} 0\n"), text);
        assertTrue(text.contains("taps_stream_ack_latency_seconds_count 0\n"), text);
    }
}
