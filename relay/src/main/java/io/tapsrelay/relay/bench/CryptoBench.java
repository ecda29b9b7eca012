package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Ulids;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code crypto}: BouncyCastle Ed25519 verifications per second over §3 signing inputs of events
 * with {@code size}-byte content, on one thread and then on one thread per core — the ceiling an
 * ingesting relay can approach, since it verifies every new event once.
 */
final class CryptoBench {
    private static final int INPUTS = 1024;

    private final Duration warmUp;
    private final Duration measure;

    CryptoBench(Duration warmUp, Duration measure) {
        this.warmUp = warmUp;
        this.measure = measure;
    }

    CryptoResult run(int size, Deadline deadline) throws BenchFailure {
        Ed25519Keys.KeyPair pair = Ed25519Keys.generate(new SecureRandom());
        Ed25519Keys.PublicKey key = Ed25519Keys.publicKey(pair.publicKey()).orElseThrow();
        byte[][] inputs = new byte[INPUTS][];
        byte[][] signatures = new byte[INPUTS][];
        SplittableRandom random = new SplittableRandom(size);
        for (int i = 0; i < INPUTS; i++) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            inputs[i] = EventSigning.signingInput("g!crypto", Ulids.next(), "origin.bench", i + 1L,
                    System.currentTimeMillis(), null, ContentHash.of(content));
            signatures[i] = pair.sign(inputs[i]);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double one = rate(1, key, inputs, signatures, deadline);
        double all = rate(cores, key, inputs, signatures, deadline);
        return new CryptoResult(size, cores, one, all);
    }

    /** Verifications per second of {@code threads} threads verifying at once, after a warm-up. */
    private double rate(int threads, Ed25519Keys.PublicKey key, byte[][] inputs, byte[][] signatures, Deadline deadline)
            throws BenchFailure {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Double>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * (INPUTS / threads);
                parts.add(CompletableFuture.supplyAsync(() -> verifyFor(key, inputs, signatures, offset), pool));
            }
            deadline.await(Deadline.all(parts), "crypto: " + threads + " verifying thread(s)");
            return parts.stream().mapToDouble(CompletableFuture::join).sum();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread's verifications per second; each result is checked, so none can be optimised away. */
    private double verifyFor(Ed25519Keys.PublicKey key, byte[][] inputs, byte[][] signatures, int offset) {
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        int i = offset;
        while (System.nanoTime() < warmEnd) {
            check(key.verify(inputs[i % INPUTS], signatures[i % INPUTS]));
            i++;
        }
        long start = System.nanoTime();
        long end = start + measure.toNanos();
        long count = 0;
        long now = start;
        while (now < end) {
            check(key.verify(inputs[i % INPUTS], signatures[i % INPUTS]));
            i++;
            count++;
            now = System.nanoTime();
        }
        return count / ((now - start) / 1e9);
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("a valid signature failed to verify");
        }
    }
}
