package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationTest {
    private static final Duration INTERVAL = Duration.ofDays(30);

    @TempDir
    Path dir;

    @Test
    void aRotationAnswersTheNewKeyAndTheOldOneWithItsExpiry() throws Exception {
        TestClock clock = new TestClock(1_800_000_000_000L);
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        String old = keys.current().keyId();
        clock.advance(Duration.ofDays(1));

        KeyRotation.Rotated r = new KeyRotation(keys).rotate();

        assertEquals(keys.current().keyId(), r.keyId());
        assertNotEquals(old, r.keyId());
        assertEquals(old, r.oldKeyId());
        assertEquals(clock.millis() + INTERVAL.toMillis(), r.oldExpiredTs());
        assertEquals(clock.millis() + INTERVAL.toMillis(), r.validUntil());
        assertTrue(keys.publicKeyFor(old).isPresent(), "the old key still verifies");
    }

    @Test
    void theTimerCheckRotatesOnlyAKeyThatIsDue() throws Exception {
        TestClock clock = new TestClock(1_800_000_000_000L);
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        KeyRotation rotation = new KeyRotation(keys);
        String first = keys.current().keyId();

        clock.advance(INTERVAL.minusSeconds(1));
        rotation.rotateIfDue();
        assertEquals(first, keys.current().keyId(), "not due yet");

        clock.advance(Duration.ofSeconds(1));
        rotation.rotateIfDue();
        String second = keys.current().keyId();
        assertNotEquals(first, second, "due at valid_until");

        rotation.rotateIfDue();
        assertEquals(second, keys.current().keyId(), "the new key is not due");
    }
}
