package io.tapsrelay.relay.http;

import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.group.ChannelGroup;
import io.grpc.netty.shaded.io.netty.channel.group.DefaultChannelGroup;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2FrameCodec;
import io.grpc.netty.shaded.io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The connections one listener accepted that are still open, so that closing the listener closes
 * them as well.
 *
 * <p>Shutting down the event loops is not a substitute: Netty 4.2 can let a busy event loop
 * terminate under a zero quiet period without ever closing its channels. The socket then stays
 * open with nothing reading it, and a peer keeps sending requests into a connection that looks
 * healthy and never answers, even after the relay is back on the same port.
 *
 * <p>Thread-safe: connections are added on their event loops, {@link #closeAll} runs on any thread.
 */
final class AcceptedConnections {
    // A channel group forgets a channel by itself once the channel has closed.
    private final ChannelGroup open = new DefaultChannelGroup("accepted", GlobalEventExecutor.INSTANCE);
    private boolean closing;

    /** Tracks a freshly accepted connection until it closes; closes it at once if closing began. */
    void add(Channel ch) {
        synchronized (this) {
            if (!closing) {
                open.add(ch);
                return;
            }
        }
        // closeAll() took its snapshot before this connection was accepted.
        ch.close();
    }

    /** How many accepted connections are still open. */
    synchronized int size() {
        // A closed connection may not have been removed yet: its close listener runs a moment later.
        return (int) open.stream().filter(Channel::isOpen).count();
    }

    /**
     * Closes every connection: an HTTP/2 connection is sent GOAWAY and closes once its streams are
     * done, but after {@code grace} whatever is still open is closed without waiting for its
     * streams. Returns once all are closed, or after a further {@code grace} at most.
     *
     * @return how many connections were open
     */
    int closeAll(Duration grace) {
        List<Channel> all;
        synchronized (this) {
            closing = true;
            all = new ArrayList<>(open);
        }
        all.forEach(Channel::close);
        if (!awaitClosed(all, grace)) {
            all.stream().filter(Channel::isOpen).forEach(AcceptedConnections::closeNow);
            awaitClosed(all, grace);
        }
        return all.size();
    }

    /**
     * Closes from just before the HTTP/2 codec, which would otherwise hold the close back until
     * every stream is done (its graceful shutdown).
     */
    private static void closeNow(Channel ch) {
        ChannelHandlerContext codec = ch.pipeline().context(Http2FrameCodec.class);
        if (codec != null) {
            codec.close();
        } else {
            ch.close();
        }
    }

    private static boolean awaitClosed(List<Channel> all, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Channel ch : all) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !ch.closeFuture().awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                return all.stream().noneMatch(Channel::isOpen);
            }
        }
        return true;
    }
}
