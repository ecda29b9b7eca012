package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.InvalidPayload;
import io.tapsrelay.frames.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/** The JSON form of an event record (§3): reading it from a frame or from storage, and writing it. */
public final class EventRecordJson {
    private EventRecordJson() {}

    /**
     * Reads the record's fields; {@code raw} becomes a copy of the {@code length} bytes at
     * {@code offset}, which are the object being read.
     */
    static Payload read(FieldReader fields, byte[] bytes, int offset, int length) throws IOException {
        RecordFields record = new RecordFields(fields);
        return record.toPayload(fields, bytes, offset, offset + length);
    }

    /**
     * Reads the record's fields with the parser of a whole frame line, which stands at the record's
     * {@code START_OBJECT}; {@code raw} becomes a copy of the object's bytes. Byte offsets count from
     * {@code base}, where that parser's input starts.
     */
    static Payload readInPlace(FieldReader fields, byte[] bytes, int base) throws IOException {
        int start = base + fields.tokenStart();
        RecordFields record = new RecordFields(fields);
        // The parser now stands at the record's END_OBJECT: its end is the end of the raw bytes.
        return record.toPayload(fields, bytes, start, base + fields.readTo());
    }

    /** See {@link EventRecord#parse}. */
    public static EventRecord parse(byte[] rawJson) {
        Objects.requireNonNull(rawJson, "rawJson");
        Utf8.lineProblem(rawJson, 0, rawJson.length).ifPresent(problem -> {
            throw new IllegalArgumentException("stored event record: " + problem);
        });
        try (JsonParser parser = Json.parser(rawJson, 0, rawJson.length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("stored event record is not a JSON object");
            }
            Payload payload = read(new FieldReader(parser), rawJson, 0, rawJson.length);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("stored event record has data after the object");
            }
            if (payload instanceof InvalidPayload invalid) {
                throw new IllegalArgumentException("stored event record: " + invalid.problem());
            }
            return (EventRecord) payload;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored event record is not valid JSON: " + Json.describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    /** Compact JSON in the §3 field order; {@code sender} left out when null. */
    public static byte[] write(
            String eventId,
            String originServer,
            long originSeq,
            long originTs,
            String sender,
            String content,
            String contentHash,
            String keyId,
            String signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + content.length());
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event_id", eventId);
            g.writeStringField("origin_server", originServer);
            g.writeNumberField("origin_seq", originSeq);
            g.writeNumberField("origin_ts", originTs);
            if (sender != null) {
                g.writeStringField("sender", sender);
            }
            g.writeStringField("content", content);
            g.writeStringField("content_hash", contentHash);
            g.writeStringField("key_id", keyId);
            g.writeStringField("signature", signature);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The fields of one record object, read through to its end. */
    private static final class RecordFields {
        private String eventId;
        private String originServer;
        private Long originSeq;
        private Long originTs;
        private String sender;
        private String content;
        private String contentHash;
        private String keyId;
        private String signature;

        RecordFields(FieldReader fields) throws IOException {
            while (fields.nextField()) {
                String name = fields.fieldName();
                switch (name) {
                    case "event_id" -> eventId = fields.string(name);
                    case "origin_server" -> originServer = fields.string(name);
                    case "origin_seq" -> originSeq = fields.integer(name);
                    case "origin_ts" -> originTs = fields.integer(name);
                    case "sender" -> sender = fields.string(name);
                    case "content" -> content = fields.string(name);
                    case "content_hash" -> contentHash = fields.string(name);
                    case "key_id" -> keyId = fields.string(name);
                    case "signature" -> signature = fields.string(name);
                    default -> fields.skip();
                }
            }
        }

        /** The record with {@code raw} copied from {@code bytes[from, to)}, or the first problem the reader noted. */
        Payload toPayload(FieldReader fields, byte[] bytes, int from, int to) {
            if (fields.problem().isPresent()) {
                return PayloadReader.invalid(FrameType.EVENT, fields);
            }
            byte[] raw = Arrays.copyOfRange(bytes, from, to);
            return new EventRecord(
                    eventId, originServer, originSeq, originTs, sender, content, contentHash, keyId, signature, raw);
        }
    }
}
