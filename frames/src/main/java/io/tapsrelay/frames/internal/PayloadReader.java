package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonParser;
import io.tapsrelay.frames.Ack;
import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.Pong;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the payload object of a known frame type into its record. A required field that is absent,
 * or any field of the wrong JSON type, gives an {@link InvalidPayload}; unknown fields are skipped.
 */
public final class PayloadReader {
    private PayloadReader() {}

    /**
     * Reads {@code length} bytes at {@code offset}: one JSON object that the envelope parser has
     * already read through without a syntax error.
     */
    public static Payload read(FrameType type, byte[] bytes, int offset, int length) {
        try (JsonParser parser = Json.parser(bytes, offset, length)) {
            parser.nextToken();
            FieldReader fields = new FieldReader(parser);
            return type == FrameType.EVENT ? EventRecordJson.read(fields, bytes, offset, length) : nonEvent(type, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("payload bytes were read through once already", e);
        }
    }

    /**
     * Reads the payload object with {@code parser}, the parser of the whole frame line made over
     * {@code bytes} from {@code base}, which stands at the object's {@code START_OBJECT}. Leaves it at
     * the object's {@code END_OBJECT}, where skipping the object would have left it. Unlike
     * {@link #read}, the object was not read through before, so a syntax error in it is thrown to
     * the caller.
     */
    static Payload readInPlace(FrameType type, JsonParser parser, byte[] bytes, int base) throws IOException {
        // A reader of its own: a problem in the payload must not count as one in the envelope.
        FieldReader fields = new FieldReader(parser);
        return type == FrameType.EVENT ? EventRecordJson.readInPlace(fields, bytes, base) : nonEvent(type, fields);
    }

    /** Every reader goes on to the object's end, even after a problem, so the parser can read on. */
    private static Payload nonEvent(FrameType type, FieldReader fields) throws IOException {
        switch (type) {
            case HELLO: return hello(fields);
            case CREDIT: return credit(fields);
            case ACK: return ack(fields);
            case PING: return ping(fields);
            case PONG: return pong(fields);
            case ERROR: return error(fields);
            case CHECKPOINT: return CheckpointReader.read(fields);
            default: throw new IllegalStateException("no reader for " + type);
        }
    }

    private static Payload hello(FieldReader fields) throws IOException {
        String serverId = null;
        String version = null;
        List<String> capabilities = null;
        List<String> supportedGroups = null;
        Long maxMessageSize = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            switch (name) {
                case "server_id" -> serverId = fields.string(name);
                case "version" -> version = fields.string(name);
                case "capabilities" -> capabilities = fields.strings(name);
                case "supported_groups" -> supportedGroups = fields.strings(name);
                case "max_message_size" -> maxMessageSize = fields.integer(name);
                default -> fields.skip();
            }
        }
        fields.require("max_message_size", maxMessageSize);
        if (fields.problem().isPresent()) {
            return invalid(FrameType.HELLO, fields);
        }
        return new Hello(serverId, version, capabilities, supportedGroups, maxMessageSize);
    }

    private static Payload credit(FieldReader fields) throws IOException {
        Long events = null;
        Long bytes = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            switch (name) {
                case "events" -> events = fields.integer(name);
                case "bytes" -> bytes = fields.integer(name);
                default -> fields.skip();
            }
        }
        fields.require("events", events);
        fields.require("bytes", bytes);
        if (fields.problem().isPresent()) {
            return invalid(FrameType.CREDIT, fields);
        }
        return new Credit(events, bytes);
    }

    private static Payload ack(FieldReader fields) throws IOException {
        Long through = null;
        List<String> eventIds = null;
        List<Long> originSeqs = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            switch (name) {
                case "through_sequence" -> through = fields.integer(name);
                case "event_ids" -> eventIds = fields.strings(name);
                case "origin_seqs" -> originSeqs = fields.integers(name);
                default -> fields.skip();
            }
        }
        fields.require("through_sequence", through);
        if (fields.problem().isPresent()) {
            return invalid(FrameType.ACK, fields);
        }
        return new Ack(through, eventIds == null ? List.of() : eventIds, originSeqs == null ? List.of() : originSeqs);
    }

    private static Payload ping(FieldReader fields) throws IOException {
        while (fields.nextField()) {
            fields.skip();
        }
        return new Ping();
    }

    private static Payload pong(FieldReader fields) throws IOException {
        String pingId = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            if (name.equals("ping_id")) {
                pingId = fields.string(name);
            } else {
                fields.skip();
            }
        }
        fields.require("ping_id", pingId);
        if (fields.problem().isPresent()) {
            return invalid(FrameType.PONG, fields);
        }
        return new Pong(pingId);
    }

    private static Payload error(FieldReader fields) throws IOException {
        String code = null;
        String message = null;
        String ref = null;
        Boolean fatal = null;
        Long retryAfterMs = null;
        while (fields.nextField()) {
            String name = fields.fieldName();
            switch (name) {
                case "code" -> code = fields.string(name);
                case "message" -> message = fields.string(name);
                case "ref" -> ref = fields.string(name);
                case "fatal" -> fatal = fields.bool(name);
                case "retry_after_ms" -> retryAfterMs = fields.integer(name);
                default -> fields.skip();
            }
        }
        fields.require("code", code);
        fields.require("message", message);
        fields.require("fatal", fatal);
        if (fields.problem().isPresent()) {
            return invalid(FrameType.ERROR, fields);
        }
        return new ErrorPayload(code, message, ref, fatal, retryAfterMs);
    }

    static InvalidPayload invalid(FrameType type, FieldReader fields) {
        return new InvalidPayload(type, fields.problem().orElseThrow());
    }
}
