package io.tapsrelay.relay.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.client.PeerCallException;
import io.tapsrelay.relay.client.PeerConnections;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a listener closes the connections it accepted, while the event loops still run: a peer
 * must see the close at once, not keep a connection that answers nothing.
 */
class HttpServerCloseTest {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};
    private static final int FRAME_HEADER = 9;
    private static final int SETTINGS = 4;
    private static final int GOAWAY = 7;
    private static final int ACK_FLAG = 1;
    private static final int WAIT_MS = 5_000;

    private final NettyTransport transport = new NettyTransport(1);
    private final CountDownLatch requestArrived = new CountDownLatch(1);
    private final HttpServer server = HttpServer.start(transport, "127.0.0.1", 0,
            new ServerOptions("test", 100, 1 << 20, 1 << 20, null), router(), head -> {
                requestArrived.countDown();
                return Optional.empty();
            });

    @AfterEach
    void tearDown() {
        server.close();
        transport.close();
    }

    @Test
    void closingTheListenerSendsGoAwayAndClosesAnIdleConnectionItAccepted() throws Exception {
        try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            peer.setSoTimeout(WAIT_MS);
            peer.getOutputStream().write(PREFACE);
            peer.getOutputStream().write(EMPTY_SETTINGS);
            peer.getOutputStream().flush();
            InputStream in = peer.getInputStream();
            // Closed while our SETTINGS were still unread, the socket would be reset, not closed.
            readUntilSettingsAck(in);
            assertEquals(1, server.openConnections());

            server.close();

            byte[] rest = readToEnd(in);
            assertTrue(containsFrameOfType(rest, GOAWAY), "GOAWAY before the close");
            assertEquals(0, server.openConnections());
        }
    }

    @Test
    void closingTheListenerClosesAConnectionWhoseStreamNeverFinishesWithinTheGrace() throws Exception {
        try (PeerConnections client = new PeerConnections(transport, null, Duration.ofSeconds(5))) {
            URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
            CompletableFuture<HttpResult> stuck = client.request(base, "GET", "/never", Map.of(), new byte[0], 1024);
            assertTrue(requestArrived.await(WAIT_MS, TimeUnit.MILLISECONDS), "the request reached the server");

            long start = System.nanoTime();
            server.close();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            ExecutionException e = assertThrows(ExecutionException.class, () -> stuck.get(WAIT_MS, TimeUnit.MILLISECONDS));
            PeerCallException failure = assertInstanceOf(PeerCallException.class, e.getCause());
            assertEquals(PeerCallException.Reason.CONNECTION_LOST, failure.reason(), failure.getMessage());
            assertTrue(tookMs < 3 * HttpServer.CLOSE_GRACE.toMillis(), "close took " + tookMs + " ms");
            assertEquals(0, server.openConnections());
        }
    }

    private static Router router() {
        return Router.builder()
                .route("GET", "/never", new Route.Unary((head, body) -> new CompletableFuture<>(), 1024, null))
                .build();
    }

    /** Reads the server's frames until it acknowledges our SETTINGS: it has read all we sent. */
    private static void readUntilSettingsAck(InputStream in) throws IOException {
        while (true) {
            byte[] header = in.readNBytes(FRAME_HEADER);
            assertEquals(FRAME_HEADER, header.length, "the server closed before acknowledging our SETTINGS");
            int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            assertEquals(length, in.readNBytes(length).length);
            if ((header[3] & 0xff) == SETTINGS && (header[4] & ACK_FLAG) != 0) {
                return;
            }
        }
    }

    /** Everything until the server closes; fails if it has not closed within the socket timeout. */
    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was still open " + WAIT_MS + " ms after close()", e);
        }
        return all.toByteArray();
    }

    private static boolean containsFrameOfType(byte[] frames, int type) {
        int at = 0;
        while (at + FRAME_HEADER <= frames.length) {
            int length = ((frames[at] & 0xff) << 16) | ((frames[at + 1] & 0xff) << 8) | (frames[at + 2] & 0xff);
            if ((frames[at + 3] & 0xff) == type) {
                return true;
            }
            at += FRAME_HEADER + length;
        }
        return false;
    }
}
