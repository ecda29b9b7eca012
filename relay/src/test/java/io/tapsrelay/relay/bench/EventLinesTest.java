package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ids;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventLinesTest {
    private static final String GROUP = "g!lines";
    private static final int EVENTS = 120;

    private static EventCorpus corpus;

    @BeforeAll
    static void sign() throws Exception {
        corpus = EventCorpus.sign(PeerIdentity.create("lines.bench"), GROUP, EVENTS, 48, 7);
    }

    @Test
    void lineIIsTheEventFrameOfEventIForSequenceIPlusTwo() {
        EventLines lines = corpus.lines();
        for (int i = 0; i < EVENTS; i++) {
            byte[] line = lines.line(i);
            assertEquals('\n', line[line.length - 1]);
            Frame f = decode(line);
            assertEquals(FrameType.EVENT, f.knownType());
            assertEquals(i + 2L, f.sequence(), "a HELLO takes sequence 1");
            assertEquals(EventLines.sequenceOf(i), f.sequence());
            assertEquals("lines.bench", f.origin());
            assertEquals(GROUP, f.groupId());
            assertTrue(Ids.isUlid(f.id()) && Timestamps.isValid(f.timestamp()), f.toString());
            byte[] record = ((EventRecord) f.payload()).raw();
            assertArrayEquals(record, lines.record(i), "the record is cut out of its line exactly");
            assertEquals(i + 1L, EventRecord.parse(record).originSeq());
        }
    }

    @Test
    void aRefreshGivesEveryLineAFreshIdAndTheTimeAndLeavesTheRestAsItWas() {
        EventLines lines = corpus.lines();
        List<Frame> before = frames(lines);
        lines.refresh();
        List<Frame> after = frames(lines);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < EVENTS; i++) {
            Frame b = before.get(i);
            Frame a = after.get(i);
            assertNotEquals(b.id(), a.id());
            assertTrue(Ids.isUlid(a.id()) && Timestamps.isValid(a.timestamp()), a.toString());
            assertTrue(a.timestamp().compareTo(b.timestamp()) >= 0, "not older than before");
            assertEquals(List.of(b.type(), b.origin(), b.sequence(), b.groupId()),
                    List.of(a.type(), a.origin(), a.sequence(), a.groupId()));
            assertArrayEquals(((EventRecord) b.payload()).raw(), ((EventRecord) a.payload()).raw());
            ids.add(b.id());
            ids.add(a.id());
        }
        assertEquals(2 * EVENTS, ids.size(), "no frame id is ever used twice");
    }

    @Test
    void aHeadSharesTheFirstLines() {
        EventCorpus head = corpus.head(10);
        assertEquals(10, head.count());
        assertSame(corpus.lines().line(9), head.lines().line(9));
        assertSame(corpus, corpus.head(EVENTS));
    }

    @Test
    void theLongestLineOfACorpusLeavesRoomForAnySequence() {
        int longest = 0;
        for (int i = 0; i < EVENTS; i++) {
            longest = Math.max(longest, corpus.lines().line(i).length);
        }
        assertEquals(longest, corpus.lines().maxLength());
        assertTrue(corpus.maxLineBytes() > longest, "sequences past 121 take more digits");
    }

    private static List<Frame> frames(EventLines lines) {
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < lines.count(); i++) {
            out.add(decode(lines.line(i)));
        }
        return out;
    }

    private static Frame decode(byte[] line) {
        List<Frame> out = new ArrayList<>();
        NdjsonDecoder decoder = new NdjsonDecoder(1 << 16, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                out.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                throw new AssertionError("undecodable line: " + error);
            }
        });
        decoder.feed(ByteBuffer.wrap(line));
        assertEquals(1, out.size());
        return out.get(0);
    }
}
