package io.tapsrelay.config.internal;

import io.tapsrelay.config.AntiEntropyConfig;
import io.tapsrelay.config.CreditConfig;
import io.tapsrelay.config.Durations;
import io.tapsrelay.config.FederationConfig;
import io.tapsrelay.config.FederationMode;
import io.tapsrelay.config.GroupPatterns;
import io.tapsrelay.config.KeepaliveConfig;
import io.tapsrelay.config.LimitsConfig;
import io.tapsrelay.config.LoggingConfig;
import io.tapsrelay.config.SigningConfig;
import io.tapsrelay.config.StorageConfig;
import io.tapsrelay.config.TlsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the self-contained sections. Each method returns the section's record, or null when the
 * section had a problem (which is then already reported); rules within a section are checked only
 * once its values are valid, so one typo does not cascade into several reports.
 */
final class SectionReaders {
    static final Duration POSITIVE = Duration.ofMillis(1);
    static final List<String> ANY_GROUP = List.of(GroupPatterns.ANY);

    private SectionReaders() {}

    static StorageConfig storage(Section s, Problems problems) {
        int before = problems.count();
        Path path = s.get("path", Kinds.path(), StorageConfig.DEFAULT_PATH);
        Boolean sync = s.get("sync", Kinds.bool(), true);
        return problems.count() == before ? new StorageConfig(path, sync) : null;
    }

    static TlsConfig tls(Section s, Problems problems) {
        int before = problems.count();
        Path cert = s.get("cert", Kinds.path(), null);
        Path key = s.get("key", Kinds.path(), null);
        Path ca = s.get("ca_file", Kinds.path(), null);
        if (problems.count() != before) {
            return null;
        }
        if ((cert == null) != (key == null)) {
            String missing = cert == null ? "cert" : "key";
            String set = cert == null ? "key" : "cert";
            problems.add(s.path(missing), null, "is not set while " + s.path(set) + " is",
                    "both cert and key, or neither", null);
            return null;
        }
        return new TlsConfig(cert, key, ca);
    }

    static FederationConfig federation(Section s, Problems problems) {
        int before = problems.count();
        FederationMode mode = s.get("mode", modes(), FederationMode.ALLOW_LIST);
        Duration skew = s.get("request_skew", Kinds.duration(POSITIVE), FederationConfig.DEFAULT_REQUEST_SKEW);
        List<String> blocked = s.list("blocked", Kinds.serverId(), List.of(), true);
        Integer streams = s.get("max_concurrent_streams", Kinds.integer(1, Integer.MAX_VALUE),
                FederationConfig.DEFAULT_MAX_CONCURRENT_STREAMS);
        Integer maxMessage = s.get("max_message_size",
                Kinds.intSize(FederationConfig.MIN_MESSAGE_SIZE, FederationConfig.MAX_MESSAGE_SIZE),
                FederationConfig.DEFAULT_MAX_MESSAGE_SIZE);
        List<String> groups = s.list("supported_groups", Kinds.groupPattern(), ANY_GROUP, false);
        if (problems.count() != before) {
            return null;
        }
        return new FederationConfig(mode, skew, blocked, streams, maxMessage, groups);
    }

    static CreditConfig credit(Section s, Problems problems) {
        int before = problems.count();
        Integer events = s.get("window_events", Kinds.integer(1, Integer.MAX_VALUE), CreditConfig.DEFAULT_WINDOW_EVENTS);
        Long bytes = s.get("window_bytes", Kinds.size(1, Long.MAX_VALUE), CreditConfig.DEFAULT_WINDOW_BYTES);
        return problems.count() == before ? new CreditConfig(events, bytes) : null;
    }

    static KeepaliveConfig keepalive(Section s, Problems problems) {
        int before = problems.count();
        Duration interval = s.get("interval", Kinds.duration(POSITIVE), KeepaliveConfig.DEFAULT_INTERVAL);
        Duration timeout = s.get("timeout", Kinds.duration(POSITIVE), KeepaliveConfig.DEFAULT_TIMEOUT);
        if (problems.count() != before) {
            return null;
        }
        if (timeout.compareTo(interval) <= 0) {
            problems.add(s.path("timeout"), shown(s, "timeout", timeout),
                    "is not longer than " + s.path("interval") + " (" + shown(s, "interval", interval) + ")",
                    "a timeout longer than the interval, such as three intervals", null);
            return null;
        }
        return new KeepaliveConfig(interval, timeout);
    }

    static SigningConfig signing(Section s, Problems problems) {
        int before = problems.count();
        Path keyPath = s.get("key_path", Kinds.path(), null);
        Duration rotation = s.get("rotation_interval", Kinds.duration(POSITIVE), SigningConfig.DEFAULT_ROTATION_INTERVAL);
        return problems.count() == before ? new SigningConfig(keyPath, rotation) : null;
    }

    static AntiEntropyConfig antiEntropy(Section s, Problems problems) {
        int before = problems.count();
        Boolean enabled = s.get("enabled", Kinds.bool(), true);
        Duration interval = s.get("interval", Kinds.duration(POSITIVE), AntiEntropyConfig.DEFAULT_INTERVAL);
        Duration jitter = s.get("jitter", Kinds.duration(Duration.ZERO), AntiEntropyConfig.DEFAULT_JITTER);
        Long limit = s.get("response_limit", Kinds.size(1, Long.MAX_VALUE), AntiEntropyConfig.DEFAULT_RESPONSE_LIMIT);
        Integer concurrent = s.get("max_concurrent", Kinds.integer(1, Integer.MAX_VALUE),
                AntiEntropyConfig.DEFAULT_MAX_CONCURRENT);
        if (problems.count() != before) {
            return null;
        }
        if (jitter.compareTo(interval) > 0) {
            problems.add(s.path("jitter"), shown(s, "jitter", jitter),
                    "is longer than " + s.path("interval") + " (" + shown(s, "interval", interval) + ")",
                    "a jitter no longer than the interval", null);
            return null;
        }
        return new AntiEntropyConfig(enabled, interval, jitter, limit, concurrent);
    }

    static LimitsConfig limits(Section s, Problems problems) {
        int before = problems.count();
        Double peerEvents = s.get("peer_events_per_second", Kinds.rate(), 0.0);
        Long peerBytes = s.get("peer_bytes_per_second", Kinds.size(0, Long.MAX_VALUE), 0L);
        Double clientEvents = s.get("client_events_per_second", Kinds.rate(), 0.0);
        Long clientBytes = s.get("client_bytes_per_second", Kinds.size(0, Long.MAX_VALUE), 0L);
        Integer streams = s.get("max_streams_per_peer", Kinds.integer(1, Integer.MAX_VALUE),
                LimitsConfig.DEFAULT_MAX_STREAMS_PER_PEER);
        Integer threshold = s.get("quarantine_threshold", Kinds.integer(1, Integer.MAX_VALUE),
                LimitsConfig.DEFAULT_QUARANTINE_THRESHOLD);
        Duration window = s.get("quarantine_window", Kinds.duration(POSITIVE), LimitsConfig.DEFAULT_QUARANTINE_WINDOW);
        if (problems.count() != before) {
            return null;
        }
        return new LimitsConfig(peerEvents, peerBytes, clientEvents, clientBytes, streams, threshold, window);
    }

    static LoggingConfig logging(Section s, Problems problems) {
        int before = problems.count();
        String format = s.get("format", words("a log format", LoggingConfig.FORMATS), "text");
        String level = s.get("level", words("a log level", LoggingConfig.LEVELS), "info");
        return problems.count() == before ? new LoggingConfig(format, level) : null;
    }

    private static Kind<FederationMode> modes() {
        Map<String, FederationMode> byName = new LinkedHashMap<>();
        for (FederationMode m : FederationMode.values()) {
            byName.put(m.yamlName(), m);
        }
        return Kinds.oneOf("a federation mode", byName, List.copyOf(byName.keySet()));
    }

    private static Kind<String> words(String noun, List<String> words) {
        Map<String, String> byName = new LinkedHashMap<>();
        words.forEach(w -> byName.put(w, w));
        return Kinds.oneOf(noun, byName, words);
    }

    /** The value as the operator wrote it, or its canonical form when it is a default. */
    static String shown(Section s, String key, Duration value) {
        String written = s.written(key);
        return written != null ? written : Durations.format(value);
    }
}
