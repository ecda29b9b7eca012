package io.tapsrelay.cli;

import io.tapsrelay.relay.RelayVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code tapsrelay --version}: {@code tapsrelay 0.1.0}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tapsrelay " + RelayVersion.VERSION};
    }
}
