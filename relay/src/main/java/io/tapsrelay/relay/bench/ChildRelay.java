package io.tapsrelay.relay.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A relay running in a child process: its output copied to a log file, "serving" noticed from its
 * first stdout line, and the process ended on {@link #close()} — SIGTERM so it drains, then SIGKILL
 * if it lingers. A JVM shutdown hook kills it too, so an interrupted bench leaves no relay behind.
 */
final class ChildRelay implements RelayLauncher.RunningRelay {
    private static final int TAIL_LINES = 30;
    private static final long STOP_WAIT_SECONDS = 15;

    private final RelayTarget target;
    private final Process process;
    private final MemoryProbe probe;
    private final CompletableFuture<Void> serving = new CompletableFuture<>();
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final Thread hook;
    private final Thread logPump;
    private boolean closed;

    ChildRelay(RelayTarget target, Process process, Path log, MemoryProbe probe) {
        this.target = target;
        this.process = process;
        this.probe = probe;
        this.hook = new Thread(process::destroyForcibly, "tapsrelay-bench-kill-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        this.logPump = new Thread(() -> copyOutput(log), "tapsrelay-bench-log-" + process.pid());
        logPump.setDaemon(true);
        logPump.start();
    }

    /** Completes when the relay printed its serving line; fails if the process ended first. */
    CompletableFuture<Void> serving() {
        return serving;
    }

    /** The last lines the relay wrote. */
    String logTail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    @Override
    public RelayTarget target() {
        return target;
    }

    @Override
    public MemorySample memory() {
        return process.isAlive() ? probe.sample(process.pid()) : MemorySample.unavailable();
    }

    @Override
    public OptionalLong cpuNanos() {
        return process.info().totalCpuDuration().map(d -> OptionalLong.of(d.toNanos())).orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.destroy();
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            logPump.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs and kills nothing that is still alive.
        }
    }

    private void copyOutput(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                remember(line);
                if (line.contains(" serving ")) {
                    serving.complete(null);
                }
            }
        } catch (IOException e) {
            remember("(reading the relay's output failed: " + e.getMessage() + ")");
        }
        // The output ends when the process does; exitValue may lag a moment, onExit does not.
        process.onExit().thenAccept(p -> serving.completeExceptionally(new BenchFailure("relay " + target.serverId()
                + " exited with status " + p.exitValue() + " before it served")));
    }

    private void remember(String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }
}
