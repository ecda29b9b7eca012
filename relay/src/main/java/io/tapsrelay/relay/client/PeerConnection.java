package io.tapsrelay.relay.client;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFuture;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Connection;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Error;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Exception;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodec;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2Headers;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2LocalFlowController;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2NoMoreStreamIdsException;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.grpc.netty.shaded.io.netty.util.concurrent.Future;
import io.tapsrelay.relay.client.PeerCallException.Reason;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One HTTP/2 connection to one peer, from the connect attempt to its end. It is ready once the
 * peer's first SETTINGS frame is in (so its stream limit is known before the first stream), and
 * gone once it closed, was refused, or the peer sent GOAWAY; a gone connection tells its owner,
 * which then dials a fresh one for the next call.
 *
 * <p>Threading: state flags are volatile; streams are opened on the connection's event loop.
 */
final class PeerConnection {
    private static final Logger LOG = Logger.getLogger(PeerConnection.class.getName());

    private final PeerAddress address;
    private final Consumer<PeerConnection> onGone;
    private final CompletableFuture<PeerConnection> ready = new CompletableFuture<>();
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile Channel channel;
    private volatile Http2FrameCodec codec;
    private volatile boolean closeRequested;

    PeerConnection(PeerAddress address, Consumer<PeerConnection> onGone) {
        this.address = address;
        this.onGone = onGone;
    }

    PeerAddress address() {
        return address;
    }

    /** Completes with this connection once HTTP/2 is set up, or fails with a {@link PeerCallException}. */
    CompletableFuture<PeerConnection> ready() {
        return ready;
    }

    /** The socket channel exists; called from its initializer. */
    void attach(Channel ch) {
        channel = ch;
        // close() may have run before the channel existed; it cannot see it, so look here.
        if (closeRequested) {
            ch.close();
        }
    }

    /** The HTTP/2 codec is in the pipeline; called on the event loop. */
    void http2Wired(Http2FrameCodec http2) {
        codec = http2;
    }

    /** The peer's SETTINGS arrived: streams may start. */
    void settingsReceived() {
        if (ready.complete(this)) {
            LOG.info(() -> "event=peer-connected peer=" + address + " remote=" + channel.remoteAddress());
        }
    }

    /** Ends the connection (or the attempt) with {@code error}; later calls dial afresh. */
    void abandon(PeerCallException error) {
        if (ready.completeExceptionally(error)) {
            LOG.log(Level.FINE, "event=peer-connect-failed peer=" + address, error);
        }
        markGone(error.getMessage());
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /** No new stream may start here: closed, or the peer sent GOAWAY; streams in flight go on. */
    void markGone(String why) {
        if (gone.compareAndSet(false, true)) {
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                LOG.info(() -> "event=peer-connection-gone peer=" + address + " why=" + why);
            }
            onGone.accept(this);
        }
    }

    /** True while new streams may start here. */
    boolean isUsable() {
        Channel ch = channel;
        return !gone.get() && ready.isDone() && !ready.isCompletedExceptionally() && ch != null && ch.isActive();
    }

    /** Streams open on this connection now; 0 before HTTP/2 is set up. Call on the event loop. */
    int activeStreams() {
        Http2FrameCodec http2 = codec;
        return http2 == null ? 0 : http2.connection().numActiveStreams();
    }

    /** True once this connection can never carry a new stream. */
    boolean isDefunct() {
        return gone.get() || ready.isCompletedExceptionally();
    }

    /** Closes the connection or the connect attempt for good. */
    void close() {
        closeRequested = true;
        abandon(new PeerCallException(Reason.CLOSED, address.toString(),
                "the connection to " + address + " was closed by this relay", null));
    }

    /** Waits (bounded) for the socket to be closed, unless called on its own event loop. */
    void awaitClosed(Duration limit) {
        Channel ch = channel;
        if (ch != null && !ch.eventLoop().inEventLoop()) {
            ch.closeFuture().awaitUninterruptibly(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Starts a request stream: opens it with reading paused, writes the HEADERS (and the body, if
     * any, ending the stream), and only once the HEADERS are out adds {@code handler} and resumes
     * reading. Adding the handler late means a request that must move to a fresh connection never
     * touched it, and pausing reads means the handler still sees every response frame.
     *
     * @param body the request body, which ends the stream (empty: HEADERS end it), or null to leave
     *     the stream open for the caller's DATA frames
     */
    CompletableFuture<OpenOutcome> open(String url, Http2Headers headers, byte[] body, ChannelHandler handler) {
        CompletableFuture<OpenOutcome> out = new CompletableFuture<>();
        Channel ch = channel;
        try {
            ch.eventLoop().execute(() -> openOnLoop(ch, url, headers, body, handler, out));
        } catch (RejectedExecutionException e) {
            out.complete(new OpenOutcome.Refused(new PeerCallException(Reason.CLOSED, url,
                    "cannot call " + url + ": the relay's network transport is shut down", e)));
        }
        return out;
    }

    private void openOnLoop(Channel ch, String url, Http2Headers headers, byte[] body, ChannelHandler handler,
            CompletableFuture<OpenOutcome> out) {
        if (!isUsable()) {
            out.complete(new OpenOutcome.Gone(null));
            return;
        }
        Http2Connection.Endpoint<Http2LocalFlowController> local = codec.connection().local();
        if (!local.canOpenStream()) {
            out.complete(new OpenOutcome.Refused(streamLimit(url, local.maxActiveStreams())));
            return;
        }
        new Http2StreamChannelBootstrap(ch).option(ChannelOption.AUTO_READ, false).open()
                .addListener((Future<Http2StreamChannel> f) -> {
                    if (!f.isSuccess()) {
                        out.complete(classify(url, f.cause()));
                        return;
                    }
                    send(f.getNow(), url, headers, body, handler, out);
                });
    }

    private void send(Http2StreamChannel stream, String url, Http2Headers headers, byte[] body, ChannelHandler handler,
            CompletableFuture<OpenOutcome> out) {
        ChannelFuture sent = stream.write(new DefaultHttp2HeadersFrame(headers, body != null && body.length == 0));
        if (body != null && body.length > 0) {
            // A body that fails halfway (stream reset) closes the stream; the handler sees that.
            stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
        stream.flush();
        sent.addListener(w -> {
            if (w.isSuccess()) {
                stream.pipeline().addLast(handler);
                stream.config().setAutoRead(true);
                out.complete(new OpenOutcome.Opened(stream));
            } else {
                stream.close();
                out.complete(classify(url, w.cause()));
            }
        });
    }

    private OpenOutcome classify(String url, Throwable cause) {
        Channel ch = channel;
        if (gone.get() || !ch.isActive() || cause instanceof ClosedChannelException
                || cause instanceof Http2NoMoreStreamIdsException) {
            return new OpenOutcome.Gone(cause);
        }
        if (cause instanceof Http2Exception e && e.error() == Http2Error.REFUSED_STREAM) {
            return new OpenOutcome.Refused(streamLimit(url, codec.connection().local().maxActiveStreams()));
        }
        return new OpenOutcome.Refused(new PeerCallException(Reason.CONNECTION_LOST, url,
                "cannot start a stream to " + url + ": " + cause, cause));
    }

    private PeerCallException streamLimit(String url, int max) {
        return new PeerCallException(Reason.STREAM_LIMIT, url, "cannot start a stream to " + url + ": " + address
                + " allows " + max + " concurrent streams (SETTINGS_MAX_CONCURRENT_STREAMS) and all are in use", null);
    }
}
