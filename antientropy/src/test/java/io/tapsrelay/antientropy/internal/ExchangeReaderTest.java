package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ulids;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExchangeReaderTest {
    private static final String PEER = "relay-peer.test";
    private static final int LIMIT = 16384;

    private static byte[] checkpoint(String origin, long seq, int ranges) {
        List<SeqRange> missing = new ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            missing.add(new SeqRange(2L * i + 1, 2L * i + 1));
        }
        OriginView v = new OriginView("o.test", 2L * ranges + 1, 0, ranges + 1, Sha256.ZERO.hex(), missing, List.of());
        return FrameEncoder.encode(Frame.of(FrameType.CHECKPOINT, Ulids.next(), origin, seq, null, null,
                new CheckpointPayload(List.of(v), false)));
    }

    private static byte[] body(byte[]... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    private static byte[] ping(long seq) {
        return FrameEncoder.encode(Frame.of(FrameType.PING, Ulids.next(), PEER, seq, null, null, new Ping()));
    }

    private static ExchangeReader.Refused refused(byte[] body) {
        return assertInstanceOf(ExchangeReader.Refused.class,
                ExchangeReader.read(body, PEER, LIMIT, Set.of(FrameType.EVENT)));
    }

    @Test
    void aCheckpointLineLongerThanTheFrameLimitIsReadBecauseItGrowsWithTheHoles() {
        byte[] big = checkpoint(PEER, 1, 3000);
        assertTrue(big.length > LIMIT);
        ExchangeReader.Ok ok = assertInstanceOf(ExchangeReader.Ok.class,
                ExchangeReader.read(big, PEER, LIMIT, Set.of(FrameType.EVENT)));
        assertEquals(3000, ok.view().origins().get(0).missing().size());
    }

    @Test
    void aLaterLineLongerThanTheFrameLimitIsFrameTooLarge() {
        String pad = "x".repeat(LIMIT);
        byte[] huge = ("{\"type\":\"EVENT\",\"id\":\"" + Ulids.next() + "\",\"origin\":\"" + PEER
                + "\",\"sequence\":2,\"payload\":{\"pad\":\"" + pad + "\"}}\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(ErrorCode.FRAME_TOO_LARGE, refused(body(checkpoint(PEER, 1, 1), huge)).code());
    }

    @Test
    void aFirstLineThatIsNotJsonIsMalformedFrame() {
        assertEquals(ErrorCode.MALFORMED_FRAME, refused("not json\n".getBytes(StandardCharsets.UTF_8)).code());
        assertEquals(ErrorCode.MALFORMED_FRAME, refused(new byte[0]).code());
    }

    @Test
    void aFirstFrameOtherThanCheckpointIsAProtocolViolation() {
        ExchangeReader.Refused r = refused(ping(1));
        assertEquals(ErrorCode.PROTOCOL_VIOLATION, r.code());
        assertTrue(r.message().contains("must be CHECKPOINT"), r.message());
    }

    @Test
    void framesFromAnotherOriginThanTheAuthenticatedPeerAreRefused() {
        assertEquals(ErrorCode.PROTOCOL_VIOLATION, refused(checkpoint("someone-else.test", 1, 1)).code());
    }

    @Test
    void framesMustBeNumberedFromOneWithoutGaps() {
        assertEquals(ErrorCode.SEQUENCE_VIOLATION, refused(checkpoint(PEER, 2, 1)).code());
        assertEquals(ErrorCode.SEQUENCE_VIOLATION, refused(body(checkpoint(PEER, 1, 1), ping(3))).code());
    }

    @Test
    void aKnownTypeNotAllowedAfterTheCheckpointIsAProtocolViolationButAnUnknownTypeIsKept() {
        assertEquals(ErrorCode.PROTOCOL_VIOLATION, refused(body(checkpoint(PEER, 1, 1), ping(2))).code());
        byte[] unknown = ("{\"type\":\"GOSSIP\",\"id\":\"" + Ulids.next() + "\",\"origin\":\"" + PEER
                + "\",\"sequence\":2,\"payload\":{}}\n").getBytes(StandardCharsets.UTF_8);
        ExchangeReader.Ok ok = assertInstanceOf(ExchangeReader.Ok.class,
                ExchangeReader.read(body(checkpoint(PEER, 1, 1), unknown), PEER, LIMIT, Set.of(FrameType.EVENT)));
        assertEquals("GOSSIP", ok.rest().get(0).type());
    }

    @Test
    void aViewBreakingTheCheckpointRulesIsMalformed() {
        OriginView bad = new OriginView("o.test", 5, 6, 6, Sha256.ZERO.hex(), List.of(), List.of());
        byte[] line = FrameEncoder.encode(Frame.of(FrameType.CHECKPOINT, Ulids.next(), PEER, 1, null, null,
                new CheckpointPayload(List.of(bad), false)));
        assertEquals(ErrorCode.MALFORMED_FRAME, refused(line).code());
    }
}
