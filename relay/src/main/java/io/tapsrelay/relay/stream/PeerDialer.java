package io.tapsrelay.relay.stream;

import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.frames.validate.GroupPatterns;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.identity.SigningKey;
import io.tapsrelay.relay.store.EventStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps a stream open to every configured {@code dial} peer for every held group its patterns
 * match (§5). A peer that is down is retried with capped exponential backoff and full jitter; dials
 * are asynchronous and never block local work.
 */
public final class PeerDialer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PeerDialer.class.getName());
    private static final Duration TICK = Duration.ofMillis(250);
    private static final long BASE_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String selfId;
    private final List<PeerConfig> peers;
    /** Peers never dialed: blocked or quarantined; asked on every tick. */
    private final java.util.function.Predicate<String> refused;
    private final List<String> supportedGroups;
    private final EventStore store;
    private final SessionRegistry registry;
    private final SessionFactory sessions;
    private final StreamOpener opener;
    private final Supplier<SigningKey> signingKey;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final java.util.Set<String> groupsSeen = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> ticking;

    /** Opens an HTTP/2 stream to a peer with a handler installed; the relay's HTTP/2 client does it. */
    @FunctionalInterface
    public interface StreamOpener {
        CompletableFuture<?> open(URI base, String pathWithQuery, Map<String, String> headers,
                io.grpc.netty.shaded.io.netty.channel.ChannelHandler handler);
    }

    public PeerDialer(String selfId, List<PeerConfig> peers, List<String> supportedGroups, EventStore store,
            SessionRegistry registry, SessionFactory sessions, StreamOpener opener, Supplier<SigningKey> signingKey,
            ScheduledExecutorService timer, Clock clock, java.util.function.Predicate<String> refused) {
        this.refused = refused;
        this.selfId = selfId;
        this.peers = peers.stream().filter(PeerConfig::dial).toList();
        this.supportedGroups = List.copyOf(supportedGroups);
        this.store = store;
        this.registry = registry;
        this.sessions = sessions;
        this.opener = opener;
        this.signingKey = signingKey;
        this.timer = timer;
        this.clock = clock;
    }

    public void start() {
        if (!peers.isEmpty()) {
            ticking = timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Events of {@code group} were stored: checks every (peer, group) now when the group is new since
     * start, so its streams open at once rather than at the next tick. Called for every stored batch,
     * so it costs a set lookup, not a tick.
     */
    public void groupStored(String group) {
        if (groupsSeen.add(group)) {
            nudge();
        }
    }

    /** Checks every (peer, group) now, e.g. right after a group's first event was stored. */
    public void nudge() {
        if (ticking != null) {
            timer.execute(this::tick);
        }
    }

    private void tick() {
        long now = clock.millis();
        for (String group : store.groups()) {
            if (!GroupPatterns.anyMatches(supportedGroups, group)) {
                continue;
            }
            for (PeerConfig peer : peers) {
                if (!GroupPatterns.anyMatches(peer.groups(), group) || refused.test(peer.serverId())) {
                    continue;
                }
                String key = peer.serverId() + ' ' + group;
                Attempt a = attempts.computeIfAbsent(key, k -> new Attempt());
                if (registry.hasStream(peer.serverId(), group)) {
                    a.failures = 0;
                    continue;
                }
                if (a.inProgress || now < a.notBefore) {
                    continue;
                }
                dial(peer, group, a);
            }
        }
    }

    private void dial(PeerConfig peer, String group, Attempt a) {
        a.inProgress = true;
        String path = "/_taps/federation/encrypted-groups/" + group + "/stream";
        Map<String, String> headers = new LinkedHashMap<>(RequestSigning.headers(signingKey.get(), selfId,
                peer.serverId(), "POST", path, clock.millis(), RequestSigning.STREAM_BODY));
        headers.put("content-type", MediaTypes.FRAMES);
        CompletableFuture<StreamSession> outcome = new CompletableFuture<>();
        CompletableFuture<?> opened;
        try {
            opened = opener.open(URI.create(peer.url()), path, headers,
                    new DialHandler(sessions, peer.serverId(), group, outcome));
        } catch (RuntimeException e) {
            opened = CompletableFuture.failedFuture(e);
        }
        opened.whenComplete((ok, error) -> {
            if (error != null) {
                outcome.completeExceptionally(error);
            }
        });
        outcome.whenComplete((session, error) -> {
            a.inProgress = false;
            if (error == null) {
                if (a.failures > 0) {
                    LOG.info(() -> "event=peer-reachable peer=" + peer.serverId() + " group=" + group);
                }
                a.failures = 0;
                return;
            }
            a.failures++;
            long cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(a.failures, 16));
            long delay = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
            a.notBefore = clock.millis() + delay;
            if (a.failures == 1 || a.failures % 10 == 0) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.warning(() -> "event=dial-failed peer=" + peer.serverId() + " group=" + group + " attempt="
                        + a.failures + " retry_in_ms=" + delay + " error=\"" + cause.getMessage() + "\"");
            }
        });
    }

    /** Dial state of one (peer, group), for status. */
    public Map<String, Integer> failures() {
        Map<String, Integer> out = new HashMap<>();
        attempts.forEach((k, a) -> out.put(k, a.failures));
        return out;
    }

    @Override
    public void close() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private static final class Attempt {
        volatile boolean inProgress;
        volatile int failures;
        volatile long notBefore;
    }
}
