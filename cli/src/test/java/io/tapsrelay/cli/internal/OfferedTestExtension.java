package io.tapsrelay.cli.internal;

import io.tapsrelay.relay.spi.ExtensionRoutes;
import io.tapsrelay.relay.spi.RelayContext;
import io.tapsrelay.relay.spi.RelayExtension;

/** Offered through this module's test {@code META-INF/services}, so discovery has something to find. */
public final class OfferedTestExtension implements RelayExtension {
    @Override
    public void install(RelayContext context, ExtensionRoutes routes) {}
}
