package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.OriginState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockProbeTest {
    private static final String G = "g!x";
    private static final String O = "o.test";

    private static Sha256 h(String s) {
        return Sha256.digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static OriginState mine(long contiguous, Sha256 prefix) {
        return new OriginState(G, O, contiguous, contiguous, contiguous, prefix);
    }

    private static OriginView theirs(long contiguous, Sha256 prefix, List<Sha256> blocks) {
        return new OriginView(O, contiguous, contiguous, contiguous, prefix.hex(), List.of(),
                blocks.stream().map(Sha256::hex).toList());
    }

    @Test
    void theFirstBlockWhoseChainValueDiffersIsTheRangeToFetch() {
        List<Sha256> myBlocks = List.of(h("1"), h("2"), h("3"));
        OriginView other = theirs(3500, h("P"), List.of(h("1"), h("2x"), h("3x")));
        assertEquals(Optional.of(new SeqRange(1025, 2048)), BlockProbe.firstDiffering(other, mine(3500, h("p")), myBlocks));
    }

    @Test
    void whenEveryWholeBlockAgreesTheTailAfterTheLastOneDiffers() {
        List<Sha256> blocks = List.of(h("1"), h("2"));
        OriginView other = theirs(2500, h("P"), blocks);
        assertEquals(Optional.of(new SeqRange(2049, 2500)), BlockProbe.firstDiffering(other, mine(2500, h("p")), blocks));
    }

    @Test
    void aChainShorterThanOneBlockIsFetchedWhole() {
        OriginView other = theirs(300, h("P"), List.of());
        assertEquals(Optional.of(new SeqRange(1, 300)), BlockProbe.firstDiffering(other, mine(300, h("p")), List.of()));
    }

    @Test
    void entriesThatAgreeOrHoldAnotherContiguousSeqNeedNoProbe() {
        List<Sha256> blocks = List.of(h("1"));
        assertEquals(Optional.empty(), BlockProbe.firstDiffering(theirs(1500, h("p"), blocks), mine(1500, h("p")), blocks));
        assertEquals(Optional.empty(), BlockProbe.firstDiffering(theirs(1400, h("P"), blocks), mine(1500, h("p")), blocks));
    }

    @Test
    void withoutBlockHashesALongChainCannotBeLocated() {
        assertEquals(Optional.empty(),
                BlockProbe.firstDiffering(theirs(5000, h("P"), List.of()), mine(5000, h("p")), List.of(h("1"))));
    }
}
