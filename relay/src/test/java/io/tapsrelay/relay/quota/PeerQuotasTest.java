package io.tapsrelay.relay.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.LimitsConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PeerQuotasTest {
    private final AtomicLong now = new AtomicLong();
    private final PeerQuotas quotas = new PeerQuotas(
            new LimitsConfig(2, 0, 3, 0, 10, 5, Duration.ofMinutes(1)), 1000, now::get);

    @Test
    void eachPeerHasItsOwnBucketAndRefusalsAreCountedPerPeer() {
        assertEquals(0, quotas.admitPeerEvent("a.example", 10).retryAfterMs());
        assertEquals(0, quotas.admitPeerEvent("a.example", 10).retryAfterMs());
        assertTrue(!quotas.admitPeerEvent("a.example", 10).admitted());
        assertTrue(!quotas.admitPeerEvent("a.example", 10).admitted());
        assertEquals(0, quotas.admitPeerEvent("b.example", 10).retryAfterMs());
        assertEquals(Map.of("a.example", 2L), quotas.rateLimitedByPeer());
    }

    @Test
    void clientsHaveBucketsOfTheirOwnThatAPeerFloodDoesNotTouch() {
        for (int i = 0; i < 50; i++) {
            quotas.admitPeerEvent("cli", 10);
        }
        assertEquals(0, quotas.admitClientEvent("cli", 10).retryAfterMs());
        assertEquals(0, quotas.admitClientEvent("cli", 10).retryAfterMs());
        assertEquals(0, quotas.admitClientEvent("cli", 10).retryAfterMs());
        assertTrue(!quotas.admitClientEvent("cli", 10).admitted());
        assertEquals(0, quotas.admitClientEvent("other", 10).retryAfterMs());
    }

    @Test
    void withNoLimitsConfiguredEverythingIsAdmitted() {
        PeerQuotas open = new PeerQuotas(LimitsConfig.defaults(), 1000, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, open.admitPeerEvent("a.example", 900).retryAfterMs());
            assertEquals(0, open.admitClientEvent("local", 900).retryAfterMs());
        }
        assertEquals(Map.of(), open.rateLimitedByPeer());
    }
}
