package io.tapsrelay.antientropy.internal;

import io.tapsrelay.antientropy.GroupDigest;
import io.tapsrelay.antientropy.RepairResult;
import io.tapsrelay.config.AntiEntropyConfig;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.Route;
import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Anti-entropy wired into one relay: the endpoints, the repair runner, the worker and the hole
 * watcher, built from the relay's context. Owns its two thread pools.
 */
public final class Installed implements AutoCloseable {
    private static final String GROUP_PATH = "/_taps/federation/encrypted-groups/{groupId}/";
    /** How long a hole must stay open before it asks for a repair. */
    static final Duration HOLE_DELAY = Duration.ofSeconds(1);

    private final RelayContext context;
    private final AntiEntropyConfig config;
    private final ExecutorService serving;
    private final RepairRunner runner;
    private final RepairHistory history;
    private final RepairScheduler scheduler;

    private Installed(RelayContext context, ExecutorService serving, RepairRunner runner, RepairHistory history,
            RepairScheduler scheduler) {
        this.context = context;
        this.config = context.config().antiEntropy();
        this.serving = serving;
        this.runner = runner;
        this.history = history;
        this.scheduler = scheduler;
    }

    /** Builds everything and registers the routes, the report and (when the worker is on) the hole watcher. */
    public static Installed install(RelayContext context, ExtensionRoutes routes, RandomGenerator random) {
        AntiEntropyConfig cfg = context.config().antiEntropy();
        GroupAccess access = new GroupAccess(context.config(), context.refusedPeer());
        ExecutorService serving = Executors.newFixedThreadPool(2, daemon("taps-antientropy"));
        PeerRequests requests = new PeerRequests(context.authenticator(), context.verifiers(), serving, access);
        int maxMessageSize = context.config().federation().maxMessageSize();
        DigestEndpoint digest = new DigestEndpoint(context.selfId(), context.store(), requests);
        CheckpointEndpoint checkpoint = new CheckpointEndpoint(context.selfId(), context.store(), context.intake(),
                requests, maxMessageSize, cfg.responseLimit());
        routes.federation("GET", GROUP_PATH + "digest", new Route.Unary(digest, 0, null));
        routes.federation("POST", GROUP_PATH + "checkpoint",
                new Route.Unary(checkpoint, checkpoint.maxBodyBytes(), MediaTypes.FRAMES));

        // A peer may run with a larger response limit than this relay: read answers of a few times ours.
        PeerClient client = new PeerClient(context.selfId(), context.signingKeys()::current, context.connections(),
                context.clock(), FrameBody.CHECKPOINT_LINE_LIMIT + 4 * Math.max(cfg.responseLimit(),
                        AntiEntropyConfig.DEFAULT_RESPONSE_LIMIT));
        RepairSession session = new RepairSession(context.selfId(), context.store(), context.intake(), client,
                cfg.responseLimit(), context.clock());
        RepairHistory history = RepairHistory.load(context.store());
        RepairMetrics metrics = new RepairMetrics();
        RepairRunner runner = new RepairRunner(session, access, context.store(), history, metrics, cfg.maxConcurrent());
        RepairScheduler scheduler = new RepairScheduler(cfg, access, context.store(), runner, context.timer(),
                context.clock(), random);

        AdminRoutes admin = new AdminRoutes(context.selfId(), context.store(), access, runner, client, serving);
        routes.admin("POST", "/_taps/admin/repair", new Route.Unary(admin.repair(), AdminRoutes.MAX_REPAIR_BODY, null));
        routes.admin("GET", "/_taps/admin/digest", new Route.Unary(admin.digest(), 0, null));
        routes.report(new AntiEntropyReport(context.store(), history, metrics));
        if (cfg.enabled()) {
            Duration cooldown = Duration.ofMillis(Math.max(1_000, Math.min(60_000, cfg.interval().toMillis())));
            context.intake().addListener(new HoleWatcher(context.store(), context.timer(), HOLE_DELAY, cooldown,
                    scheduler::requestNow, context.clock()));
        }
        return new Installed(context, serving, runner, history, scheduler);
    }

    /** Starts the worker, unless {@code antientropy.enabled} is false. */
    public void start() {
        if (config.enabled()) {
            scheduler.start();
        }
    }

    /** See {@link RepairRunner#runAll}. */
    public CompletableFuture<List<RepairResult>> repair(String group, String peer) {
        return runner.runAll(group, peer, RepairResult.Trigger.ADMIN);
    }

    /** This relay's digest of {@code group}. */
    public GroupDigest digest(String group) {
        return GroupDigest.ofStates(group, context.selfId(), context.store().originStates(group));
    }

    /** Up to {@code n} repair results, newest first. */
    public List<RepairResult> latest(int n) {
        return history.latest(n);
    }

    @Override
    public void close() {
        scheduler.close();
        runner.close();
        serving.shutdownNow();
        try {
            serving.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
