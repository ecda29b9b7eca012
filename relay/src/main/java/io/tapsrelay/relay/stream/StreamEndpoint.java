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

    private final RequestAuthenticator authenticator;
    private final Executor verifiers;
    private final SessionFactory sessions;

    public StreamEndpoint(RequestAuthenticator authenticator, Executor verifiers, SessionFactory sessions) {
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
                        LOG.info(() -> "event=stream-refused remote=" + head.remoteAddress() + " group=" + head.groupId()
                                + " status=" + r.status() + " detail=\"" + r.detail() + "\"");
                        refuse(channel, new Problem(r.status(), r.title(), r.detail()));
                    } else {
                        AuthResult.Authenticated a = (AuthResult.Authenticated) result;
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
