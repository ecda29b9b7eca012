package io.tapsrelay.relay;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.tapsrelay.config.ClientConfig;
import io.tapsrelay.config.FederationMode;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.admin.AdminAuth;
import io.tapsrelay.relay.admin.AdminEndpoints;
import io.tapsrelay.relay.admin.KeyRotationEndpoint;
import io.tapsrelay.relay.admin.RelayReport;
import io.tapsrelay.relay.endpoints.DiscoveryEndpoints;
import io.tapsrelay.relay.endpoints.SendEndpoint;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.KeyDirectory;
import io.tapsrelay.relay.engine.LocalPublisher;
import io.tapsrelay.relay.http.HttpServer;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.Route;
import io.tapsrelay.relay.http.RequestGate;
import io.tapsrelay.relay.http.Router;
import io.tapsrelay.relay.metrics.StreamMetrics;
import io.tapsrelay.relay.metrics.StreamReport;
import io.tapsrelay.relay.spi.AdminReport;
import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import io.tapsrelay.relay.spi.RelayExtension;
import io.tapsrelay.relay.http.ServerOptions;
import io.tapsrelay.relay.http.TlsContexts;
import io.tapsrelay.relay.identity.ClientTokens;
import io.tapsrelay.relay.identity.FederationAccessPolicy;
import io.tapsrelay.relay.identity.KeyRotation;
import io.tapsrelay.relay.identity.LocalTokens;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.quota.PeerAdminEndpoints;
import io.tapsrelay.relay.quota.PeerQuarantine;
import io.tapsrelay.relay.quota.PeerQuotas;
import io.tapsrelay.relay.quota.QuarantinedStreams;
import io.tapsrelay.relay.quota.QuotaReport;
import io.tapsrelay.relay.quota.StreamLimit;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.store.RocksEventStore;
import io.tapsrelay.relay.stream.PeerDialer;
import io.tapsrelay.relay.stream.SessionFactory;
import io.tapsrelay.relay.stream.SessionRegistry;
import io.tapsrelay.relay.stream.SessionSettings;
import io.tapsrelay.relay.stream.StreamEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Builds a relay step by step, closing what was opened if a later step fails. */
final class RelayAssembly {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RelayAssembly.class.getName());

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
            SslContext serverTls = config.tls().enabled()
                    ? TlsContexts.forServer(config.tls().certFile(), config.tls().keyFile())
                    : null;
            runtime = new RelayRuntime(config);
            return wire(store, keys, tokenFile, localToken, adminTokenFile, adminToken, runtime, serverTls);
        } catch (IOException | RuntimeException e) {
            if (runtime != null) {
                runtime.close();
            }
            store.close();
            throw e;
        }
    }

    private Relay wire(EventStore store, SigningKeys keys, Path tokenFile, String localToken, Path adminTokenFile,
            String adminToken, RelayRuntime rt, SslContext serverTls) {
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
        PeerQuotas quotas = new PeerQuotas(config.limits(), config.federation().maxMessageSize() + 1L, System::nanoTime);
        PeerQuarantine quarantine = new PeerQuarantine(store, clock, config.limits().quarantineThreshold(),
                config.limits().quarantineWindow(), new QuarantinedStreams(registry));
        intake.addRejectionListener(quarantine);
        SessionSettings settings = new SessionSettings(self, DiscoveryEndpoints.PROTOCOL_VERSION,
                DiscoveryEndpoints.CAPABILITIES, config.federation().supportedGroups(),
                config.federation().maxMessageSize(), config.credit().windowEvents(), config.credit().windowBytes(),
                config.keepalive().interval(), config.keepalive().timeout());
        StreamMetrics streamMetrics = new StreamMetrics();
        SessionFactory sessions = new SessionFactory(settings, intake, store, rt.io(), registry, streamMetrics,
                quotas);
        PeerDialer dialer = new PeerDialer(self, config.peers(), config.federation().supportedGroups(), store,
                registry, sessions, rt::openStream, keys::current, rt.timer(), clock,
                id -> config.federation().isBlocked(id) || quarantine.isQuarantined(id));
        intake.addListener((group, events, from) -> dialer.groupStored(group));
        LocalPublisher publisher = new LocalPublisher(self, store, keys::current, rt.verifiers(), clock,
                List.of(registry, (group, events, from) -> dialer.groupStored(group)));

        Set<String> peerIds = config.peers().stream().map(PeerConfig::serverId).collect(Collectors.toSet());
        FederationAccessPolicy policy = new FederationAccessPolicy(config.federation().mode() == FederationMode.OPEN,
                peerIds, Set.copyOf(config.federation().blocked()), quarantine::isQuarantined);
        RequestAuthenticator auth = new RequestAuthenticator(self, policy, keyDirectory,
                config.federation().requestSkew(), clock);
        List<ClientTokens.Entry> clientEntries = config.clients().stream()
                .map((ClientConfig c) -> new ClientTokens.Entry(c.name(), c.tokenSha256(), c.groups()))
                .toList();
        ClientTokens clients = new ClientTokens(clientEntries, localToken);
        SendEndpoint send = new SendEndpoint(self, config.federation().maxMessageSize(), auth, clients, intake,
                publisher, rt.verifiers(), quotas);
        DiscoveryEndpoints discovery = new DiscoveryEndpoints(self, config.publicUrl(), Relay.SOFTWARE,
                config.federation().supportedGroups(), config.federation().maxMessageSize(), keys);
        String groupPath = "/_taps/federation/encrypted-groups/{groupId}/";
        Router.Builder federationRoutes = Router.builder()
                .route("GET", "/.well-known/taps/server", new Route.Unary(discovery.server(), 0, null))
                .route("GET", "/_taps/federation/caps", new Route.Unary(discovery.caps(), 0, null))
                .route("GET", "/_taps/federation/keys/current", new Route.Unary(discovery.keys(), 0, null))
                .route("POST", groupPath + "stream", new Route.Streaming(
                        new StreamEndpoint(auth, rt.verifiers(), sessions,
                                new StreamLimit(registry, config.limits().maxStreamsPerPeer())), MediaTypes.FRAMES))
                .route("POST", groupPath + "send", new Route.Unary(send, send.maxBodyBytes(), MediaTypes.FRAMES));
        AdminAuth adminAuth = new AdminAuth(adminToken);
        AdminEndpoints adminEndpoints = new AdminEndpoints(rt.io());
        adminEndpoints.add(new RelayReport(self, RelayVersion.VERSION, clock.millis(), store, registry,
                intake.counters()));
        adminEndpoints.add(new StreamReport(streamMetrics, registry, store));
        adminEndpoints.add(new QuotaReport(quotas, quarantine));
        Router.Builder adminRoutes = Router.builder()
                .route("GET", "/_taps/admin/status", new Route.Unary(adminAuth.guard(adminEndpoints.status()), 0, null))
                .route("GET", "/metrics", new Route.Unary(adminAuth.guard(adminEndpoints.metrics()), 0, null));
        PeerAdminEndpoints peerAdmin = new PeerAdminEndpoints(quarantine, rt.io());
        adminRoutes.route("GET", PeerAdminEndpoints.LIST, new Route.Unary(adminAuth.guard(peerAdmin.list()), 0, null))
                .route("POST", PeerAdminEndpoints.QUARANTINE,
                        new Route.Unary(adminAuth.guard(peerAdmin.quarantine()), 4096, null))
                .route("POST", PeerAdminEndpoints.RELEASE, new Route.Unary(adminAuth.guard(peerAdmin.release()), 1024, null));
        KeyRotation rotation = new KeyRotation(keys);
        adminRoutes.route("POST", "/_taps/admin/keys/rotate",
                new Route.Unary(adminAuth.guard(new KeyRotationEndpoint(rotation, rt.io())), 1024, null));
        RelayContext context = new RelayContext(self, config, store, intake, keys, rt.connections(), auth,
                rt.verifiers(), rt.timer(), registry, clock,
                id -> config.federation().isBlocked(id) || quarantine.isQuarantined(id));
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
                1 << 20, Math.max(65_536, (int) send.maxBodyBytes()), serverTls);
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
        // The timer dies with the runtime's, so the relay's close needs nothing more.
        rotation.start(rt.timer(), config.signing().rotationInterval());
        for (RelayExtension e : extensions) {
            e.start();
        }
        LOG.info(() -> "event=started server_id=" + self + " federation_url=" + relay.federationUrl()
                + " store=" + config.storage().path().toAbsolutePath() + " sync=" + config.storage().sync());
        return relay;
    }

    static Route guarded(AdminAuth auth, Route route) {
        if (route instanceof Route.Unary u) {
            return new Route.Unary(auth.guard(u.endpoint()), u.maxBodyBytes(), u.requiredContentType());
        }
        throw new IllegalArgumentException("admin routes are one-shot requests");
    }
}
