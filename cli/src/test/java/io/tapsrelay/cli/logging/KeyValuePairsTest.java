package io.tapsrelay.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValuePairsTest {
    @Test
    void readsThePairsOfARelayMessageInOrder() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("event", "stream-open");
        expected.put("peer", "127.0.0.1:8458");
        expected.put("group", "g!team");

        Map<String, String> pairs = KeyValuePairs.parse("event=stream-open peer=127.0.0.1:8458 group=g!team").orElseThrow();

        assertEquals(expected, pairs);
        assertEquals(java.util.List.copyOf(expected.keySet()), java.util.List.copyOf(pairs.keySet()));
    }

    @Test
    void aQuotedValueKeepsItsSpacesAndEscapedQuotes() {
        Map<String, String> pairs = KeyValuePairs.parse("event=stream-closed reason=\"peer said \\\"bye\\\" \\\\ gone\" n=1")
                .orElseThrow();

        assertEquals("peer said \"bye\" \\ gone", pairs.get("reason"));
        assertEquals("1", pairs.get("n"));
    }

    @Test
    void anEmptyValueIsAValue() {
        assertEquals(Map.of("sender", "", "x", "1"), KeyValuePairs.parse("sender= x=1").orElseThrow());
    }

    @Test
    void freeTextIsNotSplitIntoPairs() {
        for (String message : new String[] {
            "", "   ", "hello world", "event=ok and then some words", "=value", "key=\"unterminated",
            "key=\"quoted\"trailing", "9key=v", "ключ=v"
        }) {
            assertTrue(KeyValuePairs.parse(message).isEmpty(), message);
        }
    }

    @Test
    void extraSpacesBetweenPairsAreTolerated() {
        assertEquals(Map.of("a", "1", "b", "2"), KeyValuePairs.parse("  a=1   b=2 ").orElseThrow());
    }
}
