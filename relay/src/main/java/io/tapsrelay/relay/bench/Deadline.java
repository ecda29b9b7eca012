package io.tapsrelay.relay.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The time one scenario run may take, shared by every wait in it, and the progress lines printed
 * while a long wait goes on. Every wait ends: with the awaited result, with the failure that
 * completed it, or with a {@link BenchFailure} naming what was awaited when the time ran out.
 */
final class Deadline {
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String scenario;
    private final Duration limit;
    private final long endNanos;
    private final Consumer<String> progress;

    /**
     * @param scenario names the run in failures, e.g. {@code ingest}
     * @param progress receives progress lines (stderr)
     */
    Deadline(String scenario, Duration limit, Consumer<String> progress) {
        this.scenario = scenario;
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
        this.progress = progress;
    }

    String scenario() {
        return scenario;
    }

    /** Waits for {@code future} without progress lines. */
    <T> T await(CompletableFuture<T> future, String what) throws BenchFailure {
        return await(future, what, null);
    }

    /**
     * Waits for {@code future}, printing {@code progressLine} every few seconds.
     *
     * @param what what is awaited, for the failure message: {@code every event acknowledged}
     * @param progressLine the current progress, e.g. {@code ingest: 40000/100000 events acked}; or null
     */
    <T> T await(CompletableFuture<T> future, String what, Supplier<String> progressLine) throws BenchFailure {
        while (true) {
            long left = endNanos - System.nanoTime();
            if (left <= 0) {
                throw new BenchFailure(scenario + ": gave up waiting for " + what + " after the run's limit of "
                        + limit.toSeconds() + " s" + (progressLine == null ? "" : " (" + progressLine.get() + ")"));
            }
            try {
                return future.get(Math.min(left, PROGRESS_EVERY_NANOS), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (progressLine != null) {
                    progress.accept(progressLine.get());
                }
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = unwrap(e);
                throw new BenchFailure(scenario + ": " + what + " failed: " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchFailure(scenario + ": interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Completes when every future completed normally, and fails as soon as any one fails (where
     * {@link CompletableFuture#allOf} would wait for the rest, which may never finish).
     */
    static CompletableFuture<Void> all(List<? extends CompletableFuture<?>> futures) {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        for (CompletableFuture<?> f : futures) {
            f.whenComplete((ok, error) -> {
                if (error != null) {
                    all.completeExceptionally(error);
                }
            });
        }
        return all;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof ExecutionException || x instanceof CompletionException) && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }

    /** Prints one progress line now. */
    void report(String line) {
        progress.accept(line);
    }
}
