package io.tapsrelay.frames.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed independently with Python's hashlib. */
class RootHashTest {
    @Test
    void rootHashSortsOriginsGivenInTheWrongOrder() {
        OriginDigest b = new OriginDigest("relay-b.example", 5, 3, 4, Sha256.fromHex("aa".repeat(32)));
        OriginDigest a = new OriginDigest("relay-a.example", 7, 7, 7, Sha256.fromHex("0b".repeat(32)));
        String expected = "7f7d053614356888ed97de7a3dcb85ae15eba4b6e4c277dc3f979c1d302ec956";
        assertEquals(expected, RootHash.of(List.of(b, a)).hex());
        assertEquals(expected, RootHash.of(List.of(a, b)).hex());
    }

    @Test
    void rootHashOrdersByBytesSoDigitsComeBeforeLetters() {
        OriginDigest named = new OriginDigest("relay-a.example", 1, 1, 1, Sha256.fromHex("00".repeat(32)));
        OriginDigest numeric = new OriginDigest("127.0.0.1:8448", 2, 2, 2, Sha256.fromHex("11".repeat(32)));
        assertEquals("90e702f9d310cfa3a3436bc95863eefc5080fb566912d1f9d0c6b1208d41b2c1",
                RootHash.of(List.of(named, numeric)).hex());
    }

    @Test
    void rootHashOfNoOriginsIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", RootHash.of(List.of()).hex());
    }

    @Test
    void anOriginListedTwiceIsRefused() {
        OriginDigest a = new OriginDigest("relay-a.example", 1, 1, 1, Sha256.ZERO);
        assertThrows(IllegalArgumentException.class, () -> RootHash.of(List.of(a, a)));
    }

    @Test
    void aDigestWhoseCountsCannotHoldForDenseSequencesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OriginDigest("relay-a.example", 3, 4, 4, Sha256.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new OriginDigest("relay-a.example", 3, 1, 4, Sha256.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new OriginDigest("relay-a.example", 3, 2, 1, Sha256.ZERO));
    }
}
