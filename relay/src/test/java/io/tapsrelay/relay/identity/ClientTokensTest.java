package io.tapsrelay.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTokensTest {
    private static final String LOCAL_TOKEN = "local-secret";
    private static final String BOT_TOKEN = "bot-secret";

    private final ClientTokens tokens = new ClientTokens(
            List.of(new ClientTokens.Entry("bot", ClientTokens.sha256Hex(BOT_TOKEN), List.of("g!acme-*", "g!ops"))),
            LOCAL_TOKEN);

    @Test
    void sha256HexIsTheLowerCaseHexDigestOfTheToken() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ClientTokens.sha256Hex("abc"));
    }

    @Test
    void theLocalTokenIsClientLocalAllowedEveryGroup() {
        ClientIdentity local = tokens.authenticate("Bearer " + LOCAL_TOKEN).orElseThrow();
        assertEquals(new ClientIdentity("local", List.of("*")), local);
        assertTrue(local.mayPost("g!anything"));
    }

    @Test
    void aConfiguredTokenIsItsClient() {
        assertEquals(Optional.of(new ClientIdentity("bot", List.of("g!acme-*", "g!ops"))),
                tokens.authenticate("Bearer " + BOT_TOKEN));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer wrong", "bearer bot-secret", "Basic bot-secret",
        "Bearer  bot-secret", "Bearer bot-secret ", "Bearer bot-secret\n", "bot-secret"})
    void anythingButExactlyBearerAndAKnownTokenIsRefused(String header) {
        assertEquals(Optional.empty(), tokens.authenticate(header));
    }

    @Test
    void groupPatternsAreStarExactOrPrefix() {
        ClientIdentity bot = tokens.authenticate("Bearer " + BOT_TOKEN).orElseThrow();
        assertTrue(bot.mayPost("g!acme-1"));
        assertTrue(bot.mayPost("g!acme-"));
        assertTrue(bot.mayPost("g!ops"));
        assertFalse(bot.mayPost("g!ops2"));
        assertFalse(bot.mayPost("g!acme"));
        assertFalse(bot.mayPost("g!other"));
        assertFalse(bot.mayPost("not-a-group"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme", "g!", "g!a b", "*g!", "g!a*b", "g!**", "**"})
    void invalidGroupPatternsAreRefused(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> new ClientIdentity("bot", List.of(pattern)));
    }

    @Test
    void theEmptyPrefixPatternCoversEveryGroup() {
        assertTrue(new ClientIdentity("bot", List.of("g!*")).mayPost("g!x"));
    }

    @Test
    void clientNamesMustBeUniqueAndLocalIsReserved() {
        String hash = ClientTokens.sha256Hex("t");
        assertThrows(IllegalArgumentException.class,
                () -> new ClientTokens(List.of(new ClientTokens.Entry("local", hash, List.of("*"))), LOCAL_TOKEN));
        assertThrows(IllegalArgumentException.class, () -> new ClientTokens(List.of(
                new ClientTokens.Entry("a", hash, List.of("*")),
                new ClientTokens.Entry("a", ClientTokens.sha256Hex("u"), List.of("*"))), LOCAL_TOKEN));
        assertThrows(IllegalArgumentException.class, () -> new ClientTokens(List.of(
                new ClientTokens.Entry("a", ClientTokens.sha256Hex(LOCAL_TOKEN), List.of("*"))), LOCAL_TOKEN));
    }

    @Test
    void aTokenHashMustBeLowerCaseHex() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClientTokens.Entry("a", ClientTokens.sha256Hex("t").toUpperCase(java.util.Locale.ROOT), List.of("*")));
    }
}
