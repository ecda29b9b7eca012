package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2SecurityUtil;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * Client TLS contexts for peer connections: TLS 1.3 (1.2 accepted), HTTP/2-approved cipher suites,
 * ALPN offering only {@code h2}, and hostname verification.
 */
public final class ClientTls {
    private ClientTls() {}

    /** Trusts the JVM's default trust store (the system CAs). */
    public static SslContext systemTrust() throws SSLException {
        return base().build();
    }

    /** Trusts only {@code roots}, e.g. a private federation CA or a test certificate. */
    public static SslContext trusting(X509Certificate... roots) throws SSLException {
        return base().trustManager(roots).build();
    }

    private static SslContextBuilder base() {
        return SslContextBuilder.forClient()
                .protocols("TLSv1.3", "TLSv1.2")
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .endpointIdentificationAlgorithm("HTTPS")
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2));
    }
}
