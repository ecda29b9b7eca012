package io.tapsrelay.relay.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens the relay makes for itself on first boot and keeps in its data directory
 * ({@code client-token} for local scripts, {@code admin-token} for the admin listener), so an
 * operator can read them with {@code cat} and nothing needs configuring.
 */
public final class LocalTokens {
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalTokens() {}

    /**
     * The token in {@code file}; on first boot a new random one (32 bytes, base64url without
     * padding), written atomically with mode 0600 and a trailing newline.
     *
     * @throws IOException when the file cannot be read or written, or holds no token
     */
    public static String loadOrCreate(Path file) throws IOException {
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!isToken(token)) {
                throw new IOException(file + " does not hold a base64url token; delete it to have a new one made");
            }
            return token;
        } catch (NoSuchFileException e) {
            byte[] random = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            AtomicFiles.writeOwnerOnly(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
            return token;
        }
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
