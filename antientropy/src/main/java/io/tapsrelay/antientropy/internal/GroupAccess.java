package io.tapsrelay.antientropy.internal;

import io.tapsrelay.config.GroupPatterns;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import java.util.List;
import java.util.Optional;

/**
 * Which groups anti-entropy exchanges with which peer: groups this relay serves
 * ({@code supported_groups}) that match the peer's configured {@code groups}. A peer that is not
 * configured (open federation) may exchange every group this relay serves.
 */
public final class GroupAccess {
    private final RelayConfig config;

    public GroupAccess(RelayConfig config) {
        this.config = config;
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
        return config.peers().stream().filter(p -> GroupPatterns.matchesAny(p.groups(), group)).toList();
    }

    /** The configured peer {@code serverId}. */
    public Optional<PeerConfig> peer(String serverId) {
        return config.peer(serverId);
    }

    /** Every configured peer. */
    public List<PeerConfig> peers() {
        return config.peers();
    }
}
