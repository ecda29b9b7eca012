package io.tapsrelay.frames.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import io.tapsrelay.frames.crypto.Ed25519Keys;
import io.tapsrelay.frames.crypto.EventSigning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every conformance case through decoder and validator; see {@code conformance/README.md}. */
class ConformanceFixturesTest {
    /** Override with {@code -Dconformance.seed=…} to explore other splits. */
    private static final long SEED = Long.getLong("conformance.seed", 20261122L);
    private static final Ed25519Keys.PublicKey FIXTURE_KEY = Ed25519Keys.publicKey(
            HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")).orElseThrow();

    /** Collects the outcomes of a stream of lines. */
    private static final class Collector implements FrameSink {
        final List<Outcome> outcomes = new ArrayList<>();
        private final String pathGroup;

        Collector(String pathGroup) {
            this.pathGroup = pathGroup;
        }

        @Override
        public void onFrame(Frame frame, int wireBytes) {
            outcomes.add(Outcome.of(frame, wireBytes, pathGroup));
        }

        @Override
        public void onError(DecodeError error) {
            outcomes.add(Outcome.rejected(error));
        }
    }

    private static Outcome decodeWhole(FixtureCase c) {
        Collector collector = new Collector(c.pathGroup());
        NdjsonDecoder decoder = new NdjsonDecoder(c.maxMessageSize(), collector);
        decoder.feed(ByteBuffer.wrap(c.wire()));
        decoder.finish();
        assertEquals(1, collector.outcomes.size(), c + " gave " + collector.outcomes.size() + " outcomes");
        return collector.outcomes.get(0);
    }

    /** Feeds {@code bytes} in random pieces: heap, heap slices with an offset, and direct buffers. */
    private static void feedSplit(NdjsonDecoder decoder, byte[] bytes, Random random) {
        int at = 0;
        while (at < bytes.length) {
            int size = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 8 : 300));
            ByteBuffer piece;
            switch (random.nextInt(3)) {
                case 0:
                    piece = ByteBuffer.wrap(bytes, at, size);
                    break;
                case 1:
                    byte[] padded = new byte[size + 10];
                    System.arraycopy(bytes, at, padded, 5, size);
                    piece = ByteBuffer.wrap(padded, 5, size).slice();
                    break;
                default:
                    piece = ByteBuffer.allocateDirect(size).put(bytes, at, size).flip();
            }
            decoder.feed(piece);
            at += size;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasItsExpectedOutcome() throws IOException {
        return FixtureCase.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, decodeWhole(c))));
    }

    private static void check(FixtureCase c, Outcome actual) {
        JsonNode expect = c.expect();
        String context = c + " -> " + actual.describe();
        if (expect.has("frame")) {
            assertNull(actual.code(), context);
            assertEquals(expect.get("frame").asText(), actual.frame().type(), context);
        } else {
            assertEquals(expect.get("error").asText(), actual.code() == null ? null : actual.code().wireName(), context);
            assertEquals(expect.get("fatal").asBoolean(), actual.fatal(), context);
        }
        if (expect.has("ref")) {
            assertEquals(expect.get("ref").isNull() ? null : expect.get("ref").asText(), actual.ref(), context);
        }
        if (c.whole().has("wire_bytes")) {
            assertEquals(c.whole().get("wire_bytes").asInt(), actual.wireBytes(), context);
        }
        if (expect.has("raw")) {
            EventRecord event = (EventRecord) actual.frame().payload();
            assertArrayEquals(expect.get("raw").asText().getBytes(StandardCharsets.UTF_8), event.raw(), context);
        }
        if (expect.has("signature")) {
            EventRecord event = (EventRecord) actual.frame().payload();
            boolean valid = EventSigning.verify(FIXTURE_KEY, EventSigning.signingInput(c.pathGroup(), event), event.signature());
            assertEquals(expect.get("signature").asText().equals("valid"), valid, context + " signature");
        }
    }

    @Test
    void casesSplitAtRandomBufferBoundariesHaveTheSameOutcomes() throws IOException {
        Random random = new Random(SEED);
        for (FixtureCase c : FixtureCase.all()) {
            Outcome whole = decodeWhole(c);
            for (int round = 0; round < 5; round++) {
                Collector collector = new Collector(c.pathGroup());
                NdjsonDecoder decoder = new NdjsonDecoder(c.maxMessageSize(), collector);
                feedSplit(decoder, c.wire(), random);
                decoder.finish();
                assertEquals(List.of(whole), collector.outcomes, c + " (seed " + SEED + ", round " + round + ")");
            }
        }
    }

    @Test
    void theWholeFixtureAsOneStreamSplitAtRandomDecodesTheSameFrames() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Outcome> expected = new ArrayList<>();
        for (FixtureCase c : FixtureCase.all()) {
            Outcome whole = decodeWhole(c);
            // Decoder errors end a stream, and the path group must be the same for every line.
            if (whole.frame() != null && c.maxMessageSize() == FixtureCase.DEFAULT_MAX && c.pathGroup().equals("g!team-7")) {
                stream.writeBytes(c.wire());
                expected.add(whole);
            }
        }
        assertTrue(expected.size() > 50, "only " + expected.size() + " frames in the stream");
        Random random = new Random(SEED);
        for (int round = 0; round < 10; round++) {
            Collector collector = new Collector("g!team-7");
            NdjsonDecoder decoder = new NdjsonDecoder(FixtureCase.DEFAULT_MAX, collector);
            feedSplit(decoder, stream.toByteArray(), random);
            decoder.finish();
            assertEquals(expected, collector.outcomes, "seed " + SEED + ", round " + round);
        }
    }

    @Test
    void theFixturesCoverEveryDetectableErrorAndEveryFrameType() throws IOException {
        List<FixtureCase> cases = FixtureCase.all();
        assertTrue(cases.size() >= 50, cases.size() + " cases");
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        Set<FrameType> types = EnumSet.noneOf(FrameType.class);
        Set<String> names = new java.util.HashSet<>();
        for (FixtureCase c : cases) {
            assertTrue(names.add(c.name()), "duplicate case name " + c.name());
            if (c.expect().has("error")) {
                codes.add(ErrorCode.fromWire(c.expect().get("error").asText()).orElseThrow());
            } else {
                types.add(FrameType.fromWire(c.expect().get("frame").asText()));
            }
        }
        assertEquals(EnumSet.of(ErrorCode.MALFORMED_FRAME, ErrorCode.FRAME_TOO_LARGE, ErrorCode.UNSUPPORTED_VERSION,
                ErrorCode.GROUP_MISMATCH, ErrorCode.INVALID_EVENT, ErrorCode.CONTENT_HASH_MISMATCH,
                ErrorCode.UNKNOWN_FRAME_TYPE), codes);
        assertEquals(EnumSet.allOf(FrameType.class), types);
        assertNotNull(FIXTURE_KEY);
    }
}
