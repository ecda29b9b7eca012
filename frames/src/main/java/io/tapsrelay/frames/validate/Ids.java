package io.tapsrelay.frames.validate;

/**
 * The name forms of PROTOCOL.md §1: server ids, group ids, ULIDs and key ids.
 *
 * <p>Pure predicates without allocation on the happy path, so they can run on every frame.
 */
public final class Ids {
    private static final int SERVER_ID_MAX = 255;
    private static final int GROUP_NAME_MAX = 128;
    private static final int KEY_NAME_MAX = 64;
    private static final String GROUP_PREFIX = "g!";
    private static final String KEY_PREFIX = "ed25519:";

    // Char classes as bits in one table: a check per char is one load and one mask instead of a
    // chain of range tests, and these run several times on every frame. Only ASCII chars are in a
    // class; the table has 256 entries because the chars of a Latin-1 string are known to be below
    // 256, so the JIT drops both the range test and the bounds check on the lookup.
    private static final int HOST = 1;
    private static final int GROUP_NAME = 2;
    private static final int KEY_NAME = 4;
    private static final int ULID_DIGIT = 8;
    private static final byte[] CLASSES = new byte[256];

    static {
        String lower = "abcdefghijklmnopqrstuvwxyz";
        String alnum = lower + lower.toUpperCase(java.util.Locale.ROOT) + "0123456789";
        mark(lower + "0123456789.-", HOST);
        mark(alnum + "._~-", GROUP_NAME);
        mark(alnum + "_", KEY_NAME);
        // The Crockford alphabet is Ulids' to define; this only copies it into the table.
        for (char c = 0; c < 128; c++) {
            if (Ulids.digitValue(c) >= 0) {
                CLASSES[c] |= ULID_DIGIT;
            }
        }
    }

    private Ids() {}

    private static void mark(String chars, int charClass) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] |= (byte) charClass;
        }
    }

    /** True when every char of {@code s} in {@code [from, to)} is in {@code charClass}. */
    private static boolean allIn(String s, int from, int to, int charClass) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= CLASSES.length || (CLASSES[c] & charClass) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case DNS-like name with an optional {@code :port}; 1–255 chars of {@code a-z 0-9 . -}. */
    public static boolean isServerId(String s) {
        if (s == null || s.isEmpty() || s.length() > SERVER_ID_MAX) {
            return false;
        }
        int colon = s.indexOf(':');
        int hostEnd = colon < 0 ? s.length() : colon;
        if (hostEnd == 0) {
            return false;
        }
        if (!allIn(s, 0, hostEnd, HOST)) {
            return false;
        }
        if (colon < 0) {
            return true;
        }
        return isPort(s, colon + 1);
    }

    private static boolean isPort(String s, int from) {
        int digits = s.length() - from;
        if (digits < 1 || digits > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port >= 1 && port <= 65535;
    }

    /** {@code g!} then 1–128 chars of {@code A-Z a-z 0-9 . _ ~ -}. */
    public static boolean isGroupId(String s) {
        if (s == null || !s.startsWith(GROUP_PREFIX)) {
            return false;
        }
        int len = s.length() - GROUP_PREFIX.length();
        if (len < 1 || len > GROUP_NAME_MAX) {
            return false;
        }
        return allIn(s, GROUP_PREFIX.length(), s.length(), GROUP_NAME);
    }

    /** {@code ed25519:} then 1–64 chars of {@code A-Z a-z 0-9 _}. */
    public static boolean isKeyId(String s) {
        if (s == null || !s.startsWith(KEY_PREFIX)) {
            return false;
        }
        int len = s.length() - KEY_PREFIX.length();
        if (len < 1 || len > KEY_NAME_MAX) {
            return false;
        }
        return allIn(s, KEY_PREFIX.length(), s.length(), KEY_NAME);
    }

    /**
     * 26 Crockford base32 chars in either case, first char {@code 0}–{@code 7}; the letters
     * {@code I L O U} are not part of the alphabet and are rejected, not aliased.
     */
    public static boolean isUlid(String s) {
        if (s == null || s.length() != Ulids.TEXT_LENGTH) {
            return false;
        }
        char first = s.charAt(0);
        if (first < '0' || first > '7') {
            return false;
        }
        return allIn(s, 1, s.length(), ULID_DIGIT);
    }
}
