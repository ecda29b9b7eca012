package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.NettyTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A connection whose peer went silent without closing it is found dead by PING, not by timeouts. */
class LivenessProbeTest {
    private static final Duration PROBE = Duration.ofMillis(200);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final long WAIT_SECONDS = 10;

    private final NettyTransport transport = new NettyTransport(2);
    private final PeerConnections peers =
            new PeerConnections(transport, null, Duration.ofSeconds(5), RESPONSE_TIMEOUT, PROBE);

    @AfterEach
    void tearDown() {
        peers.close();
        transport.close();
    }

    @Test
    void aConnectionWhosePeerStoppedAnsweringFailsItsCallWithinTwoProbeIntervalsAndTheNextCallDialsAfresh()
            throws Exception {
        try (SilentPeer peer = new SilentPeer()) {
            long start = System.nanoTime();
            CompletableFuture<HttpResult> call = peers.request(peer.base(), "GET", "/x", Map.of(), new byte[0], 1024);
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(WAIT_SECONDS, TimeUnit.SECONDS));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            PeerCallException failure = assertInstanceOf(PeerCallException.class, e.getCause());
            assertEquals(Reason.CONNECTION_LOST, failure.reason(), failure.getMessage());
            assertTrue(tookMs < RESPONSE_TIMEOUT.toMillis() / 10, "failed after " + tookMs + " ms");
            assertFalse(peers.isConnected(peer.base()));

            CompletableFuture<HttpResult> next = peers.request(peer.base(), "GET", "/y", Map.of(), new byte[0], 1024);
            assertThrows(ExecutionException.class, () -> next.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(2, peer.accepted(), "the second call went over a fresh connection");
        }
    }

    @Test
    void aPeerThatIsSlowToAnswerButAnswersPingsKeepsItsConnection() throws Exception {
        try (PeerConnections slowCalls = new PeerConnections(transport, null, Duration.ofSeconds(5),
                Duration.ofMillis(10 * PROBE.toMillis()), PROBE);
                TestServer server = TestServer.start(new TestEndpoints())) {
            CompletableFuture<HttpResult> call = slowCalls.request(server.base(), "GET", "/never", Map.of(), new byte[0], 1024);
            ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(WAIT_SECONDS, TimeUnit.SECONDS));

            PeerCallException failure = assertInstanceOf(PeerCallException.class, e.getCause());
            assertEquals(Reason.TIMEOUT, failure.reason(), "the PINGs were answered: " + failure.getMessage());
            assertTrue(slowCalls.isConnected(server.base()));
            assertEquals(200, slowCalls.request(server.base(), "GET", "/echo/again", Map.of(), new byte[0], 1024)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS).status());
            assertEquals(1, server.remotes().size(), "one connection all along");
        }
    }

    /**
     * Accepts connections, sends its HTTP/2 SETTINGS so the client takes the connection as ready,
     * then reads and drops everything and never writes again: a peer that keeps the socket open
     * but has stopped serving it.
     */
    private static final class SilentPeer implements AutoCloseable {
        private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};

        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentPeer() throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(this::acceptLoop, "silent-peer");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + listener.getLocalPort());
        }

        int accepted() {
            return sockets.size();
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = listener.accept();
                    sockets.add(s);
                    s.getOutputStream().write(EMPTY_SETTINGS);
                    s.getOutputStream().flush();
                    Thread drain = new Thread(() -> drain(s), "silent-peer-drain");
                    drain.setDaemon(true);
                    drain.start();
                }
            } catch (IOException closed) {
                // The listener was closed: the test is over.
            }
        }

        private static void drain(Socket s) {
            byte[] sink = new byte[4096];
            try (InputStream in = s.getInputStream()) {
                while (in.read(sink) >= 0) {
                    // Read so the client's writes never stall; answer nothing.
                }
            } catch (IOException closed) {
                // The client or the test closed the socket.
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
