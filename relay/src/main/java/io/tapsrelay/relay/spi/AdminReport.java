package io.tapsrelay.relay.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contribution to the admin status document and the Prometheus metrics. Thread-safe. */
public interface AdminReport {
    /** Adds fields to the status document's root. */
    void status(ObjectNode root);

    /** Appends Prometheus text-format lines (with {@code # HELP} and {@code # TYPE}). */
    void metrics(StringBuilder out);
}
