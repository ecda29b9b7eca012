package io.tapsrelay.relay.stream;

import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.metrics.StreamMetrics;
import io.tapsrelay.relay.quota.PeerQuotas;
import io.tapsrelay.relay.store.EventStore;
import java.util.concurrent.Executor;

/** Turns an HTTP/2 stream, accepted or dialed, into a running {@link StreamSession}. */
public final class SessionFactory {
    private final SessionSettings settings;
    private final EventIntake intake;
    private final EventStore store;
    private final Executor io;
    private final SessionRegistry registry;
    private final StreamMetrics metrics;
    private final PeerQuotas quotas;

    public SessionFactory(SessionSettings settings, EventIntake intake, EventStore store, Executor io,
            SessionRegistry registry, StreamMetrics metrics, PeerQuotas quotas) {
        this.quotas = quotas;
        this.settings = settings;
        this.intake = intake;
        this.store = store;
        this.io = io;
        this.registry = registry;
        this.metrics = metrics;
    }

    public SessionSettings settings() {
        return settings;
    }

    /**
     * Starts a session on {@code channel}: HELLO and CREDIT go out, the registry applies the
     * one-stream-per-(peer, group) rule, reading begins. Call on the channel's event loop after the
     * response headers are settled.
     */
    public StreamSession attach(Http2StreamChannel channel, Role role, String peer, String group) {
        StreamSession session = new StreamSession(settings, role, peer, group, new Http2FrameTransport(channel),
                channel.eventLoop(), intake, store, io, registry, metrics, quotas);
        channel.pipeline().addLast(new StreamChannelHandler(session, settings.maxMessageSize()));
        session.start();
        registry.register(session);
        channel.config().setAutoRead(true);
        channel.read();
        return session;
    }
}
