package io.tapsrelay.relay.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rotates this relay's signing key (PROTOCOL.md §6): on the configured interval, checked by a timer,
 * and on an operator's demand. Everything that signs asks {@link SigningKeys#current()} each time,
 * so the new key signs from the moment a rotation returns; the old one is published under
 * {@code old_keys} until its {@code expired_ts}.
 *
 * <p>Thread-safe: the timer and the admin route never rotate twice for one due key.
 */
public final class KeyRotation implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());
    private static final long MIN_CHECK_MILLIS = 100;
    private static final long MAX_CHECK_MILLIS = 60_000;

    private final SigningKeys keys;
    private ScheduledFuture<?> timer;

    /**
     * What one rotation did.
     *
     * @param keyId the new current key
     * @param validUntil unix ms at which the new key is due for rotation
     * @param oldKeyId the key it replaced
     * @param oldExpiredTs unix ms from which the old key no longer verifies
     */
    public record Rotated(String keyId, long validUntil, String oldKeyId, long oldExpiredTs) {
        public Rotated {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(oldKeyId, "oldKeyId");
        }
    }

    public KeyRotation(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Checks {@link SigningKeys#dueForRotation()} on {@code timer} every tenth of the interval
     * (between 100 ms and one minute), so a key is replaced within that much of falling due.
     */
    public synchronized void start(ScheduledExecutorService timer, Duration rotationInterval) {
        if (this.timer != null) {
            throw new IllegalStateException("already started");
        }
        long period = Math.max(MIN_CHECK_MILLIS, Math.min(MAX_CHECK_MILLIS, rotationInterval.toMillis() / 10));
        this.timer = timer.scheduleWithFixedDelay(this::rotateIfDue, period, period, TimeUnit.MILLISECONDS);
    }

    /** Rotates now, whatever the age of the current key. */
    public synchronized Rotated rotate() throws IOException {
        SigningKey old = keys.current();
        SigningKey next = keys.rotate();
        long oldExpiredTs = keys.retired().stream()
                .filter(r -> r.keyId().equals(old.keyId()))
                .mapToLong(RetiredKey::expiredTs)
                .findFirst()
                // rotate() retires the old key at the instant the new one becomes due; retired() hides it
                // only when an interval shorter than this call has already passed.
                .orElse(next.validUntilMillis());
        Rotated done = new Rotated(next.keyId(), next.validUntilMillis(), old.keyId(), oldExpiredTs);
        LOG.info(() -> "event=signing-key-rotated key_id=" + done.keyId() + " old_key_id=" + done.oldKeyId()
                + " old_expired_ts=" + done.oldExpiredTs());
        return done;
    }

    /** Rotates when the current key is due; a failure is logged and tried again at the next check. */
    void rotateIfDue() {
        synchronized (this) {
            if (!keys.dueForRotation()) {
                return;
            }
            try {
                rotate();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "event=signing-key-rotation-failed error=\"" + e.getMessage() + "\"", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
