package io.tapsrelay.antientropy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.config.RelayConfig;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupAccessTest {
    private static RelayConfig twoPeers() throws Exception {
        return ConfigLoader.parse("""
                server_id: self.test
                listen: 127.0.0.1:0
                admin_listen: 127.0.0.1:0
                peers:
                  - server_id: good.test
                    url: http://127.0.0.1:9001
                  - server_id: bad.test
                    url: http://127.0.0.1:9002
                """, "test.yaml");
    }

    @Test
    void aRefusedPeerIsNeitherRepairedWithNorNamedAsAPeer() throws Exception {
        Set<String> refused = Set.of("bad.test");
        GroupAccess access = new GroupAccess(twoPeers(), refused::contains);
        assertEquals(java.util.List.of("good.test"),
                access.peersFor("g!any").stream().map(PeerConfig::serverId).toList());
        assertTrue(access.peer("bad.test").isEmpty());
        assertTrue(access.peer("good.test").isPresent());
    }

    @Test
    void withNothingRefusedEveryMatchingPeerIsRepairedWith() throws Exception {
        GroupAccess access = new GroupAccess(twoPeers(), id -> false);
        assertEquals(2, access.peersFor("g!any").size());
    }
}
