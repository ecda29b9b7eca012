package io.tapsrelay.relay.identity;

import io.tapsrelay.frames.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens of local clients posting to {@code /send} (PROTOCOL.md §4). Configuration holds
 * only SHA-256 hashes of tokens, so a leaked config file leaks no token; the relay's own
 * {@code client-token} is added as client {@code local}, allowed every group.
 *
 * <p>Checking hashes the presented token and compares it with every entry in constant time, so
 * timing says nothing about which entry, or how much of one, matched. Immutable and thread-safe.
 */
public final class ClientTokens {
    /** The name of the client holding the relay's own token. */
    public static final String LOCAL = "local";
    private static final String BEARER = "Bearer ";

    private final List<Grant> grants;

    /**
     * One configured client.
     *
     * @param name unique client name
     * @param tokenSha256Hex {@link #sha256Hex} of its token
     * @param groupPatterns groups it may post to
     */
    public record Entry(String name, String tokenSha256Hex, List<String> groupPatterns) {
        public Entry {
            if (!Sha256.isHex(tokenSha256Hex)) {
                throw new IllegalArgumentException("client " + name
                        + ": token hash must be 64 lower-case hex digits (SHA-256 of the token)");
            }
            groupPatterns = List.copyOf(groupPatterns);
        }
    }

    private record Grant(byte[] hash, ClientIdentity identity) {}

    /**
     * @param entries configured clients; names and hashes must be unique, and {@code local} is taken
     * @param localToken the relay's own client token (see {@link LocalTokens})
     */
    public ClientTokens(List<Entry> entries, String localToken) {
        if (localToken == null || localToken.isEmpty()) {
            throw new IllegalArgumentException("the local client token must not be empty");
        }
        List<Grant> all = new ArrayList<>();
        all.add(new Grant(hash(localToken), new ClientIdentity(LOCAL, List.of("*"))));
        Set<String> names = new HashSet<>(List.of(LOCAL));
        Set<String> hashes = new HashSet<>(List.of(sha256Hex(localToken)));
        for (Entry e : entries) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("client name \"" + e.name() + "\" is used twice or is reserved");
            }
            if (!hashes.add(e.tokenSha256Hex())) {
                throw new IllegalArgumentException("client " + e.name() + " shares its token with another client");
            }
            all.add(new Grant(Sha256.fromHex(e.tokenSha256Hex()).toBytes(), new ClientIdentity(e.name(), e.groupPatterns())));
        }
        this.grants = List.copyOf(all);
    }

    /**
     * The client presenting {@code authorizationHeader}, which must be exactly {@code Bearer <token>}
     * (one space, no other scheme spelling).
     *
     * @return empty when the header is absent, malformed, or holds an unknown token
     */
    public Optional<ClientIdentity> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER)) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(BEARER.length());
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return Optional.empty();
        }
        byte[] presented = hash(token);
        ClientIdentity found = null;
        // No early exit: every entry costs the same whether or not an earlier one matched.
        for (Grant g : grants) {
            if (MessageDigest.isEqual(g.hash(), presented) && found == null) {
                found = g.identity();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: what configuration holds. */
    public static String sha256Hex(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.UTF_8)).hex();
    }

    private static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.UTF_8)).toBytes();
    }
}
