package io.tapsrelay.relay.store;

import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.store.internal.Args;
import java.util.Arrays;
import java.util.Objects;

/**
 * Evidence that an origin sent two events for one sequence: the first one stays stored, the other is
 * kept here for operators.
 *
 * @param groupId the group
 * @param originServer the origin that equivocated
 * @param originSeq the contested sequence
 * @param keptEventId the event id that holds the sequence
 * @param rejectedEventId the other event id
 * @param rejectedRecord the other event's record bytes as received; copied in and out
 * @param detectedAtMillis when the store first saw the other event (unix ms)
 */
public record Equivocation(
        String groupId,
        String originServer,
        long originSeq,
        String keptEventId,
        String rejectedEventId,
        byte[] rejectedRecord,
        long detectedAtMillis) {

    public Equivocation {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        Args.seq("originSeq", originSeq);
        if (!Ids.isUlid(keptEventId) || !Ids.isUlid(rejectedEventId)) {
            throw new IllegalArgumentException("event ids must be ULIDs: " + keptEventId + ", " + rejectedEventId);
        }
        rejectedRecord = Objects.requireNonNull(rejectedRecord, "rejectedRecord").clone();
    }

    /** A copy of the rejected record bytes. */
    @Override
    public byte[] rejectedRecord() {
        return rejectedRecord.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Equivocation other
                && originSeq == other.originSeq
                && detectedAtMillis == other.detectedAtMillis
                && groupId.equals(other.groupId)
                && originServer.equals(other.originServer)
                && keptEventId.equals(other.keptEventId)
                && rejectedEventId.equals(other.rejectedEventId)
                && Arrays.equals(rejectedRecord, other.rejectedRecord);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, originServer, originSeq, keptEventId, rejectedEventId, detectedAtMillis) * 31
                + Arrays.hashCode(rejectedRecord);
    }

    @Override
    public String toString() {
        return "Equivocation[" + groupId + " " + originServer + "#" + originSeq + " kept " + keptEventId
                + " rejected " + rejectedEventId + " at " + detectedAtMillis + "]";
    }
}
