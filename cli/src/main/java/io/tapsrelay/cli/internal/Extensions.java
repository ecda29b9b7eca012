package io.tapsrelay.cli.internal;

import io.tapsrelay.relay.spi.RelayExtension;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The relay extensions on the class path (anti-entropy, for one), found through
 * {@link ServiceLoader}: a module offers one by naming its class in
 * {@code META-INF/services/io.tapsrelay.relay.spi.RelayExtension}. The command line depends on
 * every module, so this is where they are wired in without the relay depending on them; the shaded
 * jar merges the service files.
 */
public final class Extensions {
    private Extensions() {}

    /**
     * A new instance of every extension offered, in class path order.
     *
     * @throws java.util.ServiceConfigurationError when an offered extension cannot be made
     */
    public static List<RelayExtension> discover() {
        return ServiceLoader.load(RelayExtension.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
