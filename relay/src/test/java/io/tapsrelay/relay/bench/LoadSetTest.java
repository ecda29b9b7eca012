package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.EventRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadSetTest {
    private static LoadSet load;

    @BeforeAll
    static void sign() throws Exception {
        load = LoadSet.signWithWarmUpPeer(new LoadShape(40, 32, 2, 8, 0), LoadSet.groups("set", 2),
                List.of("g!wa", "g!wb"), 11);
    }

    @Test
    void theFirstWarmUpRoundIsSignedWithTheLoadAndUsesTheWarmUpGroupsThemselves() throws Exception {
        assertTrue(load.hasWarmUpRound(1));
        assertEquals(List.of("g!wa", "g!wb"), load.warmUpRound(1).stream().map(EventCorpus::group).toList());
        assertEquals(20, load.warmUpRound(1).get(0).count(), "no more per group than a measured stream sends");
    }

    @Test
    void laterRoundsAreSignedOnceWhenFirstAskedForAndGoToGroupsOfTheirOwn() throws Exception {
        assertFalse(load.hasWarmUpRound(3));
        List<EventCorpus> third = load.warmUpRound(3);
        assertTrue(load.hasWarmUpRound(3));
        assertSame(third, load.warmUpRound(3), "kept for the next run");
        assertEquals(List.of("g!wa.w3", "g!wb.w3"), third.stream().map(EventCorpus::group).toList());
        assertNotEquals(eventId(load.warmUpRound(1).get(0)), eventId(third.get(0)), "fresh events, new to the relay");
    }

    @Test
    void warmUpPeersSendNoMoreThanTheEventsAskedForInAll() throws Exception {
        List<LoadPeer> seven = load.newWarmUpPeers(2, 7);
        assertEquals(List.of(4, 3), seven.stream().map(LoadPeer::count).toList());
        assertEquals(List.of(1), load.newWarmUpPeers(2, 1).stream().map(LoadPeer::count).toList());
        assertEquals(List.of(20, 20), load.newWarmUpPeers(2, Integer.MAX_VALUE).stream().map(LoadPeer::count).toList());
    }

    @Test
    void byDefaultEachLoadPeerWarmsUpInAGroupOfItsOwn() throws Exception {
        LoadSet own = LoadSet.sign(new LoadShape(40, 32, 2, 8, 0), LoadSet.groups("own", 2), 12);
        assertEquals(List.of("g!warmup-1", "g!warmup-2"), own.warmUpRound(1).stream().map(EventCorpus::group).toList());
        assertEquals(List.of("load-1.bench", "load-2.bench"),
                own.warmUpRound(2).stream().map(c -> c.origin().serverId()).toList());
        assertEquals(List.of("g!warmup-1.w2", "g!warmup-2.w2"),
                own.warmUpRound(2).stream().map(EventCorpus::group).toList());
        assertEquals(List.of("load-1.bench", "load-2.bench"), own.relay("relay.test", 9999, Path.of("data")).peers()
                .stream().map(p -> ((RelaySpec.Pinned) p).identity().serverId()).toList(), "each pinned once");
    }

    @Test
    void theRelayPinsTheWarmUpPeerOnce() {
        long warmUpPeers = load.relay("relay.test", 9999, Path.of("data")).peers().stream()
                .filter(p -> p instanceof RelaySpec.Pinned pinned
                        && pinned.identity().serverId().equals(LoadSet.WARM_UP_ID))
                .count();
        assertEquals(1, warmUpPeers);
    }

    private static String eventId(EventCorpus c) {
        return EventRecord.parse(c.event(0).raw()).eventId();
    }
}
