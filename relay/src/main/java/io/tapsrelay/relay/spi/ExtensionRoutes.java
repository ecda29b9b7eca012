package io.tapsrelay.relay.spi;

import io.tapsrelay.relay.http.Route;

/** Where an extension adds endpoints and report sections. */
public interface ExtensionRoutes {
    /** A route on the federation listener (peers), e.g. {@code GET …/{groupId}/digest}. */
    void federation(String method, String pattern, Route route);

    /** A route on the admin listener (operators, bearer token checked by the relay). */
    void admin(String method, String pattern, Route route);

    /** A section of {@code GET /_taps/admin/status} and lines of {@code GET /metrics}. */
    void report(AdminReport report);
}
