package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.OriginState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortfallTest {
    private static final String G = "g!x";

    private static OriginState state(String origin, long max) {
        return new OriginState(G, origin, max, 0, max == 0 ? 0 : 1, Sha256.ZERO);
    }

    @Test
    void theOtherSideLacksItsListedHolesAndEverythingAboveItsMaxSeq() {
        Map<String, List<SeqRange>> wants = Shortfall.of(List.of(state("a.test", 50)),
                Map.of("a.test", new Shortfall.Known(40, List.of(new SeqRange(3, 4), new SeqRange(10, 10)))), Map.of());
        assertEquals(Map.of("a.test", List.of(new SeqRange(3, 4), new SeqRange(10, 10), new SeqRange(41, 50))), wants);
    }

    @Test
    void anOriginTheOtherSideDoesNotListIsWantedWhole() {
        Map<String, List<SeqRange>> wants = Shortfall.of(List.of(state("a.test", 5), state("b.test", 7)),
                Map.of("a.test", new Shortfall.Known(5, List.of())), Map.of());
        assertEquals(Map.of("b.test", List.of(new SeqRange(1, 7))), wants);
    }

    @Test
    void holesAboveWhatThisSideHoldsAreNotAskedOf() {
        Map<String, List<SeqRange>> wants = Shortfall.of(List.of(state("a.test", 20)),
                Map.of("a.test", new Shortfall.Known(30, List.of(new SeqRange(15, 25)))), Map.of());
        assertEquals(Map.of("a.test", List.of(new SeqRange(15, 20))), wants);
    }

    @Test
    void extraRangesAreSentWhateverTheOtherSideSaid() {
        Map<String, List<SeqRange>> wants = Shortfall.of(List.of(state("a.test", 20)),
                Map.of("a.test", new Shortfall.Known(20, List.of())), Map.of("a.test", List.of(new SeqRange(7, 7))));
        assertEquals(Map.of("a.test", List.of(new SeqRange(7, 7))), wants);
    }
}
