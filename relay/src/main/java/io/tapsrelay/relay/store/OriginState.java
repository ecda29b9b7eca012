package io.tapsrelay.relay.store;

import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.store.internal.Args;
import java.util.Objects;

/**
 * What the store holds of one origin in one group: the §7 digest entry.
 *
 * @param groupId the group
 * @param originServer the origin
 * @param maxSeq the highest origin sequence held, 0 when none
 * @param contiguousSeq the highest n with 1..n all held
 * @param count the number of events held
 * @param prefixHash the §7 chain over 1..contiguousSeq; {@link Sha256#ZERO} when contiguousSeq is 0
 */
public record OriginState(
        String groupId, String originServer, long maxSeq, long contiguousSeq, long count, Sha256 prefixHash) {

    public OriginState {
        Args.group("groupId", groupId);
        Args.server("originServer", originServer);
        Args.nonNegative("contiguousSeq", contiguousSeq);
        Objects.requireNonNull(prefixHash, "prefixHash");
        // Sequences are dense, so the held events lie between the contiguous run and maxSeq.
        if (contiguousSeq > maxSeq || count < contiguousSeq || count > maxSeq) {
            throw new IllegalArgumentException("origin state out of order: contiguousSeq " + contiguousSeq
                    + ", count " + count + ", maxSeq " + maxSeq);
        }
        if (contiguousSeq == 0 && !prefixHash.equals(Sha256.ZERO)) {
            throw new IllegalArgumentException("prefixHash must be ZERO when contiguousSeq is 0");
        }
    }

    /** The state of an origin the store holds nothing of. */
    public static OriginState empty(String groupId, String originServer) {
        return new OriginState(groupId, originServer, 0, 0, 0, Sha256.ZERO);
    }
}
