package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.CheckpointPayload;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.OriginView;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import io.tapsrelay.frames.SeqRange;
import io.tapsrelay.frames.UnknownPayload;
import java.io.IOException;
import java.util.List;

/** Writes a payload object in its §3/§7 form. */
public final class PayloadWriter {
    private PayloadWriter() {}

    /**
     * Writes {@code payload} as the next value of {@code g}.
     *
     * @throws IllegalArgumentException for an {@link InvalidPayload}, which has no wire form
     */
    public static void write(JsonGenerator g, Payload payload) throws IOException {
        if (payload instanceof EventRecord event) {
            // Verbatim: a relayed record must stay byte-identical for its signature to hold.
            g.writeRawValue(event.rawText());
        } else if (payload instanceof Hello hello) {
            hello(g, hello);
        } else if (payload instanceof Credit credit) {
            g.writeStartObject();
            g.writeNumberField("events", credit.events());
            g.writeNumberField("bytes", credit.bytes());
            g.writeEndObject();
        } else if (payload instanceof Ack ack) {
            ack(g, ack);
        } else if (payload instanceof Ping || payload instanceof UnknownPayload) {
            g.writeStartObject();
            g.writeEndObject();
        } else if (payload instanceof Pong pong) {
            g.writeStartObject();
            g.writeStringField("ping_id", pong.pingId());
            g.writeEndObject();
        } else if (payload instanceof ErrorPayload error) {
            error(g, error);
        } else if (payload instanceof CheckpointPayload checkpoint) {
            checkpoint(g, checkpoint);
        } else if (payload instanceof InvalidPayload invalid) {
            throw new IllegalArgumentException("an invalid " + invalid.type() + " payload cannot be encoded");
        } else {
            throw new IllegalStateException("no writer for " + payload.getClass());
        }
    }

    private static void hello(JsonGenerator g, Hello hello) throws IOException {
        g.writeStartObject();
        if (hello.serverId() != null) {
            g.writeStringField("server_id", hello.serverId());
        }
        if (hello.version() != null) {
            g.writeStringField("version", hello.version());
        }
        if (hello.capabilities() != null) {
            strings(g, "capabilities", hello.capabilities());
        }
        if (hello.supportedGroups() != null) {
            strings(g, "supported_groups", hello.supportedGroups());
        }
        g.writeNumberField("max_message_size", hello.maxMessageSize());
        g.writeEndObject();
    }

    private static void ack(JsonGenerator g, Ack ack) throws IOException {
        g.writeStartObject();
        g.writeNumberField("through_sequence", ack.throughSequence());
        if (!ack.eventIds().isEmpty()) {
            strings(g, "event_ids", ack.eventIds());
        }
        if (!ack.originSeqs().isEmpty()) {
            g.writeArrayFieldStart("origin_seqs");
            for (long seq : ack.originSeqs()) {
                g.writeNumber(seq);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void error(JsonGenerator g, ErrorPayload error) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", error.code());
        g.writeStringField("message", error.message());
        if (error.ref() == null) {
            g.writeNullField("ref");
        } else {
            g.writeStringField("ref", error.ref());
        }
        g.writeBooleanField("fatal", error.fatal());
        if (error.retryAfterMs() != null) {
            g.writeNumberField("retry_after_ms", error.retryAfterMs());
        }
        g.writeEndObject();
    }

    private static void checkpoint(JsonGenerator g, CheckpointPayload checkpoint) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("origins");
        for (OriginView view : checkpoint.origins()) {
            g.writeStartObject();
            g.writeStringField("origin_server", view.originServer());
            g.writeNumberField("max_seq", view.maxSeq());
            g.writeNumberField("contiguous_seq", view.contiguousSeq());
            g.writeNumberField("count", view.count());
            g.writeStringField("prefix_hash", view.prefixHash());
            g.writeArrayFieldStart("missing");
            for (SeqRange range : view.missing()) {
                g.writeStartArray();
                g.writeNumber(range.from());
                g.writeNumber(range.to());
                g.writeEndArray();
            }
            g.writeEndArray();
            if (!view.blockHashes().isEmpty()) {
                strings(g, "block_hashes", view.blockHashes());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (checkpoint.truncated()) {
            g.writeBooleanField("truncated", true);
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
