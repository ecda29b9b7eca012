package io.tapsrelay.config.internal;

import java.util.List;

/**
 * Every key of the configuration file, section by section, in the order they are documented and
 * printed. The walk may read only keys declared here; anything else in a file is reported.
 */
public final class Schema {
    public static final List<String> ROOT = List.of(
            "server_id", "public_url", "listen", "admin_listen", "storage", "tls", "federation", "peers",
            "credit", "keepalive", "signing", "clients", "antientropy", "limits", "logging");
    public static final List<String> STORAGE = List.of("path", "sync");
    public static final List<String> TLS = List.of("cert", "key", "ca_file");
    public static final List<String> FEDERATION = List.of(
            "mode", "request_skew", "blocked", "max_concurrent_streams", "max_message_size", "supported_groups");
    public static final List<String> PEER = List.of("server_id", "url", "groups", "dial", "keys");
    public static final List<String> CREDIT = List.of("window_events", "window_bytes");
    public static final List<String> KEEPALIVE = List.of("interval", "timeout");
    public static final List<String> SIGNING = List.of("key_path", "rotation_interval");
    public static final List<String> CLIENT = List.of("name", "token_sha256", "groups");
    public static final List<String> ANTIENTROPY = List.of(
            "enabled", "interval", "jitter", "response_limit", "max_concurrent");
    public static final List<String> LIMITS = List.of(
            "peer_events_per_second", "peer_bytes_per_second", "client_events_per_second",
            "client_bytes_per_second", "max_streams_per_peer", "quarantine_threshold", "quarantine_window");
    public static final List<String> LOGGING = List.of("format", "level");

    private Schema() {}
}
