package io.tapsrelay.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {
    private static final List<String> KEYS = Schema.FEDERATION;

    @Test
    void oneTypoFindsTheKey() {
        assertEquals(Optional.of("max_message_size"), Spelling.nearest("max_mesage_size", KEYS));
    }

    @Test
    void swappedNeighbouringLettersCountAsOneEdit() {
        assertEquals(Optional.of("tls"), Spelling.nearest("tsl", Schema.ROOT));
    }

    @Test
    void caseCamelCaseAndDashesAreNotDifferences() {
        assertEquals(Optional.of("request_skew"), Spelling.nearest("requestSkew", KEYS));
        assertEquals(Optional.of("request_skew"), Spelling.nearest("request-skew", KEYS));
        assertEquals(Optional.of("mode"), Spelling.nearest("MODE", KEYS));
    }

    @Test
    void aFarAwayWordGetsNoGuess() {
        assertEquals(Optional.empty(), Spelling.nearest("colour", Schema.ROOT));
        assertEquals(Optional.empty(), Spelling.nearest("x", Schema.LOGGING));
    }

    @Test
    void theClosestOfSeveralCandidatesWins() {
        assertEquals(Optional.of("interval"), Spelling.nearest("intervl", Schema.KEEPALIVE));
    }
}
