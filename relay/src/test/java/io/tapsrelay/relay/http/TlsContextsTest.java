package io.tapsrelay.relay.http;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingCertificateFileIsNamedWithItsConfigurationKey() {
        Path cert = dir.resolve("missing-cert.pem");
        IOException e = assertThrows(IOException.class, () -> TlsContexts.forServer(cert, dir.resolve("key.pem")));
        assertTrue(e.getMessage().startsWith("tls.cert " + cert + ": no such file"), e.getMessage());
    }

    @Test
    void aCertificateFileWithoutACertificateIsRefused() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        IOException e = assertThrows(IOException.class, () -> TlsContexts.forServer(cert, cert));
        assertTrue(e.getMessage().startsWith("tls.cert " + cert + ": "), e.getMessage());
    }

    @Test
    void aMissingCaFileIsNamedWithItsConfigurationKey() {
        Path ca = dir.resolve("ca.pem");
        IOException e = assertThrows(IOException.class, () -> TlsContexts.forPeers(ca));
        assertTrue(e.getMessage().startsWith("tls.ca_file " + ca + ": no such file"), e.getMessage());
    }

    @Test
    void noCaFileMeansTheDefaultTrustStore() throws IOException {
        assertNull(TlsContexts.forPeers(null));
    }
}
