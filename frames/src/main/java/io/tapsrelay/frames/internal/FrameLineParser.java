package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tapsrelay.frames.ErrorCode;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.Ping;
import io.tapsrelay.frames.UnknownPayload;
import io.tapsrelay.frames.codec.DecodeError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Decodes one frame line (without its line end) in place: the envelope rules of §3, then the
 * payload of a known type. When {@code type} comes before {@code payload}, as every writer of this
 * codec puts it, the payload is read in the same pass by the same parser. Fields may come in any
 * order, though: when the payload comes first, its byte range is noted and it is read with a
 * second parser once the type is known.
 *
 * <p>Forms (ULIDs, server ids, sequence ≥ 1) are not checked here; that is the validator's job.
 */
public final class FrameLineParser {
    private FrameLineParser() {}

    /** Decodes the {@code length} bytes at {@code offset}. Stateless and thread-safe. */
    public static LineOutcome parse(byte[] bytes, int offset, int length) {
        Optional<String> notText = Utf8.lineProblem(bytes, offset, length);
        if (notText.isPresent()) {
            return malformed(notText.get(), null);
        }
        String type = null;
        String id = null;
        String origin = null;
        Long sequence = null;
        String groupId = null;
        String timestamp = null;
        int payloadStart = -1;
        int payloadEnd = -1;
        boolean payloadNotObject = false;
        Payload readInPass = null;
        FieldReader fields;
        try (JsonParser parser = Json.parser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return malformed("line is not a JSON object", null);
            }
            fields = new FieldReader(parser);
            while (fields.nextField()) {
                String name = fields.fieldName();
                switch (name) {
                    case "type" -> type = fields.string(name);
                    case "id" -> id = fields.string(name);
                    case "origin" -> origin = fields.string(name);
                    case "sequence" -> sequence = fields.integer(name);
                    case "group_id" -> groupId = fields.string(name);
                    case "timestamp" -> timestamp = fields.string(name);
                    case "payload" -> {
                        JsonToken t = fields.token();
                        if (t == JsonToken.START_OBJECT) {
                            // Offsets count from `offset`: the parser was made over this slice.
                            payloadStart = (int) parser.currentTokenLocation().getByteOffset();
                            FrameType typeSoFar = type == null ? null : FrameType.fromWire(type);
                            if (typeSoFar != null) {
                                readInPass = PayloadReader.readInPlace(typeSoFar, parser, bytes, offset);
                            } else {
                                parser.skipChildren();
                            }
                            payloadEnd = (int) parser.currentLocation().getByteOffset();
                        } else if (t != JsonToken.VALUE_NULL) {
                            payloadNotObject = true;
                            parser.skipChildren();
                        }
                    }
                    default -> fields.skip();
                }
            }
            if (parser.nextToken() != null) {
                return malformed("data after the JSON object", id);
            }
        } catch (JsonProcessingException e) {
            return malformed("not valid JSON: " + Json.describe(e), id);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        fields.require("type", type);
        fields.require("id", id);
        fields.require("origin", origin);
        fields.require("sequence", sequence);
        if (fields.problem().isPresent()) {
            return malformed(fields.problem().get(), id);
        }
        FrameType known = FrameType.fromWire(type);
        Payload payload;
        if (known == null) {
            payload = new UnknownPayload();
        } else if (payloadNotObject) {
            payload = new InvalidPayload(known, "payload is not an object");
        } else if (payloadStart < 0) {
            payload = known == FrameType.PING ? new Ping() : new InvalidPayload(known, "payload is missing");
        } else if (readInPass != null) {
            payload = readInPass;
        } else {
            payload = PayloadReader.read(known, bytes, offset + payloadStart, payloadEnd - payloadStart);
        }
        return new LineOutcome.Parsed(new Frame(type, id, origin, sequence, groupId, timestamp, payload));
    }

    private static LineOutcome malformed(String detail, String ref) {
        return new LineOutcome.Rejected(DecodeError.of(ErrorCode.MALFORMED_FRAME, detail, ref));
    }
}
