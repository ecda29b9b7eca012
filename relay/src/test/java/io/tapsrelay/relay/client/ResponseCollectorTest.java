package io.tapsrelay.relay.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.embedded.EmbeddedChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import io.tapsrelay.relay.http.HttpResult;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ResponseCollectorTest {
    private static final String URL = "http://127.0.0.1:8448/x";

    private final CompletableFuture<HttpResult> result = new CompletableFuture<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new ResponseCollector(URL, 10, result));

    private static DefaultHttp2HeadersFrame headers(String status, boolean end) {
        Http2Headers h = new DefaultHttp2Headers().status(status);
        h.set("content-type", "application/json");
        h.set("retry-after", "3");
        return new DefaultHttp2HeadersFrame(h, end);
    }

    private static DefaultHttp2DataFrame data(String text, boolean end) {
        return new DefaultHttp2DataFrame(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), end);
    }

    private PeerCallException failure() {
        ExecutionException e = assertThrows(ExecutionException.class, result::get);
        return assertInstanceOf(PeerCallException.class, e.getCause());
    }

    @Test
    void bodyInSeveralDataFramesIsJoinedAndHeadersKept() throws Exception {
        channel.writeInbound(headers("429", false), data("{\"a\"", false), data(":1}", true));
        HttpResult r = result.get();
        assertEquals(429, r.status());
        assertEquals("application/json", r.contentType());
        assertEquals("3", r.headers().get("retry-after"));
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), r.body());
    }

    @Test
    void headersThatEndTheStreamGiveAnEmptyBody() throws Exception {
        channel.writeInbound(headers("204", true));
        assertEquals(0, result.get().body().length);
    }

    @Test
    void informationalHeadersAreSkippedAndTrailersEndTheResponse() throws Exception {
        channel.writeInbound(headers("100", false), headers("200", false), data("ok", false),
                new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().set("x-trailer", "1"), true));
        HttpResult r = result.get();
        assertEquals(200, r.status());
        assertNull(r.headers().get("x-trailer"));
        assertEquals("ok", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void bodyCrossingTheLimitFailsReleasesTheFrameAndClosesTheStream() {
        ByteBuf big = Unpooled.copiedBuffer("0123456789A", StandardCharsets.UTF_8);
        channel.writeInbound(headers("200", false), new DefaultHttp2DataFrame(big, true));
        PeerCallException e = failure();
        assertEquals(Reason.RESPONSE_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("11 so far) > max 10"), e.getMessage());
        assertEquals(0, big.refCnt());
        assertFalse(channel.isOpen());
    }

    @Test
    void resetStreamFailsWithTheErrorName() {
        channel.writeInbound(headers("200", false));
        channel.pipeline().fireUserEventTriggered(new DefaultHttp2ResetFrame(Http2Error.REFUSED_STREAM));
        PeerCallException e = failure();
        assertEquals(Reason.STREAM_RESET, e.reason());
        assertTrue(e.getMessage().contains("REFUSED_STREAM"), e.getMessage());
    }

    @Test
    void streamClosingEarlyFailsAsConnectionLost() {
        channel.writeInbound(headers("200", false), data("par", false));
        channel.close();
        PeerCallException e = failure();
        assertEquals(Reason.CONNECTION_LOST, e.reason());
        assertTrue(e.getMessage().contains(URL), e.getMessage());
    }

    @Test
    void statusThatIsNotThreeDigitsIsABadResponse() {
        channel.writeInbound(headers("2000", true));
        assertEquals(Reason.BAD_RESPONSE, failure().reason());
    }

    @Test
    void dataBeforeHeadersIsABadResponse() {
        channel.writeInbound(data("x", true));
        assertEquals(Reason.BAD_RESPONSE, failure().reason());
    }
}
