package io.tapsrelay.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.config.AntiEntropyConfig;
import io.tapsrelay.config.ByteSizes;
import io.tapsrelay.config.ClientConfig;
import io.tapsrelay.config.CreditConfig;
import io.tapsrelay.config.FederationConfig;
import io.tapsrelay.config.HostPort;
import io.tapsrelay.config.KeepaliveConfig;
import io.tapsrelay.config.LimitsConfig;
import io.tapsrelay.config.LoggingConfig;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.config.SigningConfig;
import io.tapsrelay.config.StorageConfig;
import io.tapsrelay.config.TlsConfig;
import io.tapsrelay.frames.validate.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a YAML tree along {@link Schema} and builds a {@link RelayConfig}, reporting every problem
 * to {@link Problems}: the sections in file order, then the rules that span sections.
 */
public final class RelayConfigReader {
    private final Problems problems;

    private RelayConfigReader(Problems problems) {
        this.problems = problems;
    }

    /** The configuration in {@code root}, or null when {@code problems} has gained any. */
    public static RelayConfig read(JsonNode root, Problems problems) {
        return new RelayConfigReader(problems).read(Section.root(problems, root, Schema.ROOT));
    }

    private RelayConfig read(Section root) {
        int before = problems.count();
        String serverId = root.get("server_id", Kinds.serverId(), null);
        String publicUrl = root.get("public_url", Kinds.baseUrl(true), null);
        HostPort listen = root.get("listen", Kinds.hostPort(), RelayConfig.DEFAULT_LISTEN);
        HostPort adminListen = root.get("admin_listen", Kinds.hostPort(), RelayConfig.DEFAULT_ADMIN_LISTEN);
        if (listen != null && !root.has("server_id")) {
            serverId = defaultServerId(root, listen);
        }
        if (listen != null && adminListen != null && listen.equals(adminListen) && !listen.ephemeral()) {
            problems.add(root.path("admin_listen"), adminListen.toString(), "is the same address as listen",
                    "a separate address for the admin listener, such as 127.0.0.1:8449", null);
        }
        StorageConfig storage = SectionReaders.storage(root.child("storage", Schema.STORAGE), problems);
        TlsConfig tls = SectionReaders.tls(root.child("tls", Schema.TLS), problems);
        if (listen != null && tls != null && !root.has("public_url")) {
            publicUrl = RelayConfig.defaultPublicUrl(listen, tls.enabled());
        }
        FederationConfig federation = SectionReaders.federation(root.child("federation", Schema.FEDERATION), problems);
        List<PeerConfig> peers = peers(root.children("peers", Schema.PEER), serverId);
        Section creditSection = root.child("credit", Schema.CREDIT);
        CreditConfig credit = SectionReaders.credit(creditSection, problems);
        KeepaliveConfig keepalive = SectionReaders.keepalive(root.child("keepalive", Schema.KEEPALIVE), problems);
        SigningConfig signing = SectionReaders.signing(root.child("signing", Schema.SIGNING), problems);
        List<ClientConfig> clients = clients(root.children("clients", Schema.CLIENT));
        Section antiEntropySection = root.child("antientropy", Schema.ANTIENTROPY);
        AntiEntropyConfig antiEntropy = SectionReaders.antiEntropy(antiEntropySection, problems);
        LimitsConfig limits = SectionReaders.limits(root.child("limits", Schema.LIMITS), problems);
        LoggingConfig logging = SectionReaders.logging(root.child("logging", Schema.LOGGING), problems);
        if (federation != null) {
            checkFitsOneFrame(federation, creditSection, credit, antiEntropySection, antiEntropy);
        }
        if (problems.count() != before) {
            return null;
        }
        return new RelayConfig(serverId, publicUrl, listen, adminListen, storage, tls, federation, peers, credit,
                keepalive, signing, clients, antiEntropy, limits, logging);
    }

    private String defaultServerId(Section root, HostPort listen) {
        String fromListen = listen.toString();
        if (Ids.isServerId(fromListen)) {
            return fromListen;
        }
        problems.add(root.path("server_id"), null,
                "is not set, and the listen address '" + fromListen + "' is not a server id to default to",
                Kinds.SERVER_ID_EXPECTED, null);
        return null;
    }

    private List<PeerConfig> peers(List<Section> sections, String ownId) {
        int before = problems.count();
        List<PeerConfig> out = new ArrayList<>();
        Map<String, String> firstPath = new HashMap<>();
        for (Section s : sections) {
            int start = problems.count();
            String serverId = s.require("server_id", Kinds.serverId());
            if (serverId != null) {
                String path = s.path("server_id");
                if (serverId.equals(ownId)) {
                    problems.add(path, serverId, "is this relay's own server_id", "the server id of another relay", null);
                }
                String first = firstPath.putIfAbsent(serverId, path);
                if (first != null) {
                    problems.add(path, serverId, "is already listed as " + first, "each peer listed once", null);
                }
            }
            String url = s.require("url", Kinds.baseUrl(false));
            List<String> groups = s.list("groups", Kinds.groupPattern(), SectionReaders.ANY_GROUP, false);
            Boolean dial = s.get("dial", Kinds.bool(), true);
            Map<String, String> keys = s.map("keys", Kinds.keyId(), Kinds.publicKey());
            if (problems.count() == start) {
                out.add(new PeerConfig(serverId, url, groups, dial, keys));
            }
        }
        return problems.count() == before ? out : null;
    }

    private List<ClientConfig> clients(List<Section> sections) {
        int before = problems.count();
        List<ClientConfig> out = new ArrayList<>();
        Map<String, String> nameFirstPath = new HashMap<>();
        Map<String, String> tokenFirstPath = new HashMap<>();
        for (Section s : sections) {
            int start = problems.count();
            String name = s.require("name", Kinds.clientName());
            if (name != null) {
                String first = nameFirstPath.putIfAbsent(name, s.path("name"));
                if (first != null) {
                    problems.add(s.path("name"), name, "is already used by " + first, "each client name once", null);
                }
            }
            String token = s.require("token_sha256", Kinds.tokenSha256());
            if (token != null) {
                String first = tokenFirstPath.putIfAbsent(token, s.path("token_sha256"));
                if (first != null) {
                    problems.add(s.path("token_sha256"), null, "is the same as " + first,
                            "a separate token for each client, so each can be revoked alone", null);
                }
            }
            List<String> groups = s.list("groups", Kinds.groupPattern(), SectionReaders.ANY_GROUP, false);
            if (problems.count() == start) {
                out.add(new ClientConfig(name, token, groups));
            }
        }
        return problems.count() == before ? out : null;
    }

    // A window or answer smaller than one maximal frame would stall the stream or the repair.
    private void checkFitsOneFrame(FederationConfig federation, Section creditSection, CreditConfig credit,
            Section antiEntropySection, AntiEntropyConfig antiEntropy) {
        int max = federation.maxMessageSize();
        String need = "at least " + (max + 1L) + " bytes: federation.max_message_size ("
                + ByteSizes.format(max) + ") plus the line feed";
        if (credit != null && !credit.admitsFrameOf(max)) {
            problems.add(creditSection.path("window_bytes"),
                    shownSize(creditSection, "window_bytes", credit.windowBytes()),
                    "cannot hold one frame of federation.max_message_size", need, null);
        }
        if (antiEntropy != null && !antiEntropy.admitsFrameOf(max)) {
            problems.add(antiEntropySection.path("response_limit"),
                    shownSize(antiEntropySection, "response_limit", antiEntropy.responseLimit()),
                    "cannot hold one frame of federation.max_message_size", need, null);
        }
    }

    private static String shownSize(Section section, String key, long value) {
        String written = section.written(key);
        return written != null ? written : ByteSizes.format(value);
    }
}
