package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * This relay's Ed25519 signing keys (PROTOCOL.md §4, §6): the current key, kept as a PKCS#8 PEM
 * file that is stable across restarts, and the retired keys that still verify until their
 * {@code expired_ts}.
 *
 * <p>Files, all in the PEM's directory and written atomically with mode 0600:
 *
 * <ul>
 *   <li>{@code <pem>}: the current secret key. Created on first boot; an operator may also put a
 *       key there made by {@code tapsrelay keys generate} or {@code openssl genpkey -algorithm
 *       ed25519}.
 *   <li>{@code <pem>.history.json}: when the current key was created and the retired public keys.
 *       Retired secrets are not kept: a retired key only ever verifies.
 * </ul>
 *
 * <p>When the PEM holds another key than the history recorded (an operator replaced it, or a crash
 * fell between the two writes of {@link #rotate()}), the recorded key is retired as if rotated at
 * load time, so peers can still verify what it signed.
 *
 * <p>Thread-safe: readers see one consistent snapshot; {@link #rotate()} is serialised.
 */
public final class SigningKeys {
    private static final String KEY_ID_PREFIX = "ed25519:";
    private static final int KEY_ID_HEX_CHARS = 12;

    private final Path pemPath;
    private final Path historyPath;
    private final Clock clock;
    private final Duration rotationInterval;
    private volatile State state;

    /** One consistent view: the current key and the retired keys, oldest first. */
    private record State(SigningKey current, long createdTs, List<RetiredKey> retired) {}

    private SigningKeys(Path pemPath, Clock clock, Duration rotationInterval, State state) {
        this.pemPath = pemPath;
        this.historyPath = KeyHistory.pathFor(pemPath);
        this.clock = clock;
        this.rotationInterval = rotationInterval;
        this.state = state;
    }

    /**
     * Loads the key at {@code pemPath}, or on first boot generates one and writes it there.
     *
     * @param pemPath the PEM file; its directory is created when missing
     * @param clock source of creation and expiry times
     * @param rotationInterval how long a key is current, and how long a retired key still verifies
     * @throws IOException when the files cannot be read or written, or hold something other than an
     *     Ed25519 key and its history (the message names the file and what is wrong)
     */
    public static SigningKeys loadOrCreate(Path pemPath, Clock clock, Duration rotationInterval) throws IOException {
        Objects.requireNonNull(clock, "clock");
        if (rotationInterval == null || rotationInterval.isNegative() || rotationInterval.isZero()) {
            throw new IllegalArgumentException("rotation interval must be positive, got " + rotationInterval);
        }
        long now = clock.millis();
        Ed25519Keys.KeyPair keyPair = readPemFile(pemPath);
        if (keyPair == null) {
            keyPair = Ed25519Keys.generate(new SecureRandom());
            AtomicFiles.writeOwnerOnly(pemPath, Ed25519Pem.write(keyPair).getBytes(StandardCharsets.US_ASCII));
        }
        Path historyPath = KeyHistory.pathFor(pemPath);
        KeyHistory history = KeyHistory.read(historyPath);
        String keyId = keyIdOf(keyPair.publicKey());
        long interval = rotationInterval.toMillis();

        List<RetiredKey> retired = new ArrayList<>(history.retired());
        long createdTs = now;
        boolean changed = true;
        Optional<KeyHistory.Current> recorded = history.current();
        if (recorded.isPresent() && recorded.get().keyId().equals(keyId)
                && Arrays.equals(recorded.get().publicKey(), keyPair.publicKey())) {
            createdTs = recorded.get().createdTs();
            changed = false;
        } else if (recorded.isPresent()) {
            retired.add(new RetiredKey(recorded.get().keyId(), recorded.get().publicKey(), now + interval));
        }
        // An operator may bring back a key that was retired: it is current again, not retired.
        changed |= retired.removeIf(r -> r.keyId().equals(keyId) || r.expiredAt(now));

        State state = new State(new SigningKey(keyId, keyPair, createdTs + interval), createdTs, retired);
        SigningKeys keys = new SigningKeys(pemPath, clock, rotationInterval, state);
        if (changed) {
            keys.writeHistory(state);
        }
        return keys;
    }

    private static Ed25519Keys.KeyPair readPemFile(Path pemPath) throws IOException {
        String text;
        try {
            text = Files.readString(pemPath, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return Ed25519Pem.read(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(pemPath + ": " + e.getMessage(), e);
        }
    }

    /** A new Ed25519 private key as PKCS#8 PEM text, for {@code tapsrelay keys generate}. */
    public static String generatePem() {
        return Ed25519Pem.write(Ed25519Keys.generate(new SecureRandom()));
    }

    /**
     * The key pair in PEM text holding an unencrypted PKCS#8 {@code PRIVATE KEY}.
     *
     * @throws IllegalArgumentException when the text holds no such block, or a key of another kind
     *     (the message names it, e.g. "not an Ed25519 key: PKCS#8 algorithm RSA (1.2.840.113549.1.1.1)")
     */
    public static Ed25519Keys.KeyPair readPem(String pemText) {
        return Ed25519Pem.read(Objects.requireNonNull(pemText, "pemText"));
    }

    /** {@code ed25519:} and the first 12 lower-case hex digits of SHA-256 of the raw public key. */
    public static String keyIdOf(byte[] publicKey) {
        if (publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key needs 32 bytes, got " + publicKey.length);
        }
        return KEY_ID_PREFIX + Sha256.digest(publicKey).hex().substring(0, KEY_ID_HEX_CHARS);
    }

    /** The key to sign with now. */
    public SigningKey current() {
        return state.current();
    }

    /** Retired keys that still verify at the clock's current time, oldest first. */
    public List<RetiredKey> retired() {
        long now = clock.millis();
        return state.retired().stream().filter(r -> !r.expiredAt(now)).toList();
    }

    /** True once the current key has been current for the whole rotation interval. */
    public boolean dueForRotation() {
        return clock.millis() >= state.current().validUntilMillis();
    }

    /**
     * The raw public key that verifies signatures made under {@code keyId} by this relay: the
     * current key, or a retired key before its expiry. For checking events this relay signed when
     * they come back from peers.
     */
    public Optional<byte[]> publicKeyFor(String keyId) {
        State s = state;
        if (s.current().keyId().equals(keyId)) {
            return Optional.of(s.current().publicKey());
        }
        long now = clock.millis();
        return s.retired().stream()
                .filter(r -> r.keyId().equals(keyId) && !r.expiredAt(now))
                .map(RetiredKey::publicKey)
                .findFirst();
    }

    /**
     * Makes a new current key, durably, and retires the old one: it stays valid for verification
     * for one more rotation interval. Expired retired keys are dropped.
     *
     * <p>The PEM is replaced first and the history second; a crash between the two is repaired by
     * the next {@link #loadOrCreate}.
     *
     * @return the new current key
     */
    public synchronized SigningKey rotate() throws IOException {
        State old = state;
        long now = clock.millis();
        long interval = rotationInterval.toMillis();
        Ed25519Keys.KeyPair keyPair = Ed25519Keys.generate(new SecureRandom());
        AtomicFiles.writeOwnerOnly(pemPath, Ed25519Pem.write(keyPair).getBytes(StandardCharsets.US_ASCII));

        List<RetiredKey> retired = new ArrayList<>();
        for (RetiredKey r : old.retired()) {
            if (!r.expiredAt(now)) {
                retired.add(r);
            }
        }
        retired.add(new RetiredKey(old.current().keyId(), old.current().publicKey(), now + interval));
        State next = new State(new SigningKey(keyIdOf(keyPair.publicKey()), keyPair, now + interval), now, retired);
        // The PEM on disk is the new key now, so this process must sign with it even if the
        // history write below fails.
        state = next;
        writeHistory(next);
        return next.current();
    }

    private void writeHistory(State s) throws IOException {
        KeyHistory.Current current =
                new KeyHistory.Current(s.current().keyId(), s.current().publicKey(), s.createdTs());
        new KeyHistory(Optional.of(current), s.retired()).write(historyPath);
    }

    @Override
    public String toString() {
        return "SigningKeys[" + pemPath + ", current=" + state.current().keyId() + "]";
    }
}
