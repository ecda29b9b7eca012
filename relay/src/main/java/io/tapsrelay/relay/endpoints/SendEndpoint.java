package io.tapsrelay.relay.endpoints;

import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.FrameValidator;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.frames.validate.Violation;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.engine.LocalPublisher;
import io.tapsrelay.relay.engine.OfferedEvent;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.identity.AuthResult;
import io.tapsrelay.relay.identity.ClientIdentity;
import io.tapsrelay.relay.identity.ClientTokens;
import io.tapsrelay.relay.identity.RequestAuthenticator;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.quota.Admission;
import io.tapsrelay.relay.quota.PeerQuotas;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code POST …/encrypted-groups/{groupId}/send}: one event, answered with an ACK frame (200) or
 * one ERROR frame with the status §3 assigns to its code.
 *
 * <p>A client (bearer token) sends only {@code content}, maybe {@code event_id} and {@code sender};
 * the relay makes it an event of its own origin. A peer (§6 signature) sends a complete signed
 * record, checked exactly as on a stream.
 */
public final class SendEndpoint implements UnaryEndpoint {
    private final String selfId;
    private final int maxMessageSize;
    private final RequestAuthenticator authenticator;
    private final ClientTokens clients;
    private final EventIntake intake;
    private final LocalPublisher publisher;
    private final Executor verifiers;
    private final PeerQuotas quotas;

    public SendEndpoint(String selfId, int maxMessageSize, RequestAuthenticator authenticator, ClientTokens clients,
            EventIntake intake, LocalPublisher publisher, Executor verifiers, PeerQuotas quotas) {
        this.quotas = quotas;
        this.selfId = selfId;
        this.maxMessageSize = maxMessageSize;
        this.authenticator = authenticator;
        this.clients = clients;
        this.intake = intake;
        this.publisher = publisher;
        this.verifiers = verifiers;
    }

    /** The largest body worth reading: an optional HELLO and one EVENT, each at most one maximal line. */
    public long maxBodyBytes() {
        return 2L * (maxMessageSize + 2);
    }

    @Override
    public CompletableFuture<HttpResult> handle(RequestHead head, byte[] body) {
        String authorization = head.header("authorization");
        if (authorization != null && head.header(RequestSigning.ORIGIN) == null) {
            Optional<ClientIdentity> client = clients.authenticate(authorization);
            if (client.isEmpty()) {
                return done(Problem.unauthorized("the bearer token is not a known client token").toResult());
            }
            if (!client.get().mayPost(head.groupId())) {
                return done(Problem.forbidden("client " + client.get().name() + " may not post to " + head.groupId())
                        .toResult());
            }
            return fromClient(head, body, client.get().name());
        }
        return CompletableFuture.supplyAsync(() -> authenticator.authenticate(head.method(), head.pathWithQuery(),
                        head::header, RequestSigning.bodyHash(body)), verifiers)
                .thenCompose(f -> f)
                .thenCompose(auth -> {
                    if (auth instanceof AuthResult.Rejected r) {
                        return done(new Problem(r.status(), r.title(), r.detail()).toResult());
                    }
                    return fromPeer(head, body, ((AuthResult.Authenticated) auth).origin());
                });
    }

    private CompletableFuture<HttpResult> fromClient(RequestHead head, byte[] body, String clientName) {
        Parsed p = parse(body, null);
        if (p.error != null) {
            return done(p.error);
        }
        EventRecord record = (EventRecord) p.event.payload();
        Optional<Violation> v = FrameValidator.clientEvent(record, p.event.groupId(), head.groupId());
        if (v.isPresent()) {
            return done(error(v.get().code(), v.get().message(), p.event.id()));
        }
        Admission clientAdmission = quotas.admitClientEvent(clientName, body.length);
        if (!clientAdmission.admitted()) {
            return done(rateLimited("client " + clientName, clientAdmission, p.event.id()));
        }
        return publisher.publish(head.groupId(), record.eventId(), record.sender(), record.content())
                .thenApply(r -> answer(r, p.event));
    }

    private CompletableFuture<HttpResult> fromPeer(RequestHead head, byte[] body, String peer) {
        Parsed p = parse(body, peer);
        if (p.error != null) {
            return done(p.error);
        }
        // Charged after the cheap checks and before the signature check, so a flood is refused
        // cheaply; a /send is charged its whole body.
        Admission admission = quotas.admitPeerEvent(peer, body.length);
        if (!admission.admitted()) {
            return done(rateLimited(peer, admission, p.event.id()));
        }
        OfferedEvent offered = new OfferedEvent(p.event.id(), p.event.groupId(), p.event.payload());
        return intake.accept(head.groupId(), List.of(offered), peer).thenApply(rs -> answer(rs.get(0), p.event));
    }

    private HttpResult answer(IntakeResult r, Frame event) {
        if (r instanceof IntakeResult.Rejected rej) {
            return error(rej.code(), rej.message(), event.id());
        }
        Ack ack = new Ack(event.sequence(), List.of(r.eventId()), List.of(r.originSeq()));
        return HttpResult.frames(200, FrameEncoder.encode(frame(FrameType.ACK, ack)));
    }

    /** Decodes the body into an optional HELLO and exactly one EVENT, or the error to answer with. */
    private Parsed parse(byte[] body, String peer) {
        List<Frame> frames = new ArrayList<>();
        DecodeError[] failure = new DecodeError[1];
        NdjsonDecoder decoder = new NdjsonDecoder(maxMessageSize, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                frames.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                failure[0] = error;
            }
        });
        decoder.feed(ByteBuffer.wrap(body));
        decoder.finish();
        if (failure[0] != null) {
            return Parsed.failed(error(failure[0].code(), failure[0].message(), failure[0].ref()));
        }
        if (frames.isEmpty()) {
            return Parsed.failed(error(ErrorCode.MALFORMED_FRAME, "malformed_frame: the body holds no frame", null));
        }
        Frame event = null;
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            Optional<Violation> v = FrameValidator.envelope(f);
            if (v.isPresent()) {
                return Parsed.failed(error(v.get().code(), v.get().message(), f.id()));
            }
            if (f.sequence() != i + 1) {
                return Parsed.failed(error(ErrorCode.SEQUENCE_VIOLATION, "sequence_violation: got " + f.sequence()
                        + ", expected " + (i + 1), f.id()));
            }
            if (peer != null && !f.origin().equals(peer)) {
                return Parsed.failed(error(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: origin " + f.origin()
                        + " is not the authenticated peer " + peer, f.id()));
            }
            FrameType type = f.knownType();
            if (type == null || type == FrameType.CHECKPOINT) {
                return Parsed.failed(error(ErrorCode.UNKNOWN_FRAME_TYPE, "unknown_frame_type: '" + f.type()
                        + "' is not allowed on /send", f.id()));
            }
            if (f.payload() instanceof InvalidPayload inv && type != FrameType.EVENT) {
                return Parsed.failed(error(ErrorCode.MALFORMED_FRAME, "malformed_frame: " + inv.problem(), f.id()));
            }
            if (type == FrameType.HELLO) {
                if (i != 0) {
                    return Parsed.failed(error(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: HELLO must be the first "
                            + "frame", f.id()));
                }
                Optional<Violation> hv = helloProblem((Hello) f.payload(), peer);
                if (hv.isPresent()) {
                    return Parsed.failed(error(hv.get().code(), hv.get().message(), f.id()));
                }
            } else if (type == FrameType.EVENT) {
                if (event != null) {
                    return Parsed.failed(error(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: /send takes exactly "
                            + "one EVENT", f.id()));
                }
                event = f;
            } else if (i == 0) {
                return Parsed.failed(error(ErrorCode.HELLO_REQUIRED, "hello_required: /send starts with HELLO or EVENT, "
                        + "not " + f.type(), f.id()));
            } else {
                return Parsed.failed(error(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: " + f.type()
                        + " is not allowed on /send", f.id()));
            }
        }
        if (event == null) {
            return Parsed.failed(error(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: /send needs one EVENT", null));
        }
        if (event.payload() instanceof InvalidPayload inv) {
            return Parsed.failed(error(ErrorCode.INVALID_EVENT, "invalid_event: " + inv.problem(), event.id()));
        }
        return new Parsed(event, null);
    }

    private static Optional<Violation> helloProblem(Hello hello, String peer) {
        Optional<Violation> v = FrameValidator.hello(hello);
        if (v.isPresent()) {
            return v;
        }
        if (peer != null && !hello.serverId().equals(peer)) {
            return Optional.of(new Violation(ErrorCode.PROTOCOL_VIOLATION, "protocol_violation: HELLO server_id "
                    + hello.serverId() + " is not the authenticated peer " + peer));
        }
        return Optional.empty();
    }

    private HttpResult error(ErrorCode code, String message, String ref) {
        ErrorPayload payload = new ErrorPayload(code.wireName(), message, ref, code.fatal(), null);
        return HttpResult.frames(code.sendStatus(), FrameEncoder.encode(frame(FrameType.ERROR, payload)));
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up, and the exact wait in the ERROR frame. */
    private HttpResult rateLimited(String who, Admission refusal, String ref) {
        ErrorPayload payload = ErrorPayload.rateLimited("rate_limited: " + who + " is over its quota; retry after "
                + refusal.retryAfterMs() + " ms", ref, refusal.retryAfterMs());
        return HttpResult.frames(ErrorCode.RATE_LIMITED.sendStatus(), FrameEncoder.encode(frame(FrameType.ERROR, payload)))
                .withHeader("retry-after", Long.toString(refusal.retryAfterSeconds()));
    }

    private Frame frame(FrameType type, Payload payload) {
        return Frame.of(type, Ulids.next(), selfId, 1, null, Timestamps.now(), payload);
    }

    private static CompletableFuture<HttpResult> done(HttpResult r) {
        return CompletableFuture.completedFuture(r);
    }

    private record Parsed(Frame event, HttpResult error) {
        static Parsed failed(HttpResult error) {
            return new Parsed(null, error);
        }
    }
}
