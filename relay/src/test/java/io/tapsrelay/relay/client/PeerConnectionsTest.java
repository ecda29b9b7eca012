package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.NettyTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerConnectionsTest {
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final long WAIT_SECONDS = 10;

    private final NettyTransport transport = new NettyTransport(2);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private PeerConnections peers = new PeerConnections(transport, null, CONNECT);

    @AfterEach
    void tearDown() throws Exception {
        peers.close();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        transport.close();
    }

    private TestServer server() {
        TestServer s = TestServer.start(new TestEndpoints());
        toClose.add(s);
        return s;
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static PeerCallException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(PeerCallException.class, e.getCause());
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            // Polls a condition the client updates from its event loop; the deadline bounds it.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void getRoundTripCarriesHeadersAndReturnsStatusTypeHeadersAndBody() throws Exception {
        TestServer server = server();
        HttpResult r = await(peers.request(server.base(), "GET", "/echo/a", Map.of("X-Test", "yes"), new byte[0], 1024));
        assertEquals(200, r.status());
        assertEquals("text/plain", r.contentType());
        assertEquals("GET", r.headers().get("x-seen-method"));
        assertEquals("yes", r.headers().get("x-seen-test"));
        assertEquals("hello", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void postRoundTripSendsTheBodyWithItsContentType() throws Exception {
        TestServer server = server();
        byte[] body = "{\"type\":\"HELLO\"}\n".getBytes(StandardCharsets.UTF_8);
        HttpResult r = await(peers.request(server.base(), "POST", "/echo/b",
                Map.of("content-type", MediaTypes.FRAMES), body, 1024));
        assertEquals(200, r.status());
        assertEquals(MediaTypes.FRAMES, r.contentType());
        assertEquals("POST", r.headers().get("x-seen-method"));
        assertArrayEquals(body, r.body());
    }

    @Test
    void pathIsSentExactlyAsGivenWithoutReencoding() throws Exception {
        TestServer server = server();
        String path = "/echo/g!team?since=01ARZ3NDEKTSV4RRFFQ69G5FAV&x=%2F";
        HttpResult r = await(peers.request(server.base(), "GET", path, Map.of(), new byte[0], 1024));
        assertEquals(path, r.headers().get("x-seen-path"));
    }

    @Test
    void manyConcurrentRequestsShareOneConnection() throws Exception {
        TestServer server = server();
        List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(peers.request(server.base(), "GET", "/echo/n" + i, Map.of(), new byte[0], 1024));
        }
        for (int i = 0; i < calls.size(); i++) {
            assertEquals("/echo/n" + i, await(calls.get(i)).headers().get("x-seen-path"));
        }
        assertEquals(1, server.remotes().size(), "connections seen: " + server.remotes());
        assertTrue(peers.isConnected(server.base()));
    }

    @Test
    void responseLargerThanTheAnnouncedLimitFailsAndNamesTheLimit() throws Exception {
        TestServer server = server();
        PeerCallException e = failure(peers.request(server.base(), "GET", "/big", Map.of(), new byte[0], 1000));
        assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().startsWith("response_too_large: "), e.getMessage());
        assertTrue(e.getMessage().contains(server.base() + "/big"), e.getMessage());
        assertTrue(e.getMessage().contains("max 1000"), e.getMessage());
    }

    @Test
    void streamedResponseWithoutLengthFailsOnceItCrossesTheLimitAndTheConnectionStaysUsable() throws Exception {
        TestServer server = server();
        long limit = TestEndpoints.CHUNK * 2L - 1;
        PeerCallException e = failure(peers.request(server.base(), "POST", "/chunks", Map.of(), new byte[0], limit));
        assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("max " + limit), e.getMessage());

        HttpResult ok = await(peers.request(server.base(), "POST", "/chunks", Map.of(), new byte[0],
                TestEndpoints.CHUNK * TestEndpoints.CHUNKS));
        assertEquals(TestEndpoints.CHUNK * TestEndpoints.CHUNKS, ok.body().length);
        assertEquals(1, server.remotes().size());
    }

    @Test
    void bulkResponseOfSeveralMegabytesArrivesIntact() throws Exception {
        TestServer server = server();
        HttpResult r = await(peers.request(server.base(), "GET", "/bulk", Map.of(), new byte[0], 8 << 20));
        assertArrayEquals(TestEndpoints.bulk(), r.body(), "seed " + TestEndpoints.BULK_SEED);
    }

    @Test
    void connectionRefusedFailsWithAnIoExceptionNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        PeerCallException e = failure(peers.request(base, "GET", "/echo/x", Map.of(), new byte[0], 1024));
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + port), e.getMessage());
        assertFalse(peers.isConnected(base));
    }

    @Test
    void requestAfterTheServerRestartsOnTheSamePortReconnects() throws Exception {
        TestServer first = TestServer.start(new TestEndpoints());
        URI base = first.base();
        try {
            assertEquals(200, await(peers.request(base, "GET", "/echo/1", Map.of(), new byte[0], 1024)).status());
        } finally {
            first.close();
        }
        awaitCondition(() -> !peers.isConnected(base), "the client saw the connection close");

        TestServer second = TestServer.start(first.port(), 100, new TestEndpoints());
        toClose.add(second);
        assertEquals(200, await(peers.request(base, "GET", "/echo/2", Map.of(), new byte[0], 1024)).status());
        assertEquals(1, second.remotes().size());
    }

    @Test
    void aPeerRestartedOnTheSamePortWhileRequestsWereInFlightIsReachedAgainAtOnce() throws Exception {
        // The peer's event loops stop while its connection is busy: several rounds, since whether a
        // loop is busy at that moment is up to the scheduler.
        for (int round = 0; round < 5; round++) {
            TestServer first = TestServer.start(new TestEndpoints());
            URI base = first.base();
            List<CompletableFuture<HttpResult>> inFlight = new ArrayList<>();
            try {
                assertEquals(200, await(peers.request(base, "GET", "/echo/1", Map.of(), new byte[0], 1024)).status());
                for (int i = 0; i < 5; i++) {
                    inFlight.add(peers.request(base, "GET", "/echo/busy" + i, Map.of(), new byte[0], 1024));
                }
            } finally {
                first.close();
            }
            awaitCondition(() -> !peers.isConnected(base), "round " + round + ": the client saw the connection close");
            for (CompletableFuture<HttpResult> f : inFlight) {
                f.handle((r, e) -> null).get(WAIT_SECONDS, TimeUnit.SECONDS); // answered or failed, never left hanging
            }

            try (TestServer second = TestServer.start(first.port(), 100, new TestEndpoints())) {
                HttpResult after = peers.request(base, "GET", "/echo/2", Map.of(), new byte[0], 1024)
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertEquals(200, after.status(), "round " + round);
                assertEquals(1, second.remotes().size(), "round " + round + ": a fresh connection");
            }
        }
    }

    @Test
    void goAwayDropsTheConnectionAndTheNextCallDialsAFreshOne() throws Exception {
        TestServer server = server();
        assertEquals(204, await(peers.request(server.base(), "POST", "/goaway", Map.of(), new byte[0], 1024)).status());
        assertEquals(200, await(peers.request(server.base(), "GET", "/echo/after", Map.of(), new byte[0], 1024)).status());
        assertEquals(2, server.remotes().size(), "connections seen: " + server.remotes());
    }

    @Test
    void stuckPeerFailsTheRequestWithTimeoutInsteadOfLeakingTheFuture() throws Exception {
        peers.close();
        peers = new PeerConnections(transport, null, CONNECT, Duration.ofMillis(300));
        TestServer server = server();
        PeerCallException e = failure(peers.request(server.base(), "GET", "/never", Map.of(), new byte[0], 1024));
        assertEquals(Reason.TIMEOUT, e.reason());
        assertTrue(e.getMessage().contains(server.base() + "/never"), e.getMessage());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
    }

    @Test
    void callBeyondThePeersConcurrentStreamLimitFailsClearly() throws Exception {
        TestServer server = TestServer.start(0, 1, new TestEndpoints());
        toClose.add(server);
        RecordingHandler held = new RecordingHandler();
        Http2StreamChannel stream = await(peers.openStream(server.base(), "/hold", Map.of(), held));
        assertEquals("200", held.nextHeaders().headers().status().toString());

        PeerCallException e = failure(peers.request(server.base(), "GET", "/echo/x", Map.of(), new byte[0], 1024));
        assertEquals(Reason.STREAM_LIMIT, e.reason());
        assertTrue(e.getMessage().contains("allows 1 concurrent streams"), e.getMessage());

        stream.close().sync();
        assertEquals(200, await(peers.request(server.base(), "GET", "/echo/x", Map.of(), new byte[0], 1024)).status());
    }

    @Test
    void openStreamExchangesDataFramesBothWays() throws Exception {
        TestServer server = server();
        RecordingHandler handler = new RecordingHandler();
        Http2StreamChannel stream = await(peers.openStream(server.base(), "/lines",
                Map.of("content-type", MediaTypes.FRAMES), handler));

        Http2HeadersFrame response = handler.nextHeaders();
        assertEquals("200", response.headers().status().toString());
        assertFalse(response.isEndStream());

        stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("one\ntw", StandardCharsets.UTF_8))).sync();
        assertEquals("echo one\n", handler.nextData());
        stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("o\nthree\n", StandardCharsets.UTF_8), true));
        StringBuilder rest = new StringBuilder();
        while (!handler.ended) {
            rest.append(handler.nextData());
        }
        assertEquals("echo two\necho three\n", rest.toString());
    }

    @Test
    void openStreamToAnUnreachablePeerFailsWithoutTouchingTheHandler() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RecordingHandler handler = new RecordingHandler();
        PeerCallException e = failure(peers.openStream(URI.create("http://127.0.0.1:" + port), "/lines", Map.of(), handler));
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertFalse(handler.added);
    }

    @Test
    void callsAfterCloseFailAsClosed() throws Exception {
        TestServer server = server();
        await(peers.request(server.base(), "GET", "/echo/a", Map.of(), new byte[0], 1024));
        peers.close();
        assertFalse(peers.isConnected(server.base()));
        PeerCallException e = failure(peers.request(server.base(), "GET", "/echo/a", Map.of(), new byte[0], 1024));
        assertEquals(Reason.CLOSED, e.reason());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        URI base = URI.create("http://127.0.0.1:1");
        assertThrows(IllegalArgumentException.class,
                () -> peers.request(base, "GET", "echo/a", Map.of(), new byte[0], 1024));
        assertThrows(IllegalArgumentException.class,
                () -> peers.request(base, "GET", "/echo/a", Map.of(":path", "/x"), new byte[0], 1024));
        assertThrows(IllegalArgumentException.class,
                () -> peers.request(base, "GET", "/echo/a", Map.of(), new byte[0], -1));
        assertThrows(IllegalArgumentException.class,
                () -> peers.request(URI.create("ftp://127.0.0.1"), "GET", "/", Map.of(), new byte[0], 1));
    }

    /** Records what a stream receives, for the test thread to take with a deadline. */
    static final class RecordingHandler extends ChannelInboundHandlerAdapter {
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        volatile boolean added;
        volatile boolean ended;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            added = true;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame headers) {
                    received.add(headers);
                } else if (msg instanceof Http2DataFrame data) {
                    String text = data.content().toString(StandardCharsets.UTF_8);
                    if (data.isEndStream()) {
                        ended = true;
                    }
                    received.add(text);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        Http2HeadersFrame nextHeaders() throws InterruptedException {
            Object o = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(o, "no response headers in time");
            return assertInstanceOf(Http2HeadersFrame.class, o);
        }

        String nextData() throws InterruptedException {
            Object o = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(o, "no DATA in time");
            return assertInstanceOf(String.class, o);
        }
    }
}
