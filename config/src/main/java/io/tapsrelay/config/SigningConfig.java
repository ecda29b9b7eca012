package io.tapsrelay.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * This relay's Ed25519 signing key.
 *
 * @param keyPath PEM file of the current key, or null for {@code <storage.path>/signing-key.pem}
 * @param rotationInterval how long a key signs before a new one replaces it; default 30 days
 */
public record SigningConfig(Path keyPath, Duration rotationInterval) {
    public static final String DEFAULT_KEY_FILE = "signing-key.pem";
    public static final Duration DEFAULT_ROTATION_INTERVAL = Duration.ofDays(30);

    public SigningConfig {
        if (keyPath != null && keyPath.toString().isEmpty()) {
            throw new IllegalArgumentException("signing key_path is empty");
        }
        Checks.positive("signing rotation_interval", rotationInterval);
    }

    public static SigningConfig defaults() {
        return new SigningConfig(null, DEFAULT_ROTATION_INTERVAL);
    }

    /** The key file: {@code keyPath}, or {@value #DEFAULT_KEY_FILE} in the storage directory. */
    public Path resolvedKeyPath(StorageConfig storage) {
        Objects.requireNonNull(storage, "storage");
        return keyPath != null ? keyPath : storage.path().resolve(DEFAULT_KEY_FILE);
    }
}
