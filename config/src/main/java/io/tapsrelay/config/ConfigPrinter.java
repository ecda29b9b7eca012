package io.tapsrelay.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prints the effective configuration as YAML with every key, defaults included: what {@code
 * tapsrelay config check} shows. {@link ConfigLoader#parse} reads the output back to an equal
 * {@link RelayConfig}.
 *
 * <p>Free-form strings are written double-quoted with JSON escapes, which YAML reads as the same
 * string whatever characters it holds; durations and sizes use their shortest exact form.
 */
public final class ConfigPrinter {
    private static final String INDENT = "  ";

    private ConfigPrinter() {}

    public static String toYaml(RelayConfig c) {
        StringBuilder out = new StringBuilder();
        out.append("# Effective configuration: every key, defaults included.\n");
        out.append("# Relative paths resolve against the working directory.\n");
        scalar(out, 0, "server_id", quoted(c.serverId()));
        scalar(out, 0, "public_url", quoted(c.publicUrl()));
        scalar(out, 0, "listen", quoted(c.listen().toString()));
        scalar(out, 0, "admin_listen", quoted(c.adminListen().toString()));

        section(out, "storage");
        scalar(out, 1, "path", path(c.storage().path()));
        scalar(out, 1, "sync", Boolean.toString(c.storage().sync()));

        section(out, "tls");
        scalar(out, 1, "cert", path(c.tls().certFile()));
        scalar(out, 1, "key", path(c.tls().keyFile()));
        scalar(out, 1, "ca_file", path(c.tls().caFile()));

        FederationConfig f = c.federation();
        section(out, "federation");
        scalar(out, 1, "mode", f.mode().yamlName());
        scalar(out, 1, "request_skew", Durations.format(f.requestSkew()));
        scalar(out, 1, "blocked", list(f.blocked()));
        scalar(out, 1, "max_concurrent_streams", Integer.toString(f.maxConcurrentStreams()));
        scalar(out, 1, "max_message_size", ByteSizes.format(f.maxMessageSize()));
        scalar(out, 1, "supported_groups", list(f.supportedGroups()));

        peers(out, c.peers());

        section(out, "credit");
        scalar(out, 1, "window_events", Integer.toString(c.credit().windowEvents()));
        scalar(out, 1, "window_bytes", ByteSizes.format(c.credit().windowBytes()));

        section(out, "keepalive");
        scalar(out, 1, "interval", Durations.format(c.keepalive().interval()));
        scalar(out, 1, "timeout", Durations.format(c.keepalive().timeout()));

        section(out, "signing");
        scalar(out, 1, "key_path", path(c.signing().keyPath()) + defaultKeyPathNote(c));
        scalar(out, 1, "rotation_interval", Durations.format(c.signing().rotationInterval()));

        clients(out, c.clients());

        AntiEntropyConfig ae = c.antiEntropy();
        section(out, "antientropy");
        scalar(out, 1, "enabled", Boolean.toString(ae.enabled()));
        scalar(out, 1, "interval", Durations.format(ae.interval()));
        scalar(out, 1, "jitter", Durations.format(ae.jitter()));
        scalar(out, 1, "response_limit", ByteSizes.format(ae.responseLimit()));
        scalar(out, 1, "max_concurrent", Integer.toString(ae.maxConcurrent()));

        LimitsConfig l = c.limits();
        section(out, "limits");
        scalar(out, 1, "peer_events_per_second", number(l.peerEventsPerSecond()));
        scalar(out, 1, "peer_bytes_per_second", ByteSizes.format(l.peerBytesPerSecond()));
        scalar(out, 1, "client_events_per_second", number(l.clientEventsPerSecond()));
        scalar(out, 1, "client_bytes_per_second", ByteSizes.format(l.clientBytesPerSecond()));
        scalar(out, 1, "max_streams_per_peer", Integer.toString(l.maxStreamsPerPeer()));
        scalar(out, 1, "quarantine_threshold", Integer.toString(l.quarantineThreshold()));
        scalar(out, 1, "quarantine_window", Durations.format(l.quarantineWindow()));

        section(out, "logging");
        scalar(out, 1, "format", c.logging().format());
        scalar(out, 1, "level", c.logging().level());
        return out.toString();
    }

    private static void peers(StringBuilder out, List<PeerConfig> peers) {
        if (peers.isEmpty()) {
            scalar(out, 0, "peers", "[]");
            return;
        }
        section(out, "peers");
        for (PeerConfig p : peers) {
            out.append(INDENT).append("- server_id: ").append(quoted(p.serverId())).append('\n');
            scalar(out, 2, "url", quoted(p.url()));
            scalar(out, 2, "groups", list(p.groups()));
            scalar(out, 2, "dial", Boolean.toString(p.dial()));
            if (p.keys().isEmpty()) {
                scalar(out, 2, "keys", "{}");
            } else {
                scalar(out, 2, "keys", "");
                for (Map.Entry<String, String> k : p.keys().entrySet()) {
                    out.append(INDENT.repeat(3)).append(quoted(k.getKey())).append(": ")
                            .append(quoted(k.getValue())).append('\n');
                }
            }
        }
    }

    private static void clients(StringBuilder out, List<ClientConfig> clients) {
        if (clients.isEmpty()) {
            scalar(out, 0, "clients", "[]");
            return;
        }
        section(out, "clients");
        for (ClientConfig cl : clients) {
            out.append(INDENT).append("- name: ").append(quoted(cl.name())).append('\n');
            scalar(out, 2, "token_sha256", quoted(cl.tokenSha256()));
            scalar(out, 2, "groups", list(cl.groups()));
        }
    }

    private static void section(StringBuilder out, String key) {
        out.append(key).append(":\n");
    }

    private static void scalar(StringBuilder out, int depth, String key, String yamlValue) {
        out.append(INDENT.repeat(depth)).append(key).append(':');
        if (!yamlValue.isEmpty()) {
            out.append(' ').append(yamlValue);
        }
        out.append('\n');
    }

    // A comment must stay on its line, so it is left out for a path with control characters.
    private static String defaultKeyPathNote(RelayConfig c) {
        if (c.signing().keyPath() != null) {
            return "";
        }
        String resolved = c.signing().resolvedKeyPath(c.storage()).toString();
        return resolved.chars().anyMatch(Character::isISOControl) ? "" : "  # default: " + resolved;
    }

    private static String path(Path p) {
        return p == null ? "null" : quoted(p.toString());
    }

    private static String list(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quoted(items.get(i)));
        }
        return out.append(']').toString();
    }

    // Plain decimal notation: no exponent, no trailing ".0", and Double's shortest exact digits.
    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
