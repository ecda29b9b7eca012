package io.tapsrelay.relay;

import io.tapsrelay.config.ClientConfig;
import io.tapsrelay.config.FederationMode;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.admin.AdminAuth;
import io.tapsrelay.relay.admin.AdminEndpoints;
import io.tapsrelay.relay.admin.RelayReport;
import io.tapsrelay.relay.endpoints.DiscoveryEndpoints;
import io.tapsrelay.relay.endpoints.SendEndpoint;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.KeyDirectory;
import io.tapsrelay.relay.engine.LocalPublisher;
import io.tapsrelay.relay.http.HttpServer;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.http.Route;
import io.tapsrelay.relay.http.RequestGate;
import io.tapsrelay.relay.http.Router;
import io.tapsrelay.relay.spi.AdminReport;
import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import io.tapsrelay.relay.spi.RelayExtension;
import io.tapsrelay.relay.http.ServerOptions;
import io.tapsrelay.relay.identity.ClientTokens;
import io.tapsrelay.relay.identity.FederationAccessPolicy;
import io.tapsrelay.relay.identity.LocalTokens;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.stream.PeerDialer;
import io.tapsrelay.relay.stream.SessionFactory;
import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.SessionSettings;
import io.tapsrelay.relay.stream.StreamEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One running relay: the composition root that opens the store and keys, wires the engine and
 * starts the listener and the dialer, and on {@link #close()} drains in order — peers told
 * {@code shutting_down}, in-flight writes finished, the store closed cleanly.
 */
public final class Relay implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Relay.class.getName());
    /** The software name and version announced in discovery. */
    public static final String SOFTWARE = "tapsrelay/" + RelayVersion.VERSION;

    private final RelayConfig config;
    private final RelayRuntime runtime;
    private final EventStore store;
    private final SigningKeys keys;
    private final SessionRegistry registry;
    private final PeerDialer dialer;
    private final HttpServer federation;
    private final HttpServer admin;
    private final Path adminTokenFile;
    private final List<RelayExtension> extensions;
    private final Path clientTokenFile;
    private final EventIntake intake;
    private final LocalPublisher publisher;
    private final DrainGate gate;
    private boolean closed;

    private Relay(RelayConfig config, RelayRuntime runtime, EventStore store, SigningKeys keys,
            SessionRegistry registry, PeerDialer dialer, HttpServer federation, Path clientTokenFile,
            EventIntake intake, LocalPublisher publisher, DrainGate gate, HttpServer admin, Path adminTokenFile,
            List<RelayExtension> extensions) {
        this.config = config;
        this.runtime = runtime;
        this.store = store;
        this.keys = keys;
        this.registry = registry;
        this.dialer = dialer;
        this.federation = federation;
        this.clientTokenFile = clientTokenFile;
        this.intake = intake;
        this.publisher = publisher;
        this.gate = gate;
        this.admin = admin;
        this.adminTokenFile = adminTokenFile;
        this.extensions = List.copyOf(extensions);
    }

    /** Starts a relay; on failure everything opened so far is closed again. */
    public static Relay start(RelayConfig config) throws IOException {
        return start(config, List.of());
    }

    /** Starts a relay with extensions (anti-entropy, for one), installed before it listens. */
    public static Relay start(RelayConfig config, List<RelayExtension> extensions) throws IOException {
        return new RelayAssembly(config, Clock.systemUTC(), extensions).assemble();
    }

    public String serverId() {
        return config.serverId();
    }

    public RelayConfig config() {
        return config;
    }

    /** The federation listener's bound address (the real port when the config asked for 0). */
    public InetSocketAddress federationAddress() {
        return federation.address();
    }

    /** Base URL of the federation listener as bound, e.g. {@code http://127.0.0.1:8448}. */
    public String federationUrl() {
        InetSocketAddress a = federationAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (config.tls().enabled() ? "https://" : "http://") + host + ":" + a.getPort();
    }

    /** The admin listener's bound address. */
    public InetSocketAddress adminAddress() {
        return admin.address();
    }

    /** Base URL of the admin listener as bound. */
    public String adminUrl() {
        InetSocketAddress a = adminAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The file holding the admin bearer token (§8). */
    public Path adminTokenFile() {
        return adminTokenFile;
    }

    /** The file holding the local client token, for scripts on this machine. */
    public Path clientTokenFile() {
        return clientTokenFile;
    }

    public EventStore store() {
        return store;
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    public SessionRegistry sessions() {
        return registry;
    }

    public EventIntake intake() {
        return intake;
    }

    public LocalPublisher publisher() {
        return publisher;
    }

    /** Drains and stops. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.begin();
        LOG.info(() -> "event=draining server_id=" + config.serverId());
        dialer.close();
        registry.drain();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!registry.sessions().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        federation.close();
        for (RelayExtension e : extensions) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.log(java.util.logging.Level.WARNING, "event=extension-close-failed", ex);
            }
        }
        admin.close();
        runtime.close();
        store.close();
        LOG.info(() -> "event=stopped server_id=" + config.serverId());
    }

    private static Route guarded(AdminAuth auth, Route route) {
        if (route instanceof Route.Unary u) {
            return new Route.Unary(auth.guard(u.endpoint()), u.maxBodyBytes(), u.requiredContentType());
        }
        throw new IllegalArgumentException("admin routes are one-shot requests");
    }

    /** Builds a relay step by step, closing what was opened if a later step fails. */
    private static final class RelayAssembly {
        private final RelayConfig config;
        private final Clock clock;
        private final List<RelayExtension> extensions;

        RelayAssembly(RelayConfig config, Clock clock, List<RelayExtension> extensions) {
            this.config = config;
            this.clock = clock;
            this.extensions = List.copyOf(extensions);
        }

        Relay assemble() throws IOException {
            Path dataDir = config.storage().path();
            Files.createDirectories(dataDir);
            if (!config.storage().sync()) {
                LOG.warning("event=storage-sync-off WARNING storage.sync is false: acknowledged events can be LOST "
                        + "on a crash or power failure. Turn it on for any relay whose data matters.");
            }
            EventStore store = RocksEventStore.open(dataDir.resolve("events"), config.storage().sync());
            RelayRuntime runtime = null;
            try {
                SigningKeys keys = SigningKeys.loadOrCreate(config.signing().resolvedKeyPath(config.storage()), clock,
                        config.signing().rotationInterval());
                Path tokenFile = dataDir.resolve("client-token");
                String localToken = LocalTokens.loadOrCreate(tokenFile);
                Path adminTokenFile = dataDir.resolve("admin-token");
                String adminToken = LocalTokens.loadOrCreate(adminTokenFile);
                runtime = new RelayRuntime(config);
                return wire(store, keys, tokenFile, localToken, adminTokenFile, adminToken, runtime);
            } catch (IOException | RuntimeException e) {
                if (runtime != null) {
                    runtime.close();
                }
                store.close();
                throw e;
            }
        }

        private Relay wire(EventStore store, SigningKeys keys, Path tokenFile, String localToken, Path adminTokenFile,
                String adminToken, RelayRuntime rt) {
            String self = config.serverId();
            Map<String, Map<String, byte[]>> pinned = new HashMap<>();
            for (PeerConfig p : config.peers()) {
                if (!p.keys().isEmpty()) {
                    Map<String, byte[]> raw = new HashMap<>();
                    p.keys().forEach((id, b64) -> raw.put(id, java.util.Base64.getDecoder().decode(b64)));
                    pinned.put(p.serverId(), raw);
                }
            }
            KeyDirectory keyDirectory = new KeyDirectory(self, keys, pinned,
                    id -> config.peer(id).map(PeerConfig::url), store, rt::fetch, rt.verifiers(), clock);
            EventIntake intake = new EventIntake(store, keyDirectory, rt.verifiers(), rt.cores());
            SessionRegistry registry = new SessionRegistry(self);
            intake.addListener(registry);
            SessionSettings settings = new SessionSettings(self, DiscoveryEndpoints.PROTOCOL_VERSION,
                    DiscoveryEndpoints.CAPABILITIES, config.federation().supportedGroups(),
                    config.federation().maxMessageSize(), config.credit().windowEvents(), config.credit().windowBytes(),
                    config.keepalive().interval(), config.keepalive().timeout());
            SessionFactory sessions = new SessionFactory(settings, intake, store, rt.io(), registry);
            PeerDialer dialer = new PeerDialer(self, config.peers(), config.federation().supportedGroups(), store,
                    registry, sessions, rt::openStream, keys::current, rt.timer(), clock);
            intake.addListener((group, events, from) -> dialer.nudge());
            LocalPublisher publisher = new LocalPublisher(self, store, keys::current, rt.verifiers(), clock,
                    List.of(registry, (group, events, from) -> dialer.nudge()));

            Set<String> peerIds = config.peers().stream().map(PeerConfig::serverId).collect(Collectors.toSet());
            FederationAccessPolicy policy = new FederationAccessPolicy(config.federation().mode() == FederationMode.OPEN,
                    peerIds, Set.copyOf(config.federation().blocked()), origin -> false);
            RequestAuthenticator auth = new RequestAuthenticator(self, policy, keyDirectory,
                    config.federation().requestSkew(), clock);
            List<ClientTokens.Entry> clientEntries = config.clients().stream()
                    .map((ClientConfig c) -> new ClientTokens.Entry(c.name(), c.tokenSha256(), c.groups()))
                    .toList();
            ClientTokens clients = new ClientTokens(clientEntries, localToken);
            SendEndpoint send = new SendEndpoint(self, config.federation().maxMessageSize(), auth, clients, intake,
                    publisher, rt.verifiers());
            DiscoveryEndpoints discovery = new DiscoveryEndpoints(self, config.publicUrl(), SOFTWARE,
                    config.federation().supportedGroups(), config.federation().maxMessageSize(), keys);
            String groupPath = "/_taps/federation/encrypted-groups/{groupId}/";
            Router.Builder federationRoutes = Router.builder()
                    .route("GET", "/.well-known/taps/server", new Route.Unary(discovery.server(), 0, null))
                    .route("GET", "/_taps/federation/caps", new Route.Unary(discovery.caps(), 0, null))
                    .route("GET", "/_taps/federation/keys/current", new Route.Unary(discovery.keys(), 0, null))
                    .route("POST", groupPath + "stream", new Route.Streaming(
                            new StreamEndpoint(auth, rt.verifiers(), sessions), MediaTypes.FRAMES))
                    .route("POST", groupPath + "send", new Route.Unary(send, send.maxBodyBytes(), MediaTypes.FRAMES));
            AdminAuth adminAuth = new AdminAuth(adminToken);
            AdminEndpoints adminEndpoints = new AdminEndpoints(rt.io());
            adminEndpoints.add(new RelayReport(self, RelayVersion.VERSION, clock.millis(), store, registry,
                    intake.counters()));
            Router.Builder adminRoutes = Router.builder()
                    .route("GET", "/_taps/admin/status", new Route.Unary(adminAuth.guard(adminEndpoints.status()), 0, null))
                    .route("GET", "/metrics", new Route.Unary(adminAuth.guard(adminEndpoints.metrics()), 0, null));
            RelayContext context = new RelayContext(self, config, store, intake, keys, rt.connections(), auth,
                    rt.verifiers(), rt.timer(), registry, clock);
            ExtensionRoutes routes = new ExtensionRoutes() {
                @Override
                public void federation(String method, String pattern, Route route) {
                    federationRoutes.route(method, pattern, route);
                }

                @Override
                public void admin(String method, String pattern, Route route) {
                    adminRoutes.route(method, pattern, guarded(adminAuth, route));
                }

                @Override
                public void report(AdminReport report) {
                    adminEndpoints.add(report);
                }
            };
            for (RelayExtension e : extensions) {
                e.install(context, routes);
            }
            DrainGate gate = new DrainGate();
            ServerOptions options = new ServerOptions("federation", config.federation().maxConcurrentStreams(),
                    1 << 20, Math.max(65_536, (int) send.maxBodyBytes()), null);
            HttpServer server = HttpServer.start(rt.transport(), config.listen().host(), config.listen().port(), options,
                    federationRoutes.build(), gate);
            HttpServer adminServer;
            try {
                adminServer = HttpServer.start(rt.transport(), config.adminListen().host(), config.adminListen().port(),
                        new ServerOptions("admin", 16, 1 << 20, 1 << 20, null), adminRoutes.build(), RequestGate.open());
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            Relay relay = new Relay(config, rt, store, keys, registry, dialer, server, tokenFile, intake, publisher,
                    gate, adminServer, adminTokenFile, extensions);
            dialer.start();
            for (RelayExtension e : extensions) {
                e.start();
            }
            LOG.info(() -> "event=started server_id=" + self + " federation_url=" + relay.federationUrl()
                    + " store=" + config.storage().path().toAbsolutePath() + " sync=" + config.storage().sync());
            return relay;
        }
    }
}
