package io.tapsrelay.relay;

import io.tapsrelay.config.ClientConfig;
import io.tapsrelay.config.FederationMode;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.endpoints.DiscoveryEndpoints;
import io.tapsrelay.relay.endpoints.SendEndpoint;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.KeyDirectory;
import io.tapsrelay.relay.engine.LocalPublisher;
import io.tapsrelay.relay.http.HttpServer;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.http.Route;
import io.tapsrelay.relay.http.Router;
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
    private final Path clientTokenFile;
    private final EventIntake intake;
    private final LocalPublisher publisher;
    private final DrainGate gate;
    private boolean closed;

    private Relay(RelayConfig config, RelayRuntime runtime, EventStore store, SigningKeys keys,
            SessionRegistry registry, PeerDialer dialer, HttpServer federation, Path clientTokenFile,
            EventIntake intake, LocalPublisher publisher, DrainGate gate) {
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
    }

    /** Starts a relay; on failure everything opened so far is closed again. */
    public static Relay start(RelayConfig config) throws IOException {
        return new RelayAssembly(config, Clock.systemUTC()).assemble();
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
        runtime.close();
        store.close();
        LOG.info(() -> "event=stopped server_id=" + config.serverId());
    }

    /** Builds a relay step by step, closing what was opened if a later step fails. */
    private static final class RelayAssembly {
        private final RelayConfig config;
        private final Clock clock;

        RelayAssembly(RelayConfig config, Clock clock) {
            this.config = config;
            this.clock = clock;
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
                runtime = new RelayRuntime(config);
                return wire(store, keys, tokenFile, localToken, runtime);
            } catch (IOException | RuntimeException e) {
                if (runtime != null) {
                    runtime.close();
                }
                store.close();
                throw e;
            }
        }

        private Relay wire(EventStore store, SigningKeys keys, Path tokenFile, String localToken, RelayRuntime rt) {
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
            Router router = Router.builder()
                    .route("GET", "/.well-known/taps/server", new Route.Unary(discovery.server(), 0, null))
                    .route("GET", "/_taps/federation/caps", new Route.Unary(discovery.caps(), 0, null))
                    .route("GET", "/_taps/federation/keys/current", new Route.Unary(discovery.keys(), 0, null))
                    .route("POST", groupPath + "stream", new Route.Streaming(
                            new StreamEndpoint(auth, rt.verifiers(), sessions), MediaTypes.FRAMES))
                    .route("POST", groupPath + "send", new Route.Unary(send, send.maxBodyBytes(), MediaTypes.FRAMES))
                    .build();
            DrainGate gate = new DrainGate();
            ServerOptions options = new ServerOptions("federation", config.federation().maxConcurrentStreams(),
                    1 << 20, Math.max(65_536, (int) send.maxBodyBytes()), null);
            HttpServer server = HttpServer.start(rt.transport(), config.listen().host(), config.listen().port(), options,
                    router, gate);
            Relay relay = new Relay(config, rt, store, keys, registry, dialer, server, tokenFile, intake, publisher,
                    gate);
            dialer.start();
            LOG.info(() -> "event=started server_id=" + self + " federation_url=" + relay.federationUrl()
                    + " store=" + config.storage().path().toAbsolutePath() + " sync=" + config.storage().sync());
            return relay;
        }
    }
}
