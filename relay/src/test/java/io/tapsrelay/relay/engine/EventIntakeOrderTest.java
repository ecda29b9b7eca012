package io.tapsrelay.relay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Base64s;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.store.RocksEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The §3 order of EVENT checks holds whether or not intake probed the event-id index before the
 * signature check: new events above an origin's committed sequences skip that early probe, so these
 * tests send such events with a stored event's id and check the conflict still comes first.
 */
class EventIntakeOrderTest {
    private static final String GROUP = "g!order";
    private static final String ORIGIN = "origin.example";
    private static final String KEY_ID = "ed25519:k1";
    private static final Ed25519Keys.KeyPair KEY = Ed25519Keys.generate(new SecureRandom());

    @TempDir
    Path dir;
    private RocksEventStore store;
    private ExecutorService verifiers;
    private EventIntake intake;

    @BeforeEach
    void open() {
        store = RocksEventStore.open(dir, false);
        verifiers = Executors.newFixedThreadPool(2);
        Optional<Ed25519Keys.PublicKey> key = Ed25519Keys.publicKey(KEY.publicKey());
        intake = new EventIntake(store, (server, keyId) -> CompletableFuture.completedFuture(
                ORIGIN.equals(server) && KEY_ID.equals(keyId) ? key : Optional.empty()), verifiers, 2);
    }

    @AfterEach
    void close() throws InterruptedException {
        verifiers.shutdown();
        verifiers.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aNewEventAboveTheCommittedSequencesIsVerifiedAndStored() {
        IntakeResult result = offer(signed(Ulids.next(), 1, "first", KEY_ID));
        assertInstanceOf(IntakeResult.Stored.class, result);
        assertEquals(1, store.originState(GROUP, ORIGIN).maxSeq());
    }

    @Test
    void aStoredEventOfferedAgainIsADuplicateEvenWithABrokenSignature() {
        EventRecord first = signed(Ulids.next(), 1, "first", KEY_ID);
        offer(first);
        // The duplicate check comes before the signature check: a duplicate is never verified twice.
        EventRecord broken = withSignature(first, zeroSignature());
        assertInstanceOf(IntakeResult.Duplicate.class, offer(broken));
    }

    @Test
    void aStoredEventIdInAFreshSlotWithAValidSignatureIsAnEventIdConflict() {
        String id = Ulids.next();
        offer(signed(id, 1, "first", KEY_ID));
        IntakeResult result = offer(signed(id, 2, "other", KEY_ID));
        assertRejected(ErrorCode.INVALID_EVENT, "already stored with other values", result);
        assertEquals(1, store.originState(GROUP, ORIGIN).count());
    }

    @Test
    void aStoredEventIdInAFreshSlotWithABadSignatureIsAnEventIdConflictNotInvalidSignature() {
        String id = Ulids.next();
        offer(signed(id, 1, "first", KEY_ID));
        IntakeResult result = offer(withSignature(signed(id, 2, "other", KEY_ID), zeroSignature()));
        assertRejected(ErrorCode.INVALID_EVENT, "already stored with other values", result);
    }

    @Test
    void aStoredEventIdInAFreshSlotUnderAnUnknownKeyIsAnEventIdConflictNotUnknownOriginKey() {
        String id = Ulids.next();
        offer(signed(id, 1, "first", KEY_ID));
        IntakeResult result = offer(signed(id, 2, "other", "ed25519:unknown"));
        assertRejected(ErrorCode.INVALID_EVENT, "already stored with other values", result);
    }

    @Test
    void aFreshEventWithABadSignatureIsInvalidSignatureAndNothingIsStored() {
        IntakeResult result = offer(withSignature(signed(Ulids.next(), 1, "first", KEY_ID), zeroSignature()));
        assertRejected(ErrorCode.INVALID_SIGNATURE, "does not verify", result);
        assertEquals(0, store.originState(GROUP, ORIGIN).count());
    }

    @Test
    void anEventBelowTheCommittedSequencesIsStillCheckedAgainstTheIndex() {
        String id = Ulids.next();
        offer(signed(Ulids.next(), 1, "one", KEY_ID));
        offer(signed(id, 3, "three", KEY_ID));
        // Sequence 2 is a gap below the highest committed sequence: probed before the signature.
        IntakeResult conflict = offer(withSignature(signed(id, 2, "two", KEY_ID), zeroSignature()));
        assertRejected(ErrorCode.INVALID_EVENT, "already stored with other values", conflict);
        assertInstanceOf(IntakeResult.Stored.class, offer(signed(Ulids.next(), 2, "two", KEY_ID)));
    }

    private IntakeResult offer(EventRecord record) {
        List<IntakeResult> results = intake.accept(GROUP, List.of(new OfferedEvent(Ulids.next(), GROUP, record)), "peer.example")
                .orTimeout(10, TimeUnit.SECONDS).join();
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static void assertRejected(ErrorCode code, String messagePart, IntakeResult result) {
        IntakeResult.Rejected rejected = assertInstanceOf(IntakeResult.Rejected.class, result);
        assertEquals(code, rejected.code());
        if (!rejected.message().contains(messagePart)) {
            throw new AssertionError("message \"" + rejected.message() + "\" lacks \"" + messagePart + "\"");
        }
    }

    private static EventRecord signed(String eventId, long seq, String text, String keyId) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String hash = ContentHash.of(content);
        long ts = 1_700_000_000_000L + seq;
        String signature = EventSigning.sign(KEY,
                EventSigning.signingInput(GROUP, eventId, ORIGIN, seq, ts, null, hash));
        return EventRecord.create(eventId, ORIGIN, seq, ts, null, Base64s.encode(content), hash, keyId, signature);
    }

    private static EventRecord withSignature(EventRecord r, String signature) {
        return EventRecord.create(r.eventId(), r.originServer(), r.originSeq(), r.originTs(), r.sender(), r.content(),
                r.contentHash(), r.keyId(), signature);
    }

    private static String zeroSignature() {
        return Base64s.encode(new byte[Ed25519Keys.SIGNATURE_LENGTH]);
    }
}
