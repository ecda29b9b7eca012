package io.tapsrelay.antientropy;

import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.frames.crypto.RootHash;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ids;
import io.tapsrelay.relay.store.OriginState;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A §7 group digest: one entry per origin held in the group and the root hash over them. Equal root
 * hashes mean equal state for the group.
 *
 * @param groupId the group
 * @param serverId the relay the digest describes
 * @param origins one entry per origin, sorted by {@code origin_server} in byte order
 * @param rootHash {@link RootHash#of} the entries; checked on construction
 */
public record GroupDigest(String groupId, String serverId, List<OriginDigest> origins, Sha256 rootHash) {
    private static final Comparator<OriginDigest> BY_ORIGIN_BYTES = Comparator.comparing(
            d -> d.originServer().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    public GroupDigest {
        if (!Ids.isGroupId(groupId)) {
            throw new IllegalArgumentException("group_id is not a group id: " + groupId);
        }
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("server_id is not a server id: " + serverId);
        }
        origins = origins.stream().sorted(BY_ORIGIN_BYTES).toList();
        Objects.requireNonNull(rootHash, "rootHash");
        Sha256 expected = RootHash.of(origins);
        if (!expected.equals(rootHash)) {
            throw new IllegalArgumentException("root_hash " + rootHash.hex() + " of " + serverId + " for " + groupId
                    + " does not match its origins, which hash to " + expected.hex());
        }
    }

    /** The digest of {@code origins}, its root hash computed. */
    public static GroupDigest of(String groupId, String serverId, List<OriginDigest> origins) {
        return new GroupDigest(groupId, serverId, origins, RootHash.of(origins));
    }

    /** The digest of what a store holds: {@code states} as {@code EventStore.originStates} gives them. */
    public static GroupDigest ofStates(String groupId, String serverId, List<OriginState> states) {
        return of(groupId, serverId, states.stream().map(GroupDigest::entry).toList());
    }

    /** The digest entry of one origin's state. */
    public static OriginDigest entry(OriginState s) {
        return new OriginDigest(s.originServer(), s.maxSeq(), s.contiguousSeq(), s.count(), s.prefixHash());
    }

    /** True when the relay holds no event of the group. */
    public boolean isEmpty() {
        return origins.isEmpty();
    }

    /** The entry of {@code originServer}, if the relay holds any of its events. */
    public Optional<OriginDigest> origin(String originServer) {
        return origins.stream().filter(o -> o.originServer().equals(originServer)).findFirst();
    }

    /** Events held, over every origin. */
    public long eventCount() {
        return origins.stream().mapToLong(OriginDigest::count).sum();
    }
}
