package io.tapsrelay.relay.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tapsrelay.frames.validate.Ulids;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UlidTextTest {
    private static final long SEED = 20261122L;

    @Test
    void textOfBytesIsTheInverseOfUlidsToBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);

            String text = UlidText.of(bytes, 0);

            assertArrayEquals(bytes, Ulids.toBytes(text), "seed " + SEED + ", round " + i);
            assertEquals(Ulids.canonical(text), text);
        }
    }

    @Test
    void knownValuesEncodeAsExpected() {
        assertEquals("00000000000000000000000000", UlidText.of(new byte[16], 0));
        byte[] max = new byte[16];
        java.util.Arrays.fill(max, (byte) 0xFF);
        assertEquals("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", UlidText.of(max, 0));
        String ulid = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
        assertEquals(ulid, UlidText.of(Ulids.toBytes(ulid), 0));
    }

    @Test
    void anOffsetSelectsTheSixteenBytesAfterIt() {
        byte[] bytes = new byte[20];
        System.arraycopy(Ulids.toBytes("01ARZ3NDEKTSV4RRFFQ69G5FAV"), 0, bytes, 4, 16);

        assertEquals("01ARZ3NDEKTSV4RRFFQ69G5FAV", UlidText.of(bytes, 4));
    }
}
