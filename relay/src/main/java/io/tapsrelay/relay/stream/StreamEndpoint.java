package io.tapsrelay.relay.stream;

import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.grpc.netty.shaded.io.netty.handler.codec.http2.Http2StreamChannel;
import io.tapsrelay.relay.http.Http2Responses;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.StreamingEndpoint;
import io.tapsrelay.relay.identity.AuthResult;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.quota.StreamLimit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * {@code POST …/encrypted-groups/{groupId}/stream}: authenticates the peer (§6, off the event
 * loop), answers 200 with the frame media type, and hands the stream to a session.
 */
public final class StreamEndpoint implements StreamingEndpoint {
    private static final Logger LOG = Logger.getLogger(StreamEndpoint.class.getName());
    /** A stream slot frees only when another of the peer's streams ends, which is seldom soon. */
    private static final long STREAM_LIMIT_RETRY_SECONDS = 10;

    private final RequestAuthenticator authenticator;
    private final Executor verifiers;
    private final SessionFactory sessions;
    private final StreamLimit streamLimit;

    public StreamEndpoint(RequestAuthenticator authenticator, Executor verifiers, SessionFactory sessions,
            StreamLimit streamLimit) {
        this.streamLimit = streamLimit;
        this.authenticator = authenticator;
        this.verifiers = verifiers;
        this.sessions = sessions;
    }

    @Override
    public void open(RequestHead head, Http2StreamChannel channel) {
        CompletableFuture.supplyAsync(() -> authenticator.authenticate(head.method(), head.pathWithQuery(),
                        head::header, RequestSigning.STREAM_BODY), verifiers)
                .thenCompose(f -> f)
                .whenComplete((result, error) -> channel.eventLoop().execute(() -> {
                    if (error != null) {
                        refuse(channel, Problem.internalError("authentication failed: " + error.getMessage()));
                    } else if (result instanceof AuthResult.Rejected r) {
                        // peer= is the claimed, unverified origin: the one the refusal is about, for grepping.
                        LOG.info(() -> "event=stream-refused peer=" + head.header(RequestSigning.ORIGIN) + " remote="
                                + head.remoteAddress() + " group=" + head.groupId()
                                + " status=" + r.status() + " detail=\"" + r.detail() + "\"");
                        refuse(channel, new Problem(r.status(), r.title(), r.detail()));
                    } else {
                        AuthResult.Authenticated a = (AuthResult.Authenticated) result;
                        if (!streamLimit.admits(a.origin(), head.groupId())) {
                            LOG.info(() -> "event=stream-refused peer=" + a.origin() + " group=" + head.groupId()
                                    + " status=429 detail=\"max_streams_per_peer\"");
                            Http2Responses.write(channel, Problem.tooManyRequests(a.origin() + " already holds "
                                    + streamLimit.max() + " streams, limits.max_streams_per_peer")
                                    .toResult(Map.of("retry-after", Long.toString(STREAM_LIMIT_RETRY_SECONDS))))
                                    .addListener(ChannelFutureListener.CLOSE);
                            return;
                        }
                        channel.writeAndFlush(new DefaultHttp2HeadersFrame(
                                Http2Responses.headers(200, MediaTypes.FRAMES, Map.of()), false));
                        sessions.attach(channel, Role.ACCEPTED, a.origin(), head.groupId());
                    }
                }));
    }

    private static void refuse(Http2StreamChannel channel, Problem problem) {
        Http2Responses.write(channel, problem.toResult()).addListener(ChannelFutureListener.CLOSE);
    }
}
