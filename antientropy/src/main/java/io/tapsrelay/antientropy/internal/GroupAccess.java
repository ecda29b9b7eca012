package io.tapsrelay.antientropy.internal;

import io.tapsrelay.config.GroupPatterns;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which groups anti-entropy exchanges with which peer: groups this relay serves
 * ({@code supported_groups}) that match the peer's configured {@code groups}. A peer that is not
 * configured (open federation) may exchange every group this relay serves. Blocked and
 * quarantined peers are left out: a repair must not pull from a peer the relay refuses.
 */
public final class GroupAccess {
    private final RelayConfig config;
    private final Predicate<String> refusedPeer;

    /** @param refusedPeer peers not to exchange with now (blocked or quarantined) */
    public GroupAccess(RelayConfig config, Predicate<String> refusedPeer) {
        this.config = config;
        this.refusedPeer = refusedPeer;
    }

    /** Whether this relay serves {@code group}. */
    public boolean serves(String group) {
        return GroupPatterns.matchesAny(config.federation().supportedGroups(), group);
    }

    /** Whether {@code peer} (already authenticated and allowed to federate) may exchange {@code group}. */
    public boolean mayExchange(String peer, String group) {
        if (!serves(group)) {
            return false;
        }
        Optional<PeerConfig> p = config.peer(peer);
        return p.isEmpty() || GroupPatterns.matchesAny(p.get().groups(), group);
    }

    /** The configured peers {@code group} is exchanged with. */
    public List<PeerConfig> peersFor(String group) {
        if (!serves(group)) {
            return List.of();
        }
        return config.peers().stream()
                .filter(p -> GroupPatterns.matchesAny(p.groups(), group) && !refusedPeer.test(p.serverId()))
                .toList();
    }

    /** The configured peer {@code serverId}; empty also while it is blocked or quarantined. */
    public Optional<PeerConfig> peer(String serverId) {
        return config.peer(serverId).filter(p -> !refusedPeer.test(p.serverId()));
    }

    /** Every configured peer. */
    public List<PeerConfig> peers() {
        return config.peers();
    }
}
