package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFuture;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import java.util.Map;

/** Writes responses on an HTTP/2 stream channel. */
public final class Http2Responses {
    private Http2Responses() {}

    /** Response headers for {@code status} with a content type and extra headers. */
    public static Http2Headers headers(int status, String contentType, Map<String, String> extra) {
        Http2Headers h = new DefaultHttp2Headers().status(Integer.toString(status));
        if (contentType != null) {
            h.set("content-type", contentType);
        }
        extra.forEach(h::set);
        return h;
    }

    /** Writes a complete response and ends the stream. */
    public static ChannelFuture write(Channel stream, HttpResult result) {
        Http2Headers h = headers(result.status(), result.contentType(), result.headers());
        h.setInt("content-length", result.body().length);
        if (result.body().length == 0) {
            return stream.writeAndFlush(new DefaultHttp2HeadersFrame(h, true));
        }
        stream.write(new DefaultHttp2HeadersFrame(h, false));
        return stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(result.body()), true));
    }
}
