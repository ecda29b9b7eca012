package io.tapsrelay.frames.crypto;

import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.validate.Base64s;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The §3 event signature: Ed25519 over the UTF-8 bytes of the lines {@code taps.v1.event}, group
 * id, {@code event_id}, {@code origin_server}, {@code origin_seq}, {@code origin_ts},
 * {@code sender} (empty when absent), {@code content_hash}, joined by {@code \n} without a trailing
 * one. The strings are used exactly as the record carries them. Thread-safe.
 */
public final class EventSigning {
    /** First line of the signing input: keeps event signatures apart from any other signed text. */
    public static final String DOMAIN = "taps.v1.event";

    private EventSigning() {}

    /** The signing input of an event in {@code groupId}. */
    public static byte[] signingInput(
            String groupId, String eventId, String originServer, long originSeq, long originTs, String sender, String contentHash) {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(originServer, "originServer");
        Objects.requireNonNull(contentHash, "contentHash");
        String text = DOMAIN + '\n' + groupId + '\n' + eventId + '\n' + originServer + '\n' + originSeq + '\n'
                + originTs + '\n' + (sender == null ? "" : sender) + '\n' + contentHash;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The signing input of a complete record.
     *
     * @throws IllegalArgumentException when a signed field other than {@code sender} is absent
     */
    public static byte[] signingInput(String groupId, EventRecord e) {
        if (e.eventId() == null || e.originServer() == null || e.originSeq() == null || e.originTs() == null
                || e.contentHash() == null) {
            throw new IllegalArgumentException("event record lacks a signed field: " + e);
        }
        return signingInput(groupId, e.eventId(), e.originServer(), e.originSeq(), e.originTs(), e.sender(), e.contentHash());
    }

    /** The signature by {@code key} over {@code signingInput}, as standard base64. */
    public static String sign(Ed25519Keys.KeyPair key, byte[] signingInput) {
        return Base64s.encode(key.sign(signingInput));
    }

    /**
     * True when {@code signatureBase64} is strict base64 of a valid 64-byte Ed25519 signature by
     * {@code key} over {@code signingInput}; false for anything else, malformed text included.
     */
    public static boolean verify(Ed25519Keys.PublicKey key, byte[] signingInput, String signatureBase64) {
        Optional<byte[]> signature = Base64s.decode(signatureBase64);
        return signature.isPresent() && key.verify(signingInput, signature.get());
    }
}
