/** Measurements for the admin listener's {@code /metrics}: histograms, per-code counters, lag. */
package io.tapsrelay.relay.metrics;
