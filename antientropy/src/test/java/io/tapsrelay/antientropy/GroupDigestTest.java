package io.tapsrelay.antientropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.crypto.OriginDigest;
import io.tapsrelay.frames.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupDigestTest {
    private static final Sha256 H1 = Sha256.digest("one".getBytes(StandardCharsets.UTF_8));
    private static final Sha256 H2 = Sha256.digest("two".getBytes(StandardCharsets.UTF_8));

    @Test
    void theRootHashIsSha256OverTheEntriesSortedByOriginEachValueFollowedByALineFeed() {
        OriginDigest b = new OriginDigest("relay-b.test", 7, 5, 6, H2);
        OriginDigest a = new OriginDigest("relay-a.test", 3, 3, 3, H1);
        String text = "relay-a.test\n3\n3\n3\n" + H1.hex() + "\n" + "relay-b.test\n7\n5\n6\n" + H2.hex() + "\n";
        GroupDigest d = GroupDigest.of("g!x", "relay-c.test", List.of(b, a));
        assertEquals(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)), d.rootHash());
        assertEquals(List.of(a, b), d.origins(), "entries are kept in byte order of origin_server");
    }

    @Test
    void anEmptyDigestHashesNothing() {
        GroupDigest d = GroupDigest.of("g!x", "relay-c.test", List.of());
        assertTrue(d.isEmpty());
        assertEquals(Sha256.digest(new byte[0]), d.rootHash());
    }

    @Test
    void digestsThatDifferInAnyFieldOfAnyOriginHaveDifferentRootHashes() {
        GroupDigest base = GroupDigest.of("g!x", "s.test", List.of(new OriginDigest("o.test", 9, 7, 8, H1)));
        for (OriginDigest other : List.of(new OriginDigest("o.test", 10, 7, 8, H1), new OriginDigest("o.test", 9, 6, 8, H1),
                new OriginDigest("o.test", 9, 7, 9, H1), new OriginDigest("o.test", 9, 7, 8, H2),
                new OriginDigest("p.test", 9, 7, 8, H1))) {
            assertNotEquals(base.rootHash(), GroupDigest.of("g!x", "s.test", List.of(other)).rootHash(), other.toString());
        }
    }

    @Test
    void aRootHashThatDoesNotMatchTheEntriesIsRefused() {
        List<OriginDigest> entries = List.of(new OriginDigest("o.test", 1, 1, 1, H1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroupDigest("g!x", "s.test", entries, H2));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void theRootHashDoesNotDependOnWhichServerDescribesTheGroup() {
        List<OriginDigest> entries = List.of(new OriginDigest("o.test", 1, 1, 1, H1));
        assertEquals(GroupDigest.of("g!x", "a.test", entries).rootHash(), GroupDigest.of("g!x", "b.test", entries).rootHash());
    }
}
