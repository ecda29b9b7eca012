package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The EVENT frame lines of one corpus, encoded by {@link FrameEncoder} before any clock starts, so
 * that a load peer only copies bytes while it is measured. Line {@code i} carries event {@code i}
 * with the frame sequence it most likely gets on a stream, {@code i + 2} (a peer's HELLO is 1); a
 * peer whose stream took a sequence for another frame (a PONG) encodes the rest afresh from
 * {@link #record(int)}. The lines are the only copy of the records, so they cost what the records
 * would plus the frame envelope, about 150 bytes an event.
 *
 * <p>Each frame id must be fresh (§3) although a corpus is sent again, so {@link #refresh()}
 * rewrites every line's {@code id} and {@code timestamp} in place before each send. Hence one peer
 * sends a corpus at a time; handing it to the peer's event loop publishes the refreshed bytes.
 */
final class EventLines {
    /** The frame sequence of line 0: the one after the peer's HELLO. */
    static final long FIRST_SEQUENCE = 2;
    /** {@code }\n}: how a line ends after its payload. */
    private static final int TAIL = 2;

    private final byte[][] lines;
    private final int idAt;
    private final int[] timestampAt;
    private final int[] payloadAt;
    private final int timestampLength;
    private final int count;

    private EventLines(byte[][] lines, int idAt, int[] timestampAt, int[] payloadAt, int timestampLength, int count) {
        this.lines = lines;
        this.idAt = idAt;
        this.timestampAt = timestampAt;
        this.payloadAt = payloadAt;
        this.timestampLength = timestampLength;
        this.count = count;
    }

    /**
     * Encodes {@code count} lines on every core, line {@code i} from {@code record.apply(i)}, which
     * is called once per index and may run on any thread.
     */
    static EventLines encode(String origin, String group, int count, IntFunction<byte[]> record) {
        byte[][] lines = new byte[count][];
        int[] idAt = new int[count];
        int[] timestampAt = new int[count];
        int[] payloadAt = new int[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            byte[] raw = record.apply(i);
            String id = Ulids.next();
            String ts = Timestamps.now();
            byte[] line = FrameEncoder.encode(Frame.of(FrameType.EVENT, id, origin, FIRST_SEQUENCE + i, group, ts,
                    new EventRecord(null, null, null, null, null, null, null, null, null, raw)));
            idAt[i] = find(line, id, 0);
            timestampAt[i] = find(line, ts, idAt[i] + id.length());
            payloadAt[i] = line.length - TAIL - raw.length;
            if (!Arrays.equals(line, payloadAt[i], line.length - TAIL, raw, 0, raw.length)) {
                throw new IllegalStateException("the frame encoder no longer ends an EVENT line with its record");
            }
            lines[i] = line;
        });
        for (int at : idAt) {
            if (at != idAt[0]) {
                throw new IllegalStateException("the frame encoder no longer writes the id at one offset");
            }
        }
        return new EventLines(lines, idAt[0], timestampAt, payloadAt, Timestamps.now().length(), count);
    }

    int count() {
        return count;
    }

    /** The first {@code n} lines, sharing these. */
    EventLines head(int n) {
        if (n < 1 || n > count) {
            throw new IllegalArgumentException("head of " + n + " lines of " + count);
        }
        return n == count ? this : new EventLines(lines, idAt, timestampAt, payloadAt, timestampLength, n);
    }

    /** Line {@code index}, line feed included, for frame sequence {@link #sequenceOf(int) sequenceOf(index)}; not a copy. */
    byte[] line(int index) {
        return lines[Objects.checkIndex(index, count)];
    }

    /** The frame sequence line {@code index} carries. */
    static long sequenceOf(int index) {
        return FIRST_SEQUENCE + index;
    }

    /** The event record line {@code index} carries, copied out of it. */
    byte[] record(int index) {
        byte[] line = line(index);
        return Arrays.copyOfRange(line, payloadAt[index], line.length - TAIL);
    }

    /** The longest line. */
    int maxLength() {
        int longest = 0;
        for (int i = 0; i < count; i++) {
            longest = Math.max(longest, lines[i].length);
        }
        return longest;
    }

    /**
     * Gives every line a fresh frame id and the current time as its timestamp, in place; the ids
     * are monotonic ULIDs, so no two frames this process writes share one. Not while a peer sends
     * these lines.
     */
    void refresh() {
        byte[] ts = Timestamps.now().getBytes(StandardCharsets.US_ASCII);
        if (ts.length != timestampLength) {
            // A millisecond RFC 3339 time has one length from year 1000 to 9999.
            throw new IllegalStateException("timestamp " + new String(ts, StandardCharsets.US_ASCII)
                    + " does not fit the " + timestampLength + " bytes the lines hold for it");
        }
        for (int i = 0; i < count; i++) {
            byte[] line = lines[i];
            byte[] id = Ulids.next().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(id, 0, line, idAt, Ulids.TEXT_LENGTH);
            System.arraycopy(ts, 0, line, timestampAt[i], ts.length);
        }
    }

    /** Where {@code text}'s ASCII bytes first occur in {@code line} from {@code from}. */
    private static int find(byte[] line, String text, int from) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= line.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the frame encoder no longer writes '" + text + "' verbatim");
    }
}
