package io.tapsrelay.cli;

import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.RelayConfig;
import java.nio.file.Path;

/** The configuration a command runs with: the file given, or every default when none is. */
final class ConfigFiles {
    private ConfigFiles() {}

    /**
     * @param file the {@code --config} file, or null
     * @throws ConfigException when the file cannot be read or holds problems
     */
    static RelayConfig loadOrDefaults(Path file) throws ConfigException {
        return file == null ? RelayConfig.defaults() : ConfigLoader.load(file);
    }
}
