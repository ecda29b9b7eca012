package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.config.FederationConfig;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.frames.crypto.RootHash;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.engine.OfferedEvent;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.OriginState;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Repairs one group with one peer, the caller's side of §7; blocking, run on the repair pool.
 *
 * <p>Compares digests first: equal root hashes end the repair after one small request. Otherwise it
 * runs checkpoint rounds. Each round offers the events the peer lacks (above its {@code max_seq} as
 * its digest shows; after the first round also the holes its view lists), sends this relay's view
 * with its own holes, and stores what comes back through the relay's intake, so every signature is
 * checked and every equivocation recorded. It stops when the peer's view (taken after it stored the
 * offer) hashes to this relay's digest, when a round changes nothing, or after {@link #MAX_ROUNDS}.
 *
 * <p>Where the peer marks an origin's chain as different over the same {@code contiguous_seq} (it
 * sends {@code block_hashes}), the first differing block is asked for in the next round's
 * {@code missing}: its events come back, and the one held here under another event id is
 * equivocation evidence. Each side then gets the other's copy of a contested sequence, so both
 * relays record the evidence; the first event stays at each. Such a pair can never become equal, so
 * the worker's next runs stop after the digests while neither side's root hash has moved since
 * (an operator's repair always looks again).
 */
final class RepairSession {
    /** Rounds one repair may take; each moves up to a response limit each way. */
    static final int MAX_ROUNDS = 64;
    private static final long INTAKE_TIMEOUT_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(RepairSession.class.getName());

    private final String selfId;
    private final EventStore store;
    private final EventIntake intake;
    private final PeerClient client;
    private final long responseLimit;
    private final Clock clock;
    /** Divergences found by earlier runs, by "peer group", with the root hashes both sides had then. */
    private final Map<String, Diverged> diverged = new ConcurrentHashMap<>();

    RepairSession(String selfId, EventStore store, EventIntake intake, PeerClient client, long responseLimit, Clock clock) {
        this.selfId = selfId;
        this.store = store;
        this.intake = intake;
        this.client = client;
        this.responseLimit = responseLimit;
        this.clock = clock;
    }

    /**
     * A finished run.
     *
     * @param result what it did
     * @param unreachable whether it failed because the peer could not be reached or is draining
     */
    record Ran(RepairResult result, boolean unreachable) {}

    /** Runs the repair; never throws: a failure is a result with an error. */
    Ran run(String peer, URI base, String group, RepairResult.Trigger trigger) {
        Tally t = new Tally(clock.millis(), System.nanoTime());
        String pair = peer + " " + group;
        try {
            // An operator's request always looks again; the worker skips a divergence it already found.
            Diverged known = trigger == RepairResult.Trigger.ADMIN ? null : diverged.get(pair);
            boolean equal = repair(peer, base, group, t, known);
            RepairResult result = t.result(peer, group, trigger, equal, equal ? null : t.whyUnequal());
            if (result.outcome() == RepairResult.Outcome.DIVERGED && t.lastPeerRoot != null) {
                diverged.put(pair, new Diverged(localRoot(group), t.lastPeerRoot, t.contested));
            } else {
                diverged.remove(pair);
            }
            return new Ran(result, false);
        } catch (RepairFailure e) {
            return new Ran(t.result(peer, group, trigger, false, e.getMessage()), e.unreachable());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=repair-fault peer=" + peer + " group=" + group, e);
            return new Ran(t.result(peer, group, trigger, false, "internal error: " + e), false);
        }
    }

    private boolean repair(String peer, URI base, String group, Tally t, Diverged known) throws RepairFailure {
        PeerClient.DigestAnswer digest = client.digest(peer, base, group);
        t.bytesReceived += digest.bodyBytes();
        Sha256 mine = localRoot(group);
        if (digest.digest().rootHash().equals(mine)) {
            return true;
        }
        if (known != null && known.local().equals(mine) && known.peer().equals(digest.digest().rootHash())) {
            // Nothing changed on either side since the divergence was found: the same rounds would find it again.
            t.contested.addAll(known.contested());
            t.lastPeerRoot = known.peer();
            return false;
        }
        Map<String, Shortfall.Known> theirs = Shortfall.known(digest.digest());
        Map<String, List<SeqRange>> probes = new HashMap<>();
        Map<String, List<SeqRange>> counterparts = new HashMap<>();
        Set<String> probed = new HashSet<>();
        while (t.rounds < MAX_ROUNDS) {
            t.rounds++;
            Round r = round(peer, base, group, theirs, probes, counterparts, t);
            theirs = Shortfall.known(r.view.origins());
            t.lastPeerRoot = rootOf(r.view);
            if (t.lastPeerRoot.equals(localRoot(group))) {
                return true;
            }
            probes = r.probes;
            counterparts = r.counterparts;
            int newProbes = addBlockProbes(group, r.view, probes, probed);
            // New events either way, or something new to ask for or send: otherwise another round would repeat this one.
            boolean progress = r.pulled > 0 || r.pushed > 0 || newProbes > 0 || !probes.isEmpty() || !counterparts.isEmpty();
            if (!progress) {
                return false;
            }
        }
        t.roundCapReached = true;
        return false;
    }

    private Round round(String peer, URI base, String group, Map<String, Shortfall.Known> theirs,
            Map<String, List<SeqRange>> probes, Map<String, List<SeqRange>> counterparts, Tally t) throws RepairFailure {
        Map<String, List<SeqRange>> wants = Shortfall.of(store.originStates(group), theirs, counterparts);
        EventPacker.Packed offer = EventPacker.pack(store, group, selfId, wants, responseLimit, 2);
        List<OriginView> view = Views.of(store, group, Map.of(), probes);
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, offer.bytes() + 4096));
        body.writeBytes(Frames.checkpoint(selfId, view, false));
        offer.lines().forEach(body::writeBytes);
        byte[] request = body.toByteArray();
        t.bytesSent += request.length;
        byte[] answer = client.checkpoint(peer, base, group, request);
        t.bytesReceived += answer.length;
        ExchangeReader.Read read = ExchangeReader.read(answer, peer, FederationConfig.MAX_MESSAGE_SIZE,
                Set.of(FrameType.ERROR, FrameType.EVENT));
        if (read instanceof ExchangeReader.Refused refused) {
            throw new RepairFailure("the checkpoint answer from " + peer + " is not valid: " + refused.message());
        }
        ExchangeReader.Ok ok = (ExchangeReader.Ok) read;
        Round r = new Round(ok.view());
        List<OfferedEvent> pulled = new ArrayList<>();
        int refusedOffers = 0;
        for (Frame f : ok.rest()) {
            if (f.knownType() == FrameType.EVENT) {
                pulled.add(new OfferedEvent(f.id(), f.groupId(), f.payload()));
            } else if (f.knownType() == FrameType.ERROR) {
                ErrorPayload e = (ErrorPayload) f.payload();
                EventPacker.Sent about = e.ref() == null ? null : offer.sent().get(e.ref());
                if (about == null) {
                    t.note("peer", e.code(), e.message());
                    continue;
                }
                refusedOffers++;
                if (ErrorCode.EQUIVOCATION.wireName().equals(e.code())) {
                    // The peer holds another event here: fetch it, so this side records the evidence too.
                    if (t.contested.add(about.origin() + "#" + about.seq())) {
                        r.probes.computeIfAbsent(about.origin(), k -> new ArrayList<>())
                                .add(new SeqRange(about.seq(), about.seq()));
                    }
                } else {
                    t.note("peer", e.code(), e.message());
                }
            }
        }
        r.pushed = offer.events() - refusedOffers;
        t.pushed += r.pushed;
        store(group, peer, pulled, r, t);
        return r;
    }

    private void store(String group, String peer, List<OfferedEvent> pulled, Round r, Tally t) throws RepairFailure {
        List<IntakeResult> results;
        try {
            results = intake.accept(group, pulled, peer).get(INTAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RepairFailure("storing " + pulled.size() + " events from " + peer + " failed: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepairFailure("interrupted while storing events from " + peer, false, e);
        }
        for (int i = 0; i < results.size(); i++) {
            IntakeResult result = results.get(i);
            if (result instanceof IntakeResult.Stored) {
                r.pulled++;
            } else if (result instanceof IntakeResult.Rejected rej) {
                if (rej.code() == ErrorCode.EQUIVOCATION && pulled.get(i).payload() instanceof EventRecord rec) {
                    // This side holds another event here: send it, so the peer records the evidence too.
                    if (t.contested.add(rec.originServer() + "#" + rej.originSeq())) {
                        r.counterparts.computeIfAbsent(rec.originServer(), k -> new ArrayList<>())
                                .add(new SeqRange(rej.originSeq(), rej.originSeq()));
                    }
                } else {
                    t.note("here", rej.code().wireName(), rej.message());
                }
            }
        }
        t.pulled += r.pulled;
    }

    /** Adds a probe for the first differing block of every origin the peer sent block hashes for. */
    private int addBlockProbes(String group, CheckpointPayload view, Map<String, List<SeqRange>> probes,
            Set<String> probed) {
        int added = 0;
        for (OriginView v : view.origins()) {
            OriginState mine = store.originState(group, v.originServer());
            if (v.contiguousSeq() != mine.contiguousSeq() || v.prefixHash().equals(mine.prefixHash().hex())) {
                continue;
            }
            var range = BlockProbe.firstDiffering(v, mine, store.blockHashes(group, v.originServer()));
            if (range.isPresent() && probed.add(v.originServer() + "#" + range.get().from() + "-" + range.get().to())) {
                probes.computeIfAbsent(v.originServer(), k -> new ArrayList<>()).add(range.get());
                added++;
            }
        }
        return added;
    }

    private Sha256 localRoot(String group) {
        return GroupDigest.ofStates(group, selfId, store.originStates(group)).rootHash();
    }

    private static Sha256 rootOf(CheckpointPayload view) {
        List<OriginDigest> entries = view.origins().stream()
                .map(v -> new OriginDigest(v.originServer(), v.maxSeq(), v.contiguousSeq(), v.count(),
                        Sha256.fromHex(v.prefixHash())))
                .toList();
        return RootHash.of(entries);
    }

    /** A divergence found earlier: the root hashes each side had when the run ended, and the contested sequences. */
    private record Diverged(Sha256 local, Sha256 peer, Set<String> contested) {
        Diverged {
            contested = Set.copyOf(contested);
        }
    }

    /** What one round did and what the next one must send or ask for because of it. */
    private static final class Round {
        final CheckpointPayload view;
        final Map<String, List<SeqRange>> probes = new HashMap<>();
        final Map<String, List<SeqRange>> counterparts = new HashMap<>();
        long pulled;
        long pushed;

        Round(CheckpointPayload view) {
            this.view = view;
        }
    }

    /** The counts of a whole repair. */
    private static final class Tally {
        final long startedAt;
        final long startNanos;
        final Set<String> contested = new HashSet<>();
        final Map<String, String> refusals = new HashMap<>();
        long pulled;
        long pushed;
        int rounds;
        long bytesSent;
        long bytesReceived;
        boolean roundCapReached;
        Sha256 lastPeerRoot;

        Tally(long startedAt, long startNanos) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        /** Keeps one example message per (side, code) of events refused, for the result's error. */
        void note(String side, String code, String message) {
            refusals.putIfAbsent(side + " " + code, message);
        }

        String whyUnequal() {
            if (!contested.isEmpty() && refusals.isEmpty() && !roundCapReached) {
                return null;
            }
            StringBuilder why = new StringBuilder("digests still differ after " + rounds + " rounds");
            if (roundCapReached) {
                why.append(" (the round cap)");
            }
            refusals.forEach((key, message) -> why.append("; refused ")
                    .append(key.startsWith("peer") ? "by the peer: " : "here: ").append(message));
            return why.toString();
        }

        RepairResult result(String peer, String group, RepairResult.Trigger trigger, boolean equal, String error) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            return new RepairResult(startedAt, peer, group, trigger, pulled, pushed, contested.size(), rounds, bytesSent,
                    bytesReceived, millis, error, equal);
        }
    }
}
