package io.tapsrelay.relay.store;

import static io.tapsrelay.relay.store.TestEvents.GROUP;
import static io.tapsrelay.relay.store.TestEvents.ORIGIN;
import static io.tapsrelay.relay.store.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendClassificationTest {
    @TempDir
    Path dir;

    private RocksEventStore store;

    @BeforeEach
    void open() {
        store = RocksEventStore.open(dir, true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<AppendStatus> append(StoredEvent... events) throws Exception {
        return statuses(store.append(List.of(events)));
    }

    private static List<AppendStatus> statuses(CompletableFuture<List<AppendResult>> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS).stream().map(AppendResult::status).toList();
    }

    @Test
    void aNewEventIsStoredAndFoundByItsId() throws Exception {
        StoredEvent e = event(1);

        assertEquals(List.of(AppendStatus.STORED), append(e));

        assertEquals(Optional.of(new EventIdEntry(GROUP, ORIGIN, 1, e.contentHash())), store.findEventId(e.eventId()));
        assertEquals(Optional.of(e), store.get(GROUP, ORIGIN, 1));
        assertArrayEquals(e.record(), store.get(GROUP, ORIGIN, 1).orElseThrow().record());
    }

    @Test
    void theEventIdIsFoundInLowerCaseToo() throws Exception {
        StoredEvent e = event(1);
        append(e);

        assertTrue(store.findEventId(e.eventId().toLowerCase(java.util.Locale.ROOT)).isPresent());
    }

    @Test
    void resultsComeBackInInputOrderWithTheEventsPassedIn() throws Exception {
        List<StoredEvent> events = List.of(event(3), event(1), event(2));

        List<AppendResult> results = store.append(events).get(30, TimeUnit.SECONDS);

        assertEquals(events, results.stream().map(AppendResult::event).toList());
    }

    @Test
    void theSameEventAgainIsADuplicateAndIsNotCountedTwice() throws Exception {
        append(event(1));

        assertEquals(List.of(AppendStatus.DUPLICATE), append(event(1)));
        assertEquals(1, store.originState(GROUP, ORIGIN).count());
    }

    @Test
    void twoCopiesOfOneEventInOneBatchAreStoredOnceThenDuplicate() throws Exception {
        assertEquals(List.of(AppendStatus.STORED, AppendStatus.DUPLICATE), append(event(1), event(1)));
        assertEquals(1, store.originState(GROUP, ORIGIN).count());
    }

    @Test
    void theSameEventIdWithOtherContentIsAConflict() throws Exception {
        StoredEvent original = event(1);
        append(original);
        StoredEvent otherContent =
                TestEvents.withIdAndContent(GROUP, ORIGIN, 1, original.eventId(), "something else");

        assertEquals(List.of(AppendStatus.EVENT_ID_CONFLICT), append(otherContent));
        assertEquals(Optional.of(original), store.get(GROUP, ORIGIN, 1));
    }

    @Test
    void theSameEventIdAtAnotherSequenceOrGroupOrOriginIsAConflict() throws Exception {
        StoredEvent original = event(1);
        append(original);
        String content = GROUP + "|" + ORIGIN + "|1|v0";

        assertEquals(
                List.of(AppendStatus.EVENT_ID_CONFLICT, AppendStatus.EVENT_ID_CONFLICT, AppendStatus.EVENT_ID_CONFLICT),
                append(
                        TestEvents.withIdAndContent(GROUP, ORIGIN, 2, original.eventId(), content),
                        TestEvents.withIdAndContent("g!other", ORIGIN, 1, original.eventId(), content),
                        TestEvents.withIdAndContent(GROUP, "relay-b.example", 1, original.eventId(), content)));
        assertEquals(1, store.originState(GROUP, ORIGIN).maxSeq());
        assertEquals(List.of(GROUP), store.groups());
    }

    @Test
    void aSecondEventIdForOneSequenceIsAnEquivocationAndTheFirstStays() throws Exception {
        StoredEvent first = event(GROUP, ORIGIN, 1, "first");
        StoredEvent second = event(GROUP, ORIGIN, 1, "second");
        append(first);

        assertEquals(List.of(AppendStatus.EQUIVOCATION), append(second));

        assertEquals(Optional.of(first), store.get(GROUP, ORIGIN, 1));
        assertTrue(store.findEventId(second.eventId()).isEmpty());
        List<Equivocation> evidence = store.equivocations(GROUP);
        assertEquals(1, evidence.size());
        Equivocation e = evidence.get(0);
        assertEquals(first.eventId(), e.keptEventId());
        assertEquals(second.eventId(), e.rejectedEventId());
        assertEquals(1, e.originSeq());
        assertArrayEquals(second.record(), e.rejectedRecord());
        assertEquals(1, store.equivocationCount());
        assertEquals(1, store.originState(GROUP, ORIGIN).count());
    }

    @Test
    void twoEventIdsForOneSequenceInOneBatchStoreTheFirstAndKeepTheSecondAsEvidence() throws Exception {
        StoredEvent first = event(GROUP, ORIGIN, 5, "first");
        StoredEvent second = event(GROUP, ORIGIN, 5, "second");

        assertEquals(List.of(AppendStatus.STORED, AppendStatus.EQUIVOCATION), append(first, second));

        assertEquals(Optional.of(first), store.get(GROUP, ORIGIN, 5));
        assertEquals(first.eventId(), store.equivocations(GROUP).get(0).keptEventId());
    }

    @Test
    void anEquivocationBelowTheContiguousRunIsCaughtWithoutABatchMate() throws Exception {
        store.append(TestEvents.range(GROUP, ORIGIN, 1, 10)).get(30, TimeUnit.SECONDS);

        assertEquals(List.of(AppendStatus.EQUIVOCATION), append(event(GROUP, ORIGIN, 4, "forged")));
        assertEquals(Optional.of(event(4)), store.get(GROUP, ORIGIN, 4));
    }

    @Test
    void theSameEquivocatingEventTwiceKeepsOneRecordWithItsFirstDetectionTime() throws Exception {
        append(event(GROUP, ORIGIN, 1, "first"));
        StoredEvent forged = event(GROUP, ORIGIN, 1, "forged");
        append(forged);
        long firstSeen = store.equivocations(GROUP).get(0).detectedAtMillis();

        assertEquals(List.of(AppendStatus.EQUIVOCATION, AppendStatus.EQUIVOCATION), append(forged, forged));

        assertEquals(1, store.equivocations(GROUP).size());
        assertEquals(firstSeen, store.equivocations(GROUP).get(0).detectedAtMillis());
        assertEquals(1, store.equivocationCount());
    }

    @Test
    void twoConcurrentCallersInOneCommitSeeEachOthersEvents() throws Exception {
        store.close();
        GatedCommits gate = GatedCommits.holdingFirst();
        store = RocksEventStore.open(dir, true, gate);
        CompletableFuture<List<AppendResult>> held = store.append(List.of(event(GROUP, "relay-z.example", 1)));
        gate.awaitFirstCommitEntered();

        // Both land in the second commit, queued in this order.
        CompletableFuture<List<AppendResult>> a = store.append(List.of(event(1), event(GROUP, ORIGIN, 2, "a")));
        CompletableFuture<List<AppendResult>> b = store.append(List.of(event(1), event(GROUP, ORIGIN, 2, "b")));
        gate.releaseFirst();

        assertEquals(List.of(AppendStatus.STORED), statuses(held));
        assertEquals(List.of(AppendStatus.STORED, AppendStatus.STORED), statuses(a));
        assertEquals(List.of(AppendStatus.DUPLICATE, AppendStatus.EQUIVOCATION), statuses(b));
        assertEquals(2, gate.commits());
    }

    @Test
    void anEmptyAppendCompletesAtOnceWithNoResults() throws Exception {
        assertEquals(List.of(), store.append(List.of()).get(30, TimeUnit.SECONDS));
    }
}
