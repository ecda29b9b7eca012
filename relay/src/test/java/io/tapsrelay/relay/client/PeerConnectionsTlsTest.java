package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolNames;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.SelfSignedCertificate;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.NettyTransport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// Netty 4.2 deprecates SelfSignedCertificate in favour of a separate test artifact we do not
// depend on; for a loopback certificate it is exactly enough.
@SuppressWarnings("deprecation")
class PeerConnectionsTlsTest {
    private static SelfSignedCertificate cert;
    private static TestServer server;

    private final NettyTransport transport = new NettyTransport(1);

    @BeforeAll
    static void startServer() throws Exception {
        cert = new SelfSignedCertificate("localhost");
        SslContext serverTls = SslContextBuilder.forServer(cert.key(), cert.cert())
                .protocols("TLSv1.3")
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2))
                .build();
        server = TestServer.startTls("localhost", serverTls, new TestEndpoints());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        cert.delete();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void httpsRequestNegotiatesH2OverTlsWithATrustedCertificate() throws Exception {
        try (PeerConnections peers = new PeerConnections(transport, ClientTls.trusting(cert.cert()), Duration.ofSeconds(5))) {
            HttpResult r = peers.request(server.base(), "GET", "/echo/g!tls", Map.of(), new byte[0], 1024)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(200, r.status());
            assertEquals("/echo/g!tls", r.headers().get("x-seen-path"));
        }
    }

    @Test
    void defaultTlsContextUsesTheSystemTrustStoreAndRefusesAnUnknownCertificate() {
        try (PeerConnections peers = new PeerConnections(transport, null, Duration.ofSeconds(5))) {
            ExecutionException e = assertThrows(ExecutionException.class, () ->
                    peers.request(server.base(), "GET", "/echo/a", Map.of(), new byte[0], 1024).get(10, TimeUnit.SECONDS));
            PeerCallException p = assertInstanceOf(PeerCallException.class, e.getCause());
            assertEquals(Reason.UNREACHABLE, p.reason());
            assertTrue(p.getMessage().contains("TLS handshake with " + server.base()), p.getMessage());
            assertTrue(p.getMessage().contains("certification path"), p.getMessage());
        }
    }
}
