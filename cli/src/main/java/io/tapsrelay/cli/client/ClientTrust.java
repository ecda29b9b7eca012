package io.tapsrelay.cli.client;

import io.tapsrelay.relay.http.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts for the command line's calls to an {@code https} relay. */
public final class ClientTrust {
    private ClientTrust() {}

    /**
     * A context trusting only the CA certificates of a PEM bundle, such as the relay's
     * {@code tls.ca_file} or a private CA given with {@code --ca-file}.
     *
     * @param what how the file was named, for the message ({@code --ca-file}, {@code tls.ca_file})
     * @throws IOException when the file is missing, unreadable or holds no certificate
     */
    public static SSLContext trusting(Path caFile, String what) throws IOException {
        List<X509Certificate> roots = TlsContexts.readCertificates(caFile, what);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < roots.size(); i++) {
                store.setCertificateEntry("ca-" + i, roots.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(what + " " + caFile + ": cannot build a trust store from it: " + e.getMessage(), e);
        }
    }
}
