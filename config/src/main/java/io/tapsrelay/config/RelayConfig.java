package io.tapsrelay.config;

import io.tapsrelay.config.internal.BaseUrls;
import io.tapsrelay.frames.validate.Ids;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration of one relay. Immutable; every part is validated on construction,
 * including the rules that span sections:
 *
 * <ul>
 *   <li>{@code serverId} is a server id and {@code publicUrl} a base URL (port 0 allowed only here,
 *       for an ephemeral listener);
 *   <li>{@code listen} and {@code adminListen} differ, unless the port is ephemeral;
 *   <li>peer server ids are unique and none is this relay's own;
 *   <li>client names and token hashes are unique;
 *   <li>the credit window and the anti-entropy response limit each admit one maximal frame.
 * </ul>
 *
 * <p>Load one from YAML with {@link ConfigLoader}; print one with {@link ConfigPrinter}.
 */
public record RelayConfig(
        String serverId,
        String publicUrl,
        HostPort listen,
        HostPort adminListen,
        StorageConfig storage,
        TlsConfig tls,
        FederationConfig federation,
        List<PeerConfig> peers,
        CreditConfig credit,
        KeepaliveConfig keepalive,
        SigningConfig signing,
        List<ClientConfig> clients,
        AntiEntropyConfig antiEntropy,
        LimitsConfig limits,
        LoggingConfig logging) {
    public static final HostPort DEFAULT_LISTEN = new HostPort("127.0.0.1", 8448);
    public static final HostPort DEFAULT_ADMIN_LISTEN = new HostPort("127.0.0.1", 8449);

    public RelayConfig {
        Objects.requireNonNull(serverId, "serverId");
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("server id is not a server id: '" + serverId + "'");
        }
        publicUrl = BaseUrls.require("public url", publicUrl, true);
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(adminListen, "adminListen");
        if (listen.equals(adminListen) && !listen.ephemeral()) {
            throw new IllegalArgumentException("listen and admin_listen are both " + listen);
        }
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(federation, "federation");
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(antiEntropy, "antiEntropy");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(logging, "logging");
        peers = List.copyOf(peers);
        clients = List.copyOf(clients);
        checkPeers(serverId, peers);
        checkClients(clients);
        if (!credit.admitsFrameOf(federation.maxMessageSize())) {
            throw new IllegalArgumentException("credit window_bytes " + credit.windowBytes()
                    + " does not admit one frame of max_message_size " + federation.maxMessageSize() + " + 1");
        }
        if (!antiEntropy.admitsFrameOf(federation.maxMessageSize())) {
            throw new IllegalArgumentException("antientropy response_limit " + antiEntropy.responseLimit()
                    + " does not admit one frame of max_message_size " + federation.maxMessageSize() + " + 1");
        }
    }

    /**
     * Every default: server id {@code 127.0.0.1:8448}, public URL {@code http://127.0.0.1:8448},
     * federation on {@code 127.0.0.1:8448}, admin on {@code 127.0.0.1:8449}, data in {@code ./data},
     * no peers, no clients.
     */
    public static RelayConfig defaults() {
        return new RelayConfig(
                DEFAULT_LISTEN.toString(),
                defaultPublicUrl(DEFAULT_LISTEN, false),
                DEFAULT_LISTEN,
                DEFAULT_ADMIN_LISTEN,
                StorageConfig.defaults(),
                TlsConfig.disabled(),
                FederationConfig.defaults(),
                List.of(),
                CreditConfig.defaults(),
                KeepaliveConfig.defaults(),
                SigningConfig.defaults(),
                List.of(),
                AntiEntropyConfig.defaults(),
                LimitsConfig.defaults(),
                LoggingConfig.defaults());
    }

    /** The public URL used when none is configured: {@code http://} or {@code https://} plus listen. */
    public static String defaultPublicUrl(HostPort listen, boolean tls) {
        return (tls ? "https://" : "http://") + listen;
    }

    /** The configured peer with {@code serverId}, if any. */
    public Optional<PeerConfig> peer(String serverId) {
        for (PeerConfig p : peers) {
            if (p.serverId().equals(serverId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The configured client with {@code name}, if any. */
    public Optional<ClientConfig> client(String name) {
        for (ClientConfig c : clients) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public RelayConfig withServerId(String serverId) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withPublicUrl(String publicUrl) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    /** A copy listening on other addresses; the public URL is left as it is. */
    public RelayConfig withListen(HostPort listen, HostPort adminListen) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withStorage(StorageConfig storage) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withFederation(FederationConfig federation) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withPeers(List<PeerConfig> peers) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withClients(List<ClientConfig> clients) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withKeepalive(KeepaliveConfig keepalive) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withCredit(CreditConfig credit) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withAntiEntropy(AntiEntropyConfig antiEntropy) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    public RelayConfig withLimits(LimitsConfig limits) {
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    private static void checkPeers(String own, List<PeerConfig> peers) {
        Set<String> seen = new HashSet<>();
        for (PeerConfig p : peers) {
            if (p.serverId().equals(own)) {
                throw new IllegalArgumentException("peer " + own + " is this relay's own server id");
            }
            if (!seen.add(p.serverId())) {
                throw new IllegalArgumentException("peer " + p.serverId() + " is listed twice");
            }
        }
    }

    private static void checkClients(List<ClientConfig> clients) {
        Set<String> names = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (ClientConfig c : clients) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("client " + c.name() + " is listed twice");
            }
            if (!tokens.add(c.tokenSha256())) {
                throw new IllegalArgumentException("client " + c.name() + " shares its token with another client");
            }
        }
    }
}
