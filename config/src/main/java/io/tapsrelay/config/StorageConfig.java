package io.tapsrelay.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the relay keeps its data, and whether writes are synced to disk before they are
 * acknowledged. A relative path resolves against the working directory of the process.
 *
 * @param path the data directory; default {@code ./data}
 * @param sync sync every acknowledged write to disk; default true. Turning it off trades the
 *     protocol's "acknowledged is never lost" promise for speed and is meant for tests only.
 */
public record StorageConfig(Path path, boolean sync) {
    public static final Path DEFAULT_PATH = Path.of("./data");

    public StorageConfig {
        Objects.requireNonNull(path, "path");
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("storage path is empty");
        }
    }

    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_PATH, true);
    }
}
