package io.tapsrelay.it;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2HeadersFrame;
import io.grpc.netty.shaded.io.netty.util.ReferenceCountUtil;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One raw stream of a {@link RawPeer}: writes chosen bytes, records decoded frames and the end. */
final class RawStream {
    final CompletableFuture<Integer> status = new CompletableFuture<>();
    /** The response headers, lower-case names; complete before {@link #status} is. */
    final java.util.Map<String, String> responseHeaders = new java.util.concurrent.ConcurrentHashMap<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    final List<Frame> received = new CopyOnWriteArrayList<>();
    final StringBuilder rawBody = new StringBuilder();
    private volatile Channel channel;

    ChannelInboundHandlerAdapter handler() {
        NdjsonDecoder decoder = new NdjsonDecoder(1 << 20, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                received.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                throw new AssertionError("relay wrote an undecodable line: " + error);
            }
        });
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                channel = ctx.channel();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                try {
                    if (msg instanceof Http2HeadersFrame h && !status.isDone()) {
                        h.headers().forEach(e -> responseHeaders.put(e.getKey().toString().toLowerCase(
                                java.util.Locale.ROOT), e.getValue().toString()));
                        status.complete(Integer.parseInt(h.headers().status().toString()));
                        if (h.isEndStream()) {
                            ended.complete(null);
                        }
                    } else if (msg instanceof Http2DataFrame d) {
                        synchronized (rawBody) {
                            rawBody.append(d.content().toString(StandardCharsets.UTF_8));
                        }
                        if (status.isDone() && status.join() == 200) {
                            decoder.feed(d.content().nioBuffer());
                        }
                        if (d.isEndStream()) {
                            ended.complete(null);
                        }
                    }
                } finally {
                    ReferenceCountUtil.release(msg);
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                ended.complete(null);
            }
        };
    }

    int status() throws Exception {
        return status.get(10, TimeUnit.SECONDS);
    }

    void write(byte[]... lines) {
        for (byte[] line : lines) {
            channel.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(line), false));
        }
        channel.flush();
    }

    void end() {
        channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
    }

    /** Waits for the first received frame matching {@code p}. */
    Frame await(String what, Predicate<Frame> p) {
        Await.until(what, Duration.ofSeconds(10), () -> received.stream().anyMatch(p));
        return received.stream().filter(p).findFirst().orElseThrow();
    }

    /** Waits for an ERROR frame with {@code code}. */
    ErrorPayload awaitError(String code) {
        Frame f = await("ERROR " + code, fr -> fr.knownType() == FrameType.ERROR
                && ((ErrorPayload) fr.payload()).code().equals(code));
        return (ErrorPayload) f.payload();
    }

    /** Waits for an ACK through at least {@code sequence}. */
    void awaitAck(long sequence) {
        await("ACK through " + sequence, f -> f.knownType() == FrameType.ACK
                && ((io.tapsrelay.frames.Ack) f.payload()).throughSequence() >= sequence);
    }

    void awaitEnd() throws Exception {
        ended.get(10, TimeUnit.SECONDS);
    }

    long count(FrameType type) {
        return received.stream().filter(f -> f.knownType() == type).count();
    }
}
