package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.cli.client.ClientTrust;
import io.tapsrelay.cli.client.EventSender;
import io.tapsrelay.cli.client.SendOutcome;
import io.tapsrelay.cli.client.SendRequest;
import io.tapsrelay.relay.Relay;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relays serving TLS 1.3 with ALPN h2 on the federation listener, and dialing each other over https. */
class TlsFederationIT {
    private static final long SEED = 0x7153_2026L;
    private static final Duration CONVERGE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private TestCertificates certs;

    @BeforeEach
    void makeCertificates() throws IOException {
        certs = TestCertificates.create(dir.resolve("tls"), SEED);
    }

    @Test
    void twoRelaysTrustingAPrivateCaFederateOverHttps() throws Exception {
        TestRelay a = tlsRelay("tls-a.test");
        TestRelay b = tlsRelay("tls-b.test");
        a.with("peers:\n" + httpsPeer(b, true));
        b.with("peers:\n" + httpsPeer(a, true));
        try (Relay ra = a.start(); Relay rb = b.start()) {
            assertEquals(https(a).toString(), ra.federationUrl());
            String token = Files.readString(ra.clientTokenFile()).strip();
            EventSender sender = new EventSender(Duration.ofSeconds(5), Duration.ofSeconds(10),
                    ClientTrust.trusting(certs.caFile(), "--ca-file"));
            SendOutcome outcome = sender.send(new SendRequest(https(a), token, "g!tls",
                    "over tls".getBytes(StandardCharsets.UTF_8), null, null));
            assertTrue(outcome instanceof SendOutcome.Acked, () -> "the client's https /send is acknowledged: " + outcome);
            Await.until("B stores A's event, received over https", CONVERGE,
                    () -> rb.store().get("g!tls", a.serverId, 1).isPresent());
            assertTrue(rb.sessions().sessions().stream().anyMatch(s -> s.peer().equals(a.serverId)),
                    "B holds a stream with A");
        }
    }

    @Test
    void aCleartextH2cConnectionToTheTlsPortGetsNoHttp2Answer() throws Exception {
        TestRelay a = tlsRelay("tls-plain.test");
        try (Relay ra = a.start(); Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", a.port), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            // The HTTP/2 connection preface and an empty SETTINGS frame: what an h2c client sends first.
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
            out.flush();
            byte[] answer = readUntilClosed(s.getInputStream());
            // Nothing but, at most, a TLS alert record (content type 21) comes back before the close.
            assertTrue(answer.length == 0 || answer[0] == 21,
                    "expected the connection closed without an HTTP/2 SETTINGS frame, got " + answer.length + " bytes");
        }
    }

    @Test
    void aClientLimitedToTls12IsRefused() throws Exception {
        TestRelay a = tlsRelay("tls-12.test");
        try (Relay ra = a.start()) {
            SSLContext context = ClientTrust.trusting(certs.caFile(), "ca");
            try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", a.port)) {
                s.setSoTimeout(10_000);
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                assertThrows(SSLException.class, s::startHandshake);
            }
        }
    }

    @Test
    void tls13HandshakeSelectsH2ByAlpn() throws Exception {
        TestRelay a = tlsRelay("tls-alpn.test");
        try (Relay ra = a.start()) {
            SSLContext context = ClientTrust.trusting(certs.caFile(), "ca");
            try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", a.port)) {
                s.setSoTimeout(10_000);
                SSLParameters params = s.getSSLParameters();
                params.setProtocols(new String[] {"TLSv1.3"});
                params.setApplicationProtocols(new String[] {"http/1.1", "h2"});
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
                s.startHandshake();
                assertEquals("TLSv1.3", s.getSession().getProtocol());
                assertEquals("h2", s.getApplicationProtocol());
            }
        }
    }

    @Test
    void aMissingCertificateFileIsAStartUpErrorNamingIt() throws Exception {
        Path missing = dir.resolve("no-such-cert.pem");
        TestRelay a = new TestRelay("tls-missing.test", dir)
                .with("tls:\n  cert: \"" + missing + "\"\n  key: \"" + certs.keyFile() + "\"\n");
        IOException e = assertThrows(IOException.class, a::start);
        assertTrue(e.getMessage().contains("tls.cert") && e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aKeyFileThatIsNotAPrivateKeyIsAStartUpErrorNamingIt() throws Exception {
        TestRelay a = new TestRelay("tls-badkey.test", dir)
                .with("tls:\n  cert: \"" + certs.certFile() + "\"\n  key: \"" + certs.caFile() + "\"\n");
        IOException e = assertThrows(IOException.class, a::start);
        assertTrue(e.getMessage().contains("tls.key") && e.getMessage().contains(certs.caFile().toString()),
                e.getMessage());
    }

    private TestRelay tlsRelay(String serverId) {
        return new TestRelay(serverId, dir).with("tls:\n  cert: \"" + certs.certFile() + "\"\n  key: \""
                + certs.keyFile() + "\"\n  ca_file: \"" + certs.caFile() + "\"\n");
    }

    private static URI https(TestRelay relay) {
        return URI.create("https://127.0.0.1:" + relay.port);
    }

    private static String httpsPeer(TestRelay other, boolean dial) {
        return "  - server_id: \"" + other.serverId + "\"\n    url: " + https(other) + "\n    dial: " + dial + "\n";
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketException reset) {
            return new byte[0];
        }
    }
}
