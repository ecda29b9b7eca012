package io.tapsrelay.frames;

import io.tapsrelay.frames.internal.ByteScan;
import io.tapsrelay.frames.internal.EventRecordJson;
import io.tapsrelay.frames.internal.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * EVENT payload (§3): one event record, opaque to every server and relayed byte for byte.
 *
 * <p>The fields are the parsed view of {@code raw}; each is null when absent (a client {@code /send}
 * carries only {@code content}, maybe {@code event_id} and {@code sender}). {@code raw} is the
 * record exactly as it arrived, unknown fields included: the relay stores and forwards it, so the
 * origin's signature holds on every hop. Build records with {@link #create} or {@link #parse}, or
 * take them from the decoder, so that the fields and {@code raw} agree.
 *
 * <p>{@code raw} is UTF-8 and never holds a line feed, so it can be written into a frame line verbatim. It is
 * copied in and out; {@link #equals} compares every field and the raw bytes.
 */
public record EventRecord(
        String eventId,
        String originServer,
        Long originSeq,
        Long originTs,
        String sender,
        String content,
        String contentHash,
        String keyId,
        String signature,
        byte[] raw)
        implements Payload {
    public EventRecord {
        Objects.requireNonNull(raw, "raw");
        if (ByteScan.indexOfNewline(raw, 0, raw.length) >= 0) {
            throw new IllegalArgumentException("an event record must not hold a line feed");
        }
        if (!Utf8.isValid(raw, 0, raw.length)) {
            throw new IllegalArgumentException("an event record must be UTF-8");
        }
        raw = raw.clone();
    }

    /**
     * A complete record with {@code raw} serialised as compact JSON in the §3 field order;
     * {@code sender} is left out when null.
     */
    public static EventRecord create(
            String eventId,
            String originServer,
            long originSeq,
            long originTs,
            String sender,
            String content,
            String contentHash,
            String keyId,
            String signature) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(originServer, "originServer");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        byte[] raw = EventRecordJson.write(
                eventId, originServer, originSeq, originTs, sender, content, contentHash, keyId, signature);
        return new EventRecord(
                eventId, originServer, originSeq, originTs, sender, content, contentHash, keyId, signature, raw);
    }

    /**
     * Reads a stored record back: one JSON object, strict UTF-8, no duplicate keys, fields of the
     * right JSON types (absent ones stay null; forms are the validator's job).
     *
     * @throws IllegalArgumentException when {@code rawJson} is not such an object
     */
    public static EventRecord parse(byte[] rawJson) {
        return EventRecordJson.parse(rawJson);
    }

    /** A copy of the record's bytes as they arrived. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Length of {@link #raw()} in bytes, without copying. */
    public int rawLength() {
        return raw.length;
    }

    /** The record's bytes as text; they are valid UTF-8, so encoding this text gives them back exactly. */
    public String rawText() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventRecord e
                && Objects.equals(eventId, e.eventId)
                && Objects.equals(originServer, e.originServer)
                && Objects.equals(originSeq, e.originSeq)
                && Objects.equals(originTs, e.originTs)
                && Objects.equals(sender, e.sender)
                && Objects.equals(content, e.content)
                && Objects.equals(contentHash, e.contentHash)
                && Objects.equals(keyId, e.keyId)
                && Objects.equals(signature, e.signature)
                && Arrays.equals(raw, e.raw);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(eventId, originServer, originSeq, originTs, sender, content, contentHash, keyId, signature)
                + Arrays.hashCode(raw);
    }

    /** Names the record without its content, which can be large. */
    @Override
    public String toString() {
        return "EventRecord[eventId=" + eventId + ", originServer=" + originServer + ", originSeq=" + originSeq
                + ", originTs=" + originTs + ", sender=" + sender + ", content=" + (content == null ? null : content.length() + " chars")
                + ", contentHash=" + contentHash + ", keyId=" + keyId + ", rawLength=" + raw.length + "]";
    }
}
