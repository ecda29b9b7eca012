package io.tapsrelay.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.codec.DecodeError;
import io.tapsrelay.frames.codec.FrameSink;
import io.tapsrelay.frames.codec.NdjsonDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a relay's answer to {@code /send} (PROTOCOL.md §3, §4) into a {@link SendOutcome}: 200
 * with an ACK frame, a 4xx with an ERROR frame, or an HTTP error with a problem+json body. Pure: no
 * network, so every kind of answer can be tested from bytes.
 */
public final class SendAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    // The answer is one short frame; this only bounds what a confused server could make us buffer.
    private static final int MAX_LINE = 1 << 20;
    private static final int DETAIL_MAX = 200;

    private SendAnswers() {}

    /**
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header, or null
     * @param body the whole body
     */
    public static SendOutcome read(int status, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-ndjson")) {
            return fromFrames(status, body);
        }
        if (type.startsWith("application/problem+json")) {
            return fromProblem(status, body);
        }
        return new SendOutcome.Failed(status, "HTTP " + status + " without frames", excerpt(body));
    }

    private static SendOutcome fromFrames(int status, byte[] body) {
        List<Frame> frames = new ArrayList<>();
        String[] failure = new String[1];
        NdjsonDecoder decoder = new NdjsonDecoder(MAX_LINE, new FrameSink() {
            @Override
            public void onFrame(Frame frame, int wireBytes) {
                frames.add(frame);
            }

            @Override
            public void onError(DecodeError error) {
                failure[0] = error.message();
            }
        });
        decoder.feed(ByteBuffer.wrap(body));
        decoder.finish();
        if (failure[0] != null) {
            return new SendOutcome.Failed(status, "the answer is not a valid frame", failure[0]);
        }
        for (Frame f : frames) {
            if (f.payload() instanceof ErrorPayload e) {
                return new SendOutcome.Refused(status, e.code(), withoutCodePrefix(e.code(), e.message()));
            }
            if (f.payload() instanceof Ack ack) {
                if (status != 200 || ack.eventIds().isEmpty() || ack.originSeqs().isEmpty()) {
                    return new SendOutcome.Failed(status, "the ACK does not name the event",
                            "event_ids=" + ack.eventIds() + " origin_seqs=" + ack.originSeqs());
                }
                return new SendOutcome.Acked(ack.eventIds().get(0), ack.originSeqs().get(0));
            }
        }
        return new SendOutcome.Failed(status, "the answer holds neither an ACK nor an ERROR frame", excerpt(body));
    }

    private static SendOutcome fromProblem(int status, byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String title = problem.path("title").asText("HTTP " + status);
            return new SendOutcome.Failed(status, title, problem.path("detail").asText(""));
        } catch (IOException e) {
            return new SendOutcome.Failed(status, "HTTP " + status, excerpt(body));
        }
    }

    // The relay's messages start with their code ("invalid_event: …"); printing it twice helps nobody.
    private static String withoutCodePrefix(String code, String message) {
        String prefix = code + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replace("\n", " ").replace("\r", " ");
        return text.length() > DETAIL_MAX ? text.substring(0, DETAIL_MAX) + "…" : text;
    }
}
