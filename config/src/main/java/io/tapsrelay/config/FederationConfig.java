package io.tapsrelay.config;

import io.tapsrelay.frames.validate.Ids;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who may federate with this relay and the limits it announces to them.
 *
 * @param mode {@code open} or {@code allow_list} (default: only configured peers)
 * @param requestSkew how far a signed request's timestamp may be from this relay's clock; default
 *     300 s
 * @param blocked server ids refused whatever the mode
 * @param maxConcurrentStreams HTTP/2 {@code SETTINGS_MAX_CONCURRENT_STREAMS}; default 100
 * @param maxMessageSize the longest frame line accepted, in bytes without the line feed; default
 *     16384, from {@value #MIN_MESSAGE_SIZE} to {@value #MAX_MESSAGE_SIZE}
 * @param supportedGroups group patterns this relay serves; default {@code ["*"]}
 */
public record FederationConfig(
        FederationMode mode,
        Duration requestSkew,
        List<String> blocked,
        int maxConcurrentStreams,
        int maxMessageSize,
        List<String> supportedGroups) {
    /** Smallest allowed {@code max_message_size}: a HELLO frame must always fit. */
    public static final int MIN_MESSAGE_SIZE = 1024;
    /** Largest allowed {@code max_message_size}: a frame line is buffered whole in memory. */
    public static final int MAX_MESSAGE_SIZE = 16 * 1024 * 1024;

    public static final Duration DEFAULT_REQUEST_SKEW = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16384;

    public FederationConfig {
        Objects.requireNonNull(mode, "mode");
        Checks.positive("request_skew", requestSkew);
        blocked = List.copyOf(blocked);
        for (String id : blocked) {
            if (!Ids.isServerId(id)) {
                throw new IllegalArgumentException("blocked entry is not a server id: '" + id + "'");
            }
        }
        if (maxConcurrentStreams < 1) {
            throw new IllegalArgumentException("max_concurrent_streams must be at least 1: " + maxConcurrentStreams);
        }
        if (maxMessageSize < MIN_MESSAGE_SIZE || maxMessageSize > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("max_message_size " + maxMessageSize + " is outside "
                    + MIN_MESSAGE_SIZE + ".." + MAX_MESSAGE_SIZE);
        }
        supportedGroups = Checks.groupPatterns("supported_groups", supportedGroups);
    }

    public static FederationConfig defaults() {
        return new FederationConfig(
                FederationMode.ALLOW_LIST,
                DEFAULT_REQUEST_SKEW,
                List.of(),
                DEFAULT_MAX_CONCURRENT_STREAMS,
                DEFAULT_MAX_MESSAGE_SIZE,
                List.of(GroupPatterns.ANY));
    }

    /** Whether {@code serverId} is on the block list. */
    public boolean isBlocked(String serverId) {
        return blocked.contains(serverId);
    }
}
