package io.tapsrelay.relay.bench;

import io.tapsrelay.frames.validate.Ids;
import java.net.URI;
import java.util.Objects;

/**
 * A relay the load generator talks to.
 *
 * @param serverId its server id, the destination of signed requests
 * @param url its federation base URL, on loopback
 */
record RelayTarget(String serverId, URI url) {
    RelayTarget {
        Objects.requireNonNull(url, "url");
        if (!Ids.isServerId(serverId)) {
            throw new IllegalArgumentException("not a server id: " + serverId);
        }
    }
}
