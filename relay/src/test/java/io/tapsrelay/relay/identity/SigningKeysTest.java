package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    private static final Duration INTERVAL = Duration.ofDays(30);
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);

    private static Ed25519Keys.KeyPair seeded(long seed) {
        byte[] secret = new byte[32];
        new Random(seed).nextBytes(secret);
        return Ed25519Keys.fromSecret(secret);
    }

    @Test
    void pemWrittenAndReadBackGivesTheSameKeyId() {
        Ed25519Keys.KeyPair original = seeded(1);
        String pem = Ed25519Pem.write(original);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), pem);
        Ed25519Keys.KeyPair back = SigningKeys.readPem(pem);
        assertEquals(original, back);
        assertEquals(SigningKeys.keyIdOf(original.publicKey()), SigningKeys.keyIdOf(back.publicKey()));
    }

    @Test
    void generatedPemIsANewReadableKeyEachTime() {
        Ed25519Keys.KeyPair a = SigningKeys.readPem(SigningKeys.generatePem());
        Ed25519Keys.KeyPair b = SigningKeys.readPem(SigningKeys.generatePem());
        assertFalse(java.util.Arrays.equals(a.publicKey(), b.publicKey()));
    }

    @Test
    void keyIdIsEd25519AndTwelveHexDigitsOfThePublicKeyHash() {
        byte[] pub = seeded(2).publicKey();
        String id = SigningKeys.keyIdOf(pub);
        assertEquals("ed25519:" + Sha256.digest(pub).hex().substring(0, 12), id);
        assertTrue(io.tapsrelay.frames.validate.Ids.isKeyId(id));
    }

    @Test
    void pemIsStandardPkcs8ThatTheJdkSignsWithInterchangeably() throws Exception {
        Ed25519Keys.KeyPair keyPair = seeded(3);
        String pem = Ed25519Pem.write(keyPair);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(jdkKey);
        byte[] message = "taps".getBytes(StandardCharsets.UTF_8);
        jdk.update(message);
        // Ed25519 is deterministic: the same key signs the same message identically everywhere.
        assertArrayEquals(keyPair.sign(message), jdk.sign());
    }

    @Test
    void readPemAcceptsAKeyTheJdkGenerated() throws Exception {
        java.security.KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Ed25519Keys.KeyPair ours = SigningKeys.readPem(pem(jdk.getPrivate().getEncoded()));
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(jdk.getPublic());
        verify.update(message);
        assertTrue(verify.verify(ours.sign(message)));
    }

    @Test
    void readPemRejectsAnRsaKeyNamingTheAlgorithm() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.readPem(pem(rsa.generateKeyPair().getPrivate().getEncoded())));
        assertTrue(e.getMessage().startsWith("not an Ed25519 key: PKCS#8 algorithm RSA"), e.getMessage());
    }

    @Test
    void readPemRejectsAnEcKeyAndTextWithoutAKey() throws Exception {
        IllegalArgumentException ec = assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.readPem(pem(KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded())));
        assertTrue(ec.getMessage().contains("algorithm EC"), ec.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> SigningKeys.readPem("hello"));
        assertTrue(none.getMessage().startsWith("no PEM block found"), none.getMessage());
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void keyIsStableAcrossRestarts() throws IOException {
        Path pem = dir.resolve("data/signing-key.pem");
        SigningKeys first = SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        clock.advance(Duration.ofDays(1));
        SigningKeys second = SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        assertEquals(first.current().keyId(), second.current().keyId());
        assertEquals(first.current().keyPair(), second.current().keyPair());
        // Validity counts from creation, not from the latest boot.
        assertEquals(T0 + INTERVAL.toMillis(), second.current().validUntilMillis());
    }

    @Test
    void keyFilesAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path pem = dir.resolve("signing-key.pem");
        SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pem)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(KeyHistory.pathFor(pem))));
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        Path pem = dir.resolve("signing-key.pem");
        SigningKeys.loadOrCreate(pem, clock, INTERVAL).rotate();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("signing-key.pem", "signing-key.pem.history.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void keyIsDueForRotationOnceItsIntervalHasPassed() throws IOException {
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        clock.advance(INTERVAL.minusMillis(1));
        assertFalse(keys.dueForRotation());
        clock.advance(Duration.ofMillis(1));
        assertTrue(keys.dueForRotation());
    }

    @Test
    void rotationKeepsTheOldKeyListedUntilItExpires() throws IOException {
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, INTERVAL);
        SigningKey old = keys.current();
        clock.advance(INTERVAL);
        long rotatedAt = clock.millis();
        SigningKey fresh = keys.rotate();

        assertNotEquals(old.keyId(), fresh.keyId());
        assertEquals(fresh, keys.current());
        assertEquals(rotatedAt + INTERVAL.toMillis(), fresh.validUntilMillis());
        assertFalse(keys.dueForRotation());
        assertEquals(List.of(new RetiredKey(old.keyId(), old.publicKey(), rotatedAt + INTERVAL.toMillis())), keys.retired());
        assertArrayEquals(old.publicKey(), keys.publicKeyFor(old.keyId()).orElseThrow());

        clock.advance(INTERVAL.minusMillis(1));
        assertEquals(1, keys.retired().size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(), keys.retired());
        assertTrue(keys.publicKeyFor(old.keyId()).isEmpty());
    }

    @Test
    void rotationSurvivesARestart() throws IOException {
        Path pem = dir.resolve("k.pem");
        SigningKeys keys = SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        SigningKey old = keys.current();
        clock.advance(Duration.ofDays(3));
        SigningKey fresh = keys.rotate();

        clock.advance(Duration.ofDays(1));
        SigningKeys reloaded = SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        assertEquals(fresh, reloaded.current());
        assertEquals(keys.retired(), reloaded.retired());
        assertEquals(old.keyId(), reloaded.retired().get(0).keyId());
    }

    @Test
    void aPemReplacedByTheOperatorRetiresThePreviousKey() throws IOException {
        Path pem = dir.resolve("k.pem");
        SigningKey before = SigningKeys.loadOrCreate(pem, clock, INTERVAL).current();
        Ed25519Keys.KeyPair replacement = seeded(4);
        Files.writeString(pem, Ed25519Pem.write(replacement));
        clock.advance(Duration.ofHours(1));

        SigningKeys keys = SigningKeys.loadOrCreate(pem, clock, INTERVAL);
        assertEquals(replacement, keys.current().keyPair());
        assertEquals(clock.millis() + INTERVAL.toMillis(), keys.current().validUntilMillis());
        assertEquals(List.of(new RetiredKey(before.keyId(), before.publicKey(), clock.millis() + INTERVAL.toMillis())),
                keys.retired());
    }

    @Test
    void aPemFileHoldingAnotherKindOfKeyFailsLoadingWithTheFileName() throws Exception {
        Path pem = dir.resolve("k.pem");
        Files.writeString(pem, pem(KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded()));
        IOException e = assertThrows(IOException.class, () -> SigningKeys.loadOrCreate(pem, clock, INTERVAL));
        assertTrue(e.getMessage().startsWith(pem + ": not an Ed25519 key"), e.getMessage());
    }

    @Test
    void aCorruptHistoryFailsLoadingInsteadOfForgettingRetiredKeys() throws IOException {
        Path pem = dir.resolve("k.pem");
        SigningKeys.loadOrCreate(pem, clock, INTERVAL).rotate();
        Files.writeString(KeyHistory.pathFor(pem), "{\"version\":1,\"retired\":[{\"key_id\":\"nope\"}]}");
        IOException e = assertThrows(IOException.class, () -> SigningKeys.loadOrCreate(pem, clock, INTERVAL));
        assertTrue(e.getMessage().contains("not a valid signing key history"), e.getMessage());
    }

    @Test
    void rotationIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> SigningKeys.loadOrCreate(dir.resolve("k.pem"), clock, Duration.ZERO));
    }
}
