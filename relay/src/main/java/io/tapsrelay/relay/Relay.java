package io.tapsrelay.relay;

import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.LocalPublisher;
import io.tapsrelay.relay.http.HttpServer;
import io.tapsrelay.relay.spi.RelayExtension;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.EventStore;
import io.tapsrelay.relay.stream.PeerDialer;
import io.tapsrelay.relay.stream.SessionRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

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

    Relay(RelayConfig config, RelayRuntime runtime, EventStore store, SigningKeys keys,
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

}
