package io.tapsrelay.relay.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeysTest {
    @Test
    void sequenceKeysOfOneOriginSortNumericallyAndStayInsideTheOriginPrefix() {
        byte[] prefix = Keys.prefix("g!a", "relay.example");
        byte[] low = Keys.seqKey("g!a", "relay.example", 255);
        byte[] high = Keys.seqKey("g!a", "relay.example", 256);

        assertTrue(Arrays.compareUnsigned(low, high) < 0);
        assertTrue(Keys.startsWith(high, prefix));
        assertEquals(256, Keys.seqOf(high));
    }

    @Test
    void anOriginWhoseNameExtendsAnotherIsOutsideItsPrefix() {
        byte[] prefix = Keys.prefix("g!a", "relay");

        assertTrue(!Keys.startsWith(Keys.seqKey("g!a", "relay.example", 1), prefix));
        assertTrue(!Keys.startsWith(Keys.seqKey("g!ab", "relay", 1), Keys.prefix("g!a", "relay")));
    }

    @Test
    void namesAreReadBackFromAKey() {
        byte[] key = Keys.names("relay-b.example", "g!team", "relay-a.example");

        Keys.Parsed parsed = Keys.names(key, 0, 3, key.length);

        assertArrayEquals(new String[] {"relay-b.example", "g!team", "relay-a.example"}, parsed.names());
    }
}
