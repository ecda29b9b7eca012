package io.tapsrelay.config;

import java.nio.file.Path;

/**
 * TLS for the federation listener, and the certificates trusted when dialing peers. All parts are
 * optional; the listener serves TLS when both a certificate and its key are set, and setting only
 * one of the two is an error. Relative paths resolve against the working directory.
 *
 * @param certFile PEM certificate chain of this relay, or null
 * @param keyFile PEM private key of that certificate, or null
 * @param caFile PEM bundle of CA certificates to trust for peers' TLS, or null for the JVM default
 */
public record TlsConfig(Path certFile, Path keyFile, Path caFile) {
    public TlsConfig {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("tls needs both cert and key, or neither");
        }
    }

    /** No TLS: cleartext h2c, default trust. */
    public static TlsConfig disabled() {
        return new TlsConfig(null, null, null);
    }

    /** Whether the federation listener serves TLS (certificate and key are set). */
    public boolean enabled() {
        return certFile != null;
    }
}
