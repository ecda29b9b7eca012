package io.tapsrelay.it;

import io.tapsrelay.frames.Credit;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.Frame;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.Hello;
import io.tapsrelay.frames.Payload;
import io.tapsrelay.frames.codec.FrameEncoder;
import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.crypto.ContentHash;
import io.tapsrelay.frames.crypto.EventSigning;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.identity.SigningKey;
import io.tapsrelay.relay.identity.SigningKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A scripted peer for tests: its own server id and Ed25519 key, pinned in the relay under test,
 * that opens raw {@code /stream}s and posts raw {@code /send}s, writing exactly the bytes a test
 * chooses and recording every frame it receives.
 */
final class RawPeer implements AutoCloseable {
    final String serverId;
    final SigningKey key;
    private final NettyTransport transport = new NettyTransport(1);
    private final PeerConnections connections = new PeerConnections(transport, null, Duration.ofSeconds(5));

    RawPeer(String serverId, Path keyDir) throws IOException {
        this.serverId = serverId;
        this.key = SigningKeys.loadOrCreate(keyDir.resolve(serverId + ".pem"), Clock.systemUTC(), Duration.ofDays(30))
                .current();
    }

    /** The peers entry that lets a relay accept this peer, with its key pinned. */
    String peerEntry() {
        return "  - server_id: \"" + serverId + "\"\n    url: http://127.0.0.1:9\n    dial: false\n    keys:\n      \""
                + key.keyId() + "\": \"" + Base64.getEncoder().encodeToString(key.publicKey()) + "\"\n";
    }

    Map<String, String> signedHeaders(String method, String path, String destination, String bodyHash) {
        Map<String, String> h = new LinkedHashMap<>(RequestSigning.headers(key, serverId, destination, method, path,
                System.currentTimeMillis(), bodyHash));
        h.put("content-type", MediaTypes.FRAMES);
        return h;
    }

    /** Opens a stream to {@code relay} for {@code group}, signed as this peer. */
    RawStream open(TestRelay relay, String group) throws Exception {
        String path = "/_taps/federation/encrypted-groups/" + group + "/stream";
        return open(relay.url(), path, signedHeaders("POST", path, relay.serverId, RequestSigning.STREAM_BODY));
    }

    /** Opens a stream with exactly these headers. */
    RawStream open(URI base, String path, Map<String, String> headers) throws Exception {
        RawStream stream = new RawStream();
        connections.openStream(base, path, headers, stream.handler()).get(10, TimeUnit.SECONDS);
        return stream;
    }

    /** Posts {@code body} to {@code /send}, signed as this peer. */
    HttpResult send(TestRelay relay, String group, byte[] body) throws Exception {
        String path = "/_taps/federation/encrypted-groups/" + group + "/send";
        return post(relay.url(), path, signedHeaders("POST", path, relay.serverId, RequestSigning.bodyHash(body)), body);
    }

    HttpResult post(URI base, String path, Map<String, String> headers, byte[] body) throws Exception {
        return connections.request(base, "POST", path, headers, body, 1 << 20).get(10, TimeUnit.SECONDS);
    }

    HttpResult get(URI base, String path, Map<String, String> headers) throws Exception {
        return connections.request(base, "GET", path, headers, new byte[0], 1 << 20).get(10, TimeUnit.SECONDS);
    }

    // ---- frames this peer writes ----

    byte[] hello(long seq, List<String> groups) {
        return line(FrameType.HELLO, seq, null, new Hello(serverId, "1.0.0", List.of("stream"), groups, 16384));
    }

    byte[] credit(long seq, long events, long bytes) {
        return line(FrameType.CREDIT, seq, null, new Credit(events, bytes));
    }

    /** An EVENT frame carrying a record of this peer's own origin, validly signed. */
    byte[] event(long seq, String group, long originSeq, String text) {
        return eventFrame(seq, group, signedRecord(group, Ulids.next(), originSeq, text));
    }

    byte[] eventFrame(long seq, String group, EventRecord record) {
        return line(FrameType.EVENT, seq, group, record);
    }

    EventRecord signedRecord(String group, String eventId, long originSeq, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        String hash = ContentHash.of(content);
        long ts = System.currentTimeMillis();
        String sig = EventSigning.sign(key.keyPair(), EventSigning.signingInput(group, eventId, serverId, originSeq, ts,
                null, hash));
        return EventRecord.create(eventId, serverId, originSeq, ts, null, Base64.getEncoder().encodeToString(content), hash,
                key.keyId(), sig);
    }

    byte[] line(FrameType type, long seq, String group, Payload payload) {
        return FrameEncoder.encode(Frame.of(type, Ulids.next(), serverId, seq, group, Timestamps.now(), payload));
    }

    @Override
    public void close() {
        connections.close();
        transport.close();
    }
}
