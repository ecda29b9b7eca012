package io.tapsrelay.antientropy.internal;

import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.relay.engine.EventIntake;
import io.tapsrelay.relay.engine.IntakeResult;
import io.tapsrelay.relay.engine.OfferedEvent;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.Problem;
import io.tapsrelay.relay.http.RequestHead;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.store.EventStore;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST …/encrypted-groups/{groupId}/checkpoint} (§7), the callee's side.
 *
 * <p>Reads the caller's CHECKPOINT view and the EVENT frames it offers, stores the offered events
 * through the relay's intake (the §3 checks, as on a stream), then answers with this relay's view
 * taken after that store, a non-fatal ERROR per offered frame refused, and the EVENT frames the
 * caller lacks up to the response limit ({@code truncated: true} when it stopped early).
 *
 * <p>A body that breaks the framing rules is refused whole, nothing stored: one ERROR frame and the
 * status §3 gives its code, as {@code /send} answers.
 */
public final class CheckpointEndpoint implements UnaryEndpoint {
    private static final long INTAKE_TIMEOUT_SECONDS = 60;

    private final String selfId;
    private final EventStore store;
    private final EventIntake intake;
    private final PeerRequests requests;
    private final int maxMessageSize;
    private final long responseLimit;

    CheckpointEndpoint(String selfId, EventStore store, EventIntake intake, PeerRequests requests, int maxMessageSize,
            long responseLimit) {
        this.selfId = selfId;
        this.store = store;
        this.intake = intake;
        this.requests = requests;
        this.maxMessageSize = maxMessageSize;
        this.responseLimit = responseLimit;
    }

    /**
     * The largest body worth reading: a CHECKPOINT line and a few response limits of EVENT frames, so
     * a caller with a larger limit than this relay's is still served.
     */
    public long maxBodyBytes() {
        return FrameBody.CHECKPOINT_LINE_LIMIT + 4 * responseLimit;
    }

    @Override
    public CompletableFuture<HttpResult> handle(RequestHead head, byte[] body) {
        return requests.admit(head, body, (peer, b) -> exchange(head.groupId(), peer, b));
    }

    private HttpResult exchange(String group, String peer, byte[] body) {
        ExchangeReader.Read read = ExchangeReader.read(body, peer, maxMessageSize, Set.of(FrameType.EVENT));
        if (read instanceof ExchangeReader.Refused r) {
            return Frames.refusal(selfId, r.code(), r.message(), r.ref());
        }
        ExchangeReader.Ok ok = (ExchangeReader.Ok) read;
        List<byte[]> errors = new ArrayList<>();
        List<OfferedEvent> offered = new ArrayList<>();
        for (Frame f : ok.rest()) {
            if (f.knownType() == FrameType.EVENT) {
                offered.add(new OfferedEvent(f.id(), f.groupId(), f.payload()));
            } else {
                errors.add(Frames.error(selfId, 2 + errors.size(), ErrorCode.UNKNOWN_FRAME_TYPE,
                        "unknown_frame_type: '" + f.type() + "' is ignored", f.id()));
            }
        }
        List<IntakeResult> results;
        try {
            results = intake.accept(group, offered, peer).get(INTAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Problem.internalError("storing the offered events failed: " + e).toResult();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.unavailable("interrupted while storing the offered events").toResult();
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof IntakeResult.Rejected rej) {
                errors.add(Frames.error(selfId, 2 + errors.size(), rej.code(), rej.message(), offered.get(i).frameId()));
            }
        }
        Map<String, OriginView> callerView = ok.view().origins().stream()
                .collect(Collectors.toMap(OriginView::originServer, Function.identity()));
        // The view and the shortfall are read after the offered events are stored, as §7 asks.
        List<OriginView> mine = Views.of(store, group, callerView, Map.of());
        Map<String, List<SeqRange>> lacking = Shortfall.of(store.originStates(group),
                Shortfall.known(ok.view().origins()), Map.of());
        EventPacker.Packed packed = EventPacker.pack(store, group, selfId, lacking, responseLimit, 2L + errors.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8,
                packed.bytes() + 4096));
        out.writeBytes(Frames.checkpoint(selfId, mine, packed.truncated()));
        errors.forEach(out::writeBytes);
        packed.lines().forEach(out::writeBytes);
        return HttpResult.frames(200, out.toByteArray());
    }
}
