package io.tapsrelay.relay.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The pre-signed load of one scenario: one bench identity and one corpus per stream, signed once and
 * sent again in every run (each run starts a fresh relay, so the same events are new to it), and a
 * warm-up load of another identity, sent unmeasured first so the relay's code is compiled and its
 * connections are up before the clock starts.
 */
final class LoadSet {
    /**
     * Warm-up events in all, split over the warm-up groups: enough that a fresh relay JVM has
     * compiled its hot paths (with 2,000 its JIT still took a tenth of the CPU of the measured phase).
     */
    static final int WARM_UP_EVENTS = 10_000;
    /** The warm-up peer. */
    static final String WARM_UP_ID = "warmup.bench";

    private final LoadShape shape;
    private final List<EventCorpus> corpora;
    private final List<EventCorpus> warmUp;
    private final int maxLineBytes;

    private LoadSet(LoadShape shape, List<EventCorpus> corpora, List<EventCorpus> warmUp) {
        this.shape = shape;
        this.corpora = List.copyOf(corpora);
        this.warmUp = List.copyOf(warmUp);
        List<EventCorpus> all = new ArrayList<>(corpora);
        all.addAll(warmUp);
        this.maxLineBytes = all.stream().mapToInt(EventCorpus::maxLineBytes).max().orElseThrow();
    }

    /**
     * Signs the load: stream {@code i} is peer {@code load-<i+1>.bench} sending
     * {@link LoadShape#eventsOf(int)} events into {@code groups.get(i)}; the warm-up peer sends
     * {@link #WARM_UP_EVENTS} split over {@code warmUpGroups}, but no more per group than a stream sends.
     *
     * @param seed content seed; stream {@code i} draws from {@code seed + i * 2^32}
     */
    static LoadSet sign(LoadShape shape, List<String> groups, List<String> warmUpGroups, long seed)
            throws BenchFailure {
        if (groups.size() != shape.streams()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + shape.streams() + " streams");
        }
        List<EventCorpus> corpora = new ArrayList<>();
        for (int i = 0; i < shape.streams(); i++) {
            PeerIdentity id = PeerIdentity.create("load-" + (i + 1) + ".bench");
            corpora.add(EventCorpus.sign(id, groups.get(i), shape.eventsOf(i), shape.size(), seed + ((long) i << 32)));
        }
        PeerIdentity warmId = PeerIdentity.create(WARM_UP_ID);
        int warmEvents = warmUpGroups.isEmpty() ? 0
                : Math.min(Math.max(1, WARM_UP_EVENTS / warmUpGroups.size()), shape.eventsOf(0));
        List<EventCorpus> warm = new ArrayList<>();
        for (String g : warmUpGroups) {
            warm.add(EventCorpus.sign(warmId, g, warmEvents, shape.size(), ~seed));
        }
        return new LoadSet(shape, corpora, warm);
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

    List<EventCorpus> warmUpCorpora() {
        return warmUp;
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
        return peers(corpora);
    }

    /** Fresh warm-up peers, one per warm-up group. */
    List<LoadPeer> newWarmUpPeers() {
        return peers(warmUp);
    }

    private List<LoadPeer> peers(List<EventCorpus> of) {
        return of.stream().map(c -> new LoadPeer(c, maxMessageSize())).toList();
    }

    /** A relay spec sized for this load, with every bench identity of it (warm-up included) pinned. */
    RelaySpec relay(String serverId, int port, java.nio.file.Path dataDir) {
        RelaySpec out = RelaySpec.of(serverId, port, dataDir, shape.window(), windowBytes(), maxMessageSize());
        for (EventCorpus c : corpora) {
            out = out.withPeer(new RelaySpec.Pinned(c.origin()));
        }
        if (!warmUp.isEmpty()) {
            out = out.withPeer(new RelaySpec.Pinned(warmUp.get(0).origin()));
        }
        return out;
    }
}
