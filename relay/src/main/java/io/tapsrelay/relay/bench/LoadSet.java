package io.tapsrelay.relay.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-signed load of one scenario: one bench identity and one corpus per stream, signed once and
 * sent again in every run (each run starts a fresh relay, so the same events are new to it).
 */
final class LoadSet {
    private final LoadShape shape;
    private final List<EventCorpus> corpora;
    private final int maxLineBytes;

    private LoadSet(LoadShape shape, List<EventCorpus> corpora) {
        this.shape = shape;
        this.corpora = List.copyOf(corpora);
        this.maxLineBytes = corpora.stream().mapToInt(EventCorpus::maxLineBytes).max().orElseThrow();
    }

    /**
     * Signs the load: stream {@code i} is peer {@code <peerPrefix>-<i+1>.bench} sending
     * {@link LoadShape#eventsOf(int)} events into {@code groups.get(i)}.
     *
     * @param seed content seed; stream {@code i} draws from {@code seed + i * 2^32}
     */
    static LoadSet sign(LoadShape shape, List<String> groups, String peerPrefix, long seed) throws BenchFailure {
        if (groups.size() != shape.streams()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + shape.streams() + " streams");
        }
        List<EventCorpus> corpora = new ArrayList<>();
        for (int i = 0; i < shape.streams(); i++) {
            PeerIdentity id = PeerIdentity.create(peerPrefix + "-" + (i + 1) + ".bench");
            corpora.add(EventCorpus.sign(id, groups.get(i), shape.eventsOf(i), shape.size(), seed + ((long) i << 32)));
        }
        return new LoadSet(shape, corpora);
    }

    /** {@code count} groups named {@code g!<prefix>-1} … */
    static List<String> groups(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("g!" + prefix + "-" + i);
        }
        return out;
    }

    LoadShape shape() {
        return shape;
    }

    List<EventCorpus> corpora() {
        return corpora;
    }

    /** The longest EVENT line, line feed included, any stream may send. */
    int maxLineBytes() {
        return maxLineBytes;
    }

    /** {@code federation.max_message_size} for relays and bench peers: the default, or more for big events. */
    int maxMessageSize() {
        return Math.max(RelaySpec.DEFAULT_MAX_MESSAGE_SIZE, maxLineBytes + 1024);
    }

    /** {@code credit.window_bytes} that admits a whole window of this load's longest lines. */
    long windowBytes() {
        return Math.max((long) shape.window() * maxLineBytes, maxMessageSize() + 1L);
    }

    /** Fresh load peers, one per stream (a load peer sends once). */
    List<LoadPeer> newPeers() {
        return corpora.stream().map(c -> new LoadPeer(c.origin(), c, maxMessageSize())).toList();
    }

    /** {@code spec} with every bench identity of this load pinned. */
    RelaySpec pinAll(RelaySpec spec) {
        RelaySpec out = spec;
        for (EventCorpus c : corpora) {
            out = out.withPeer(new RelaySpec.Pinned(c.origin()));
        }
        return out;
    }

    /** A relay spec sized for this load, with every bench identity pinned. */
    RelaySpec relay(String serverId, int port, java.nio.file.Path dataDir) {
        return pinAll(RelaySpec.of(serverId, port, dataDir, shape.window(), windowBytes(), maxMessageSize()));
    }
}
