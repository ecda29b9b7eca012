/**
 * The relay's configuration: immutable records that validate themselves, the YAML loader that
 * reports every problem of a file at once, and the printer of the effective configuration.
 *
 * <p>Every record checks its invariants in its compact constructor and throws {@link
 * IllegalArgumentException} (or {@link NullPointerException} for a missing required part), so a
 * {@link io.tapsrelay.config.RelayConfig} built in code is as trustworthy as one loaded from a
 * file. Files go through {@link io.tapsrelay.config.ConfigLoader}, which checks the same rules
 * first and reports them as {@link io.tapsrelay.config.ConfigProblem}s with key paths.
 */
package io.tapsrelay.config;
