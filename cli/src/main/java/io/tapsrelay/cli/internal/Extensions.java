package io.tapsrelay.cli.internal;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.relay.spi.RelayExtension;
import java.util.List;

/**
 * The extensions a relay started by {@code tapsrelay serve} runs with. The relay does not depend
 * on the modules that extend it; the command line depends on them all, so it wires them in here.
 */
public final class Extensions {
    private Extensions() {}

    /**
     * New instances, one set per relay start: anti-entropy (PROTOCOL.md §7: digest and checkpoint
     * endpoints, the repair worker, {@code POST /_taps/admin/repair}).
     */
    public static List<RelayExtension> standard() {
        return List.of(new AntiEntropy());
    }
}
