package io.tapsrelay.relay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-signed load of one scenario: one bench identity and one corpus per stream, signed once and
 * sent again in every run (each run starts a fresh relay, so the same events are new to it), and
 * warm-up rounds, sent unmeasured first so the relay's code is compiled and its connections are up
 * before the clock starts. Usually each load peer warms up in a group of its own, so the measured
 * phase runs over the very connections, and as many streams, as the warm-up did; the relay
 * scenario warms up with a separate peer in the measured groups themselves. Each warm-up round goes
 * to groups of its own, so its events are new to the relay too; the first round is signed with the
 * load, later ones only when a run needs them (then kept for the next run).
 *
 * <p>Used by one run at a time.
 */
final class LoadSet {
    /** Warm-up events in one round, split over the warm-up groups. */
    static final int WARM_UP_EVENTS = 20_000;
    /** The separate warm-up peer. */
    static final String WARM_UP_ID = "warmup.bench";
    /** Where load peer {@code i} (from 1) warms up when it warms up itself: {@code g!warmup-<i>}. */
    static final String WARM_UP_PREFIX = "warmup";

    private final LoadShape shape;
    private final List<EventCorpus> corpora;
    private final List<PeerIdentity> warmUpPeers;
    private final List<String> warmUpGroups;
    private final int warmUpEventsPerGroup;
    private final long seed;
    private final Map<Integer, List<EventCorpus>> warmUpRounds;
    private final int maxLineBytes;

    private LoadSet(LoadShape shape, List<EventCorpus> corpora, List<PeerIdentity> warmUpPeers,
            List<String> warmUpGroups, int warmUpEventsPerGroup, long seed) throws BenchFailure {
        this.shape = shape;
        this.corpora = List.copyOf(corpora);
        this.warmUpPeers = List.copyOf(warmUpPeers);
        this.warmUpGroups = List.copyOf(warmUpGroups);
        this.warmUpEventsPerGroup = warmUpEventsPerGroup;
        this.seed = seed;
        this.warmUpRounds = new HashMap<>();
        List<EventCorpus> all = new ArrayList<>(corpora);
        all.addAll(warmUpRound(1));
        // Later rounds' group names are a few bytes longer: within the margin of maxMessageSize().
        this.maxLineBytes = all.stream().mapToInt(EventCorpus::maxLineBytes).max().orElseThrow();
    }

    private LoadSet(LoadSet of, LoadShape shape) {
        this.shape = shape;
        this.corpora = of.corpora;
        this.warmUpPeers = of.warmUpPeers;
        this.warmUpGroups = of.warmUpGroups;
        this.warmUpEventsPerGroup = of.warmUpEventsPerGroup;
        this.seed = of.seed;
        this.warmUpRounds = of.warmUpRounds;
        this.maxLineBytes = of.maxLineBytes;
    }

    /**
     * Signs the load: stream {@code i} is peer {@code load-<i+1>.bench} sending
     * {@link LoadShape#eventsOf(int)} events into {@code groups.get(i)}; each load peer warms up in a
     * group of its own, {@code g!warmup-<i+1>}, the first round {@link #WARM_UP_EVENTS} split over
     * the streams, but no more per stream than a stream sends.
     *
     * @param seed content seed; stream {@code i} draws from {@code seed + i * 2^32}
     */
    static LoadSet sign(LoadShape shape, List<String> groups, long seed) throws BenchFailure {
        List<PeerIdentity> peers = loadPeers(shape);
        return sign(shape, groups, peers, groups(WARM_UP_PREFIX, shape.streams()), peers, seed);
    }

    /**
     * Signs the load as {@link #sign(LoadShape, List, long)} does, but with a separate warm-up peer,
     * {@link #WARM_UP_ID}, sending the warm-up rounds into {@code warmUpGroups} (which may be the
     * measured groups).
     */
    static LoadSet signWithWarmUpPeer(LoadShape shape, List<String> groups, List<String> warmUpGroups, long seed)
            throws BenchFailure {
        PeerIdentity warmUp = PeerIdentity.create(WARM_UP_ID);
        return sign(shape, groups, loadPeers(shape), warmUpGroups, warmUpGroups.stream().map(g -> warmUp).toList(),
                seed);
    }

    private static List<PeerIdentity> loadPeers(LoadShape shape) {
        List<PeerIdentity> out = new ArrayList<>();
        for (int i = 0; i < shape.streams(); i++) {
            out.add(PeerIdentity.create("load-" + (i + 1) + ".bench"));
        }
        return out;
    }

    private static LoadSet sign(LoadShape shape, List<String> groups, List<PeerIdentity> peers,
            List<String> warmUpGroups, List<PeerIdentity> warmUpPeers, long seed) throws BenchFailure {
        if (groups.size() != shape.streams()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + shape.streams() + " streams");
        }
        List<EventCorpus> corpora = new ArrayList<>();
        for (int i = 0; i < shape.streams(); i++) {
            corpora.add(EventCorpus.sign(peers.get(i), groups.get(i), shape.eventsOf(i), shape.size(),
                    seed + ((long) i << 32)));
        }
        int warmEvents = warmUpGroups.isEmpty() ? 0
                : Math.min(Math.max(1, WARM_UP_EVENTS / warmUpGroups.size()), shape.eventsOf(0));
        return new LoadSet(shape, corpora, warmUpPeers, warmUpGroups, warmEvents, seed);
    }

    /** {@code count} groups named {@code g!<prefix>-1} … */
    static List<String> groups(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add("g!" + prefix + "-" + i);
        }
        return out;
    }

    /** The group warm-up round {@code round} uses in place of {@code group}: itself in round 1, {@code <group>.w<round>} after. */
    static String warmUpGroup(String group, int round) {
        return round == 1 ? group : group + ".w" + round;
    }

    LoadShape shape() {
        return shape;
    }

    /** The same events and warm-up rounds (none signed again), paced to {@code rate} events/s in all. */
    LoadSet withRate(double rate) {
        return new LoadSet(this, shape.withRate(rate));
    }

    List<EventCorpus> corpora() {
        return corpora;
    }

    /** Events in one warm-up round, over all its groups. */
    int warmUpRoundEvents() {
        return warmUpEventsPerGroup * warmUpGroups.size();
    }

    /** True when warm-up round {@code round} is signed already. */
    boolean hasWarmUpRound(int round) {
        return warmUpRounds.containsKey(round);
    }

    /** Warm-up round {@code round}'s corpora, one per warm-up group, signed now unless they were before. */
    List<EventCorpus> warmUpRound(int round) throws BenchFailure {
        if (round < 1) {
            throw new IllegalArgumentException("warm-up rounds count from 1, not " + round);
        }
        List<EventCorpus> signed = warmUpRounds.get(round);
        if (signed == null) {
            List<EventCorpus> fresh = new ArrayList<>();
            for (int i = 0; i < warmUpGroups.size(); i++) {
                fresh.add(EventCorpus.sign(warmUpPeers.get(i), warmUpGroup(warmUpGroups.get(i), round),
                        warmUpEventsPerGroup, shape.size(), ~seed + ((long) round << 40) + ((long) i << 32)));
            }
            signed = List.copyOf(fresh);
            warmUpRounds.put(round, signed);
        }
        return signed;
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
        return corpora.stream().map(c -> new LoadPeer(c, maxMessageSize())).toList();
    }

    /**
     * Fresh peers for warm-up round {@code round}, one per warm-up group, sending at most
     * {@code events} of the round's events in all, split as evenly as they go (a group whose share is
     * none gets no peer).
     */
    List<LoadPeer> newWarmUpPeers(int round, int events) throws BenchFailure {
        List<EventCorpus> of = warmUpRound(round);
        List<LoadPeer> peers = new ArrayList<>();
        for (int i = 0; i < of.size(); i++) {
            EventCorpus c = of.get(i);
            int share = events / of.size() + (i < events % of.size() ? 1 : 0);
            if (share > 0) {
                peers.add(new LoadPeer(c.head(Math.min(share, c.count())), maxMessageSize()));
            }
        }
        return peers;
    }

    /** A relay spec sized for this load, with every bench identity of it (warm-up included) pinned once. */
    RelaySpec relay(String serverId, int port, Path dataDir) {
        RelaySpec out = RelaySpec.of(serverId, port, dataDir, shape.window(), windowBytes(), maxMessageSize());
        Map<String, PeerIdentity> identities = new LinkedHashMap<>();
        corpora.forEach(c -> identities.put(c.origin().serverId(), c.origin()));
        warmUpPeers.forEach(p -> identities.putIfAbsent(p.serverId(), p));
        for (PeerIdentity id : identities.values()) {
            out = out.withPeer(new RelaySpec.Pinned(id));
        }
        return out;
    }
}
