package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.frames.validate.Ulids;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The events one load peer originates in one group, signed before any clock starts so the
 * generator's own signing is never measured: origin sequences 1…n, each with {@code size} bytes of
 * seeded random content. They are kept only as EVENT frame lines ready to send ({@link EventLines}),
 * about {@code 1.4 × size + 530} bytes an event.
 *
 * <p>Built once and sent again on other streams, one at a time: {@link #lines()} are refreshed in
 * place before each send.
 */
final class EventCorpus {
    /** A sequence number longer than any stream reaches, for sizing the longest line. */
    private static final long LONGEST_SEQUENCE = 99_999_999_999L;

    private final PeerIdentity origin;
    private final String group;
    private final EventLines lines;

    private EventCorpus(PeerIdentity origin, String group, EventLines lines) {
        this.origin = origin;
        this.group = group;
        this.lines = lines;
    }

    /**
     * Signs {@code count} events on every core.
     *
     * @param seed content of event {@code i} is drawn from {@code seed + i}, so a run can be repeated
     * @throws BenchFailure when this JVM's heap cannot hold them
     */
    static EventCorpus sign(PeerIdentity origin, String group, int count, int size, long seed) throws BenchFailure {
        if (!Ids.isGroupId(group) || count < 1 || size < 1) {
            throw new IllegalArgumentException("bad corpus: group=" + group + " count=" + count + " size=" + size);
        }
        EventLines first = EventLines.encode(origin.serverId(), group, 1, i -> signOne(origin, group, 1, size, seed));
        requireHeapFor(count, first.maxLength());
        EventLines lines = EventLines.encode(origin.serverId(), group, count,
                i -> signOne(origin, group, i + 1, size, seed + i));
        return new EventCorpus(origin, group, lines);
    }

    private static byte[] signOne(PeerIdentity origin, String group, long originSeq, int size, long seed) {
        byte[] content = new byte[size];
        new SplittableRandom(seed).nextBytes(content);
        String eventId = Ulids.next();
        String hash = ContentHash.of(content);
        long ts = System.currentTimeMillis();
        String signature = EventSigning.sign(origin.key().keyPair(),
                EventSigning.signingInput(group, eventId, origin.serverId(), originSeq, ts, null, hash));
        return EventRecord.create(eventId, origin.serverId(), originSeq, ts, null,
                Base64.getEncoder().encodeToString(content), hash, origin.key().keyId(), signature).raw();
    }

    // Failing before signing for a minute beats an OutOfMemoryError halfway through the run.
    private static void requireHeapFor(int count, int lineBytes) throws BenchFailure {
        Runtime rt = Runtime.getRuntime();
        long needed = (long) count * (lineBytes + 32L);
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > available * 0.8) {
            throw new BenchFailure("signing " + count + " events of " + lineBytes + " bytes needs about "
                    + needed / (1 << 20) + " MiB of heap but this JVM has " + available / (1 << 20)
                    + " MiB free: give it more (JAVA_TOOL_OPTIONS=-Xmx…) or pass fewer --events");
        }
    }

    PeerIdentity origin() {
        return origin;
    }

    String group() {
        return group;
    }

    int count() {
        return lines.count();
    }

    /** The first {@code n} events (origin sequences 1…n), sharing this corpus's lines. */
    EventCorpus head(int n) {
        return n == count() ? this : new EventCorpus(origin, group, lines.head(n));
    }

    /** The events as EVENT frame lines of this corpus's origin, in its group. */
    EventLines lines() {
        return lines;
    }

    /** Event {@code index} (origin sequence {@code index + 1}) as an EVENT payload carrying its JSON verbatim. */
    EventRecord event(int index) {
        // Only the raw JSON matters on the wire: the encoder writes it verbatim, as the relay does when it forwards.
        return new EventRecord(null, null, null, null, null, null, null, null, null, lines.record(index));
    }

    /** The longest EVENT frame line, line feed included, that any event of this corpus can take on a stream. */
    int maxLineBytes() {
        int longest = 0;
        for (int i = 0; i < count(); i++) {
            if (lines.line(i).length > lines.line(longest).length) {
                longest = i;
            }
        }
        return FrameEncoder.encode(Frame.of(FrameType.EVENT, Ulids.next(), origin.serverId(), LONGEST_SEQUENCE, group,
                Timestamps.now(), event(longest))).length;
    }
}
