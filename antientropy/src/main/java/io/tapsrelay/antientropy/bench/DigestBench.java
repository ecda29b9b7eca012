package io.tapsrelay.antientropy.bench;

import io.tapsrelay.antientropy.AntiEntropy;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.frames.crypto.Sha256;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.client.PeerConnections;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.NettyTransport;
import io.tapsrelay.relay.identity.RequestSigning;
import io.tapsrelay.relay.identity.SigningKey;
import io.tapsrelay.relay.identity.SigningKeys;
import io.tapsrelay.relay.store.StoredEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@code GET …/digest} round trips against a real relay whose group holds many events
 * (default 1 000 000 over 4 origins).
 *
 * <p>Build phase: the events go straight into the relay's store in batches of 10 000, with
 * {@code storage.sync: false} so building takes seconds; the digest never reads events, only the
 * per-origin state kept on every write, so how the events got there does not matter to what is
 * measured. Then it signs and sends warm-up requests, and reports the median and the 99th
 * percentile of three runs of {@code requests} round trips each, and the median of the three
 * medians.
 *
 * <p>Usage: {@code DigestBench [events] [requests]}; the store lives in a temporary directory that
 * is deleted afterwards.
 */
public final class DigestBench {
    private static final String GROUP = "g!digest-bench";
    private static final int ORIGINS = 4;
    private static final int BATCH = 10_000;
    private static final int RUNS = 3;

    private DigestBench() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("digest-bench");
        try {
            run(dir, events, requests);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(Path dir, long events, int requests) throws Exception {
        SigningKey client = SigningKeys.loadOrCreate(dir.resolve("bench-client.pem"), Clock.systemUTC(),
                Duration.ofDays(30)).current();
        int port = freePort();
        String yaml = "server_id: \"bench-relay.test\"\n"
                + "listen: \"127.0.0.1:" + port + "\"\n"
                + "admin_listen: \"127.0.0.1:0\"\n"
                + "storage:\n  path: \"" + dir.resolve("relay") + "\"\n  sync: false\n"
                + "antientropy:\n  enabled: false\n"
                + "peers:\n  - server_id: \"bench-client.test\"\n    url: http://127.0.0.1:9\n    dial: false\n"
                + "    keys:\n      \"" + client.keyId() + "\": \"" + Base64.getEncoder().encodeToString(client.publicKey())
                + "\"\n";
        RelayConfig config = ConfigLoader.parse(yaml, "digest-bench.yaml");
        try (Relay relay = Relay.start(config, List.of(new AntiEntropy()))) {
            long built = System.nanoTime();
            fill(relay, events);
            System.out.printf("built: %d events over %d origins in %.1f s (storage.sync false)%n", events, ORIGINS,
                    (System.nanoTime() - built) / 1e9);
            URI base = URI.create(relay.federationUrl());
            NettyTransport transport = new NettyTransport(1);
            try (PeerConnections connections = new PeerConnections(transport, null, Duration.ofSeconds(5))) {
                for (int i = 0; i < 50; i++) {
                    digest(connections, base, client);
                }
                double[] medians = new double[RUNS];
                for (int run = 0; run < RUNS; run++) {
                    double[] ms = new double[requests];
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        digest(connections, base, client);
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    Arrays.sort(ms);
                    medians[run] = ms[requests / 2];
                    System.out.printf("run %d: %d requests, median %.3f ms, p99 %.3f ms, max %.3f ms%n", run + 1,
                            requests, medians[run], ms[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)],
                            ms[requests - 1]);
                }
                Arrays.sort(medians);
                System.out.printf("digest latency, median of %d runs: %.3f ms%n", RUNS, medians[RUNS / 2]);
            } finally {
                transport.close();
            }
        }
    }

    private static void fill(Relay relay, long events) throws Exception {
        byte[] pad = "x".repeat(120).getBytes(StandardCharsets.US_ASCII);
        long perOrigin = events / ORIGINS;
        for (int o = 0; o < ORIGINS; o++) {
            String origin = "origin-" + o + ".test";
            long count = o == ORIGINS - 1 ? events - perOrigin * (ORIGINS - 1) : perOrigin;
            List<StoredEvent> batch = new ArrayList<>(BATCH);
            for (long seq = 1; seq <= count; seq++) {
                String id = Ulids.next();
                byte[] content = (origin + seq).getBytes(StandardCharsets.US_ASCII);
                String record = "{\"event_id\":\"" + id + "\",\"origin_server\":\"" + origin + "\",\"origin_seq\":" + seq
                        + ",\"content\":\"" + new String(pad, StandardCharsets.US_ASCII) + "\"}";
                batch.add(new StoredEvent(GROUP, id, origin, seq, Sha256.digest(content),
                        record.getBytes(StandardCharsets.US_ASCII)));
                if (batch.size() == BATCH || seq == count) {
                    relay.store().append(batch).get(120, TimeUnit.SECONDS);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
    }

    private static void digest(PeerConnections connections, URI base, SigningKey key) throws Exception {
        String path = "/_taps/federation/encrypted-groups/" + GROUP + "/digest";
        HttpResult r = connections.request(base, "GET", path, RequestSigning.headers(key, "bench-client.test",
                "bench-relay.test", "GET", path, System.currentTimeMillis(), RequestSigning.bodyHash(new byte[0])),
                new byte[0], 1 << 20).get(10, TimeUnit.SECONDS);
        if (r.status() != 200) {
            throw new IllegalStateException("digest answered " + r.status() + ": " + new String(r.body(),
                    StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
