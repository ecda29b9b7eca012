package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.tapsrelay.relay.client.ClientTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The federation listener's TLS (PROTOCOL.md §2): TLS 1.3 only, ALPN offering {@code h2} only,
 * from a PEM certificate chain and a PEM PKCS#8 private key. BoringSSL (netty-tcnative, bundled
 * with the shaded Netty) when it loads on this platform, the JDK's provider otherwise.
 */
public final class TlsContexts {
    /** The only protocol version the listener accepts. */
    public static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {}

    /**
     * A server context for the federation listener.
     *
     * @throws IOException when a file is missing or unreadable, or holds no certificate or no usable
     *     private key; the message names the file and the configuration key ({@code tls.cert},
     *     {@code tls.key})
     */
    public static SslContext forServer(Path certFile, Path keyFile) throws IOException {
        readCertificates(certFile, "tls.cert");
        requireReadable(keyFile, "tls.key");
        try {
            return SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile())
                    .sslProvider(provider())
                    .protocols(PROTOCOL)
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            // A client that offers no h2 gets no protocol selected and is closed.
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2))
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            // The chain parsed above, so a failure here is the key (or a key that does not match it).
            throw new IOException("tls.key " + keyFile + ": cannot use it with the certificate " + certFile
                    + " (a PEM PKCS#8 \"PRIVATE KEY\" of that certificate is needed): " + rootMessage(e), e);
        }
    }

    /**
     * The client context for dialing {@code https} peers: trusting only the CAs of {@code caFile}
     * when it is set ({@code tls.ca_file}), or null for the JVM's default trust store (the
     * connection pool builds that one on first use).
     *
     * @throws IOException when the CA file is missing, unreadable or holds no certificate
     */
    public static SslContext forPeers(Path caFile) throws IOException {
        if (caFile == null) {
            return null;
        }
        return ClientTls.trusting(readCertificates(caFile, "tls.ca_file").toArray(X509Certificate[]::new));
    }

    /**
     * The X.509 certificates of a PEM file (a chain or a CA bundle), in file order.
     *
     * @param configKey the configuration key that named the file, for the message
     * @throws IOException when the file is missing, unreadable, or holds no certificate
     */
    public static List<X509Certificate> readCertificates(Path file, String configKey) throws IOException {
        requireReadable(file, configKey);
        List<X509Certificate> certs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var c : factory.generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new IOException(configKey + " " + file + ": not a PEM certificate file: " + rootMessage(e), e);
        }
        if (certs.isEmpty()) {
            throw new IOException(configKey + " " + file + ": holds no PEM certificate");
        }
        return List.copyOf(certs);
    }

    private static void requireReadable(Path file, String configKey) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(configKey + " " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(configKey + " " + file + ": not readable by this process");
        }
    }

    private static SslProvider provider() {
        return OpenSsl.isAvailable() && SslProvider.isTlsv13Supported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
