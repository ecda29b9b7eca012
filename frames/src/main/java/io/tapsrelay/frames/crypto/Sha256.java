package io.tapsrelay.frames.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-256 value: 32 bytes, immutable, shown as lower-case hex. */
public final class Sha256 {
    /** Bytes in a SHA-256 value. */
    public static final int LENGTH = 32;
    /** h0 of the §7 prefix chain: 32 zero bytes. */
    public static final Sha256 ZERO = new Sha256(new byte[LENGTH]);

    private static final HexFormat HEX = HexFormat.of();
    private static final int HEX_LENGTH = 2 * LENGTH;
    /**
     * The value of each lower-case hex digit, -1 for every other char below 256. 256 entries though
     * only ASCII chars are digits: the chars of a Latin-1 string are known to be below 256, so the
     * JIT drops both the range test and the bounds check on the lookup.
     */
    private static final byte[] DIGITS = new byte[256];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        String digits = "0123456789abcdef";
        for (int i = 0; i < digits.length(); i++) {
            DIGITS[digits.charAt(i)] = (byte) i;
        }
    }

    /** One digest per thread for {@link #digest}: {@code digest()} leaves it reset for the next use. */
    private static final ThreadLocal<MessageDigest> PER_THREAD = ThreadLocal.withInitial(Sha256::newDigest);
    private final byte[] bytes;

    private Sha256(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of {@code bytes}, which must be 32 long. */
    public static Sha256 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("SHA-256 value needs 32 bytes, got " + bytes.length);
        }
        return new Sha256(bytes.clone());
    }

    /** Parses 64 lower-case hex digits. */
    public static Sha256 fromHex(String hex) {
        if (hex == null || hex.length() != HEX_LENGTH) {
            throw notHex(hex);
        }
        return fromHex(hex, 0);
    }

    /**
     * Parses the 64 lower-case hex digits of {@code s} from {@code from}, which {@code s} must hold,
     * checking each pair as it goes.
     */
    static Sha256 fromHex(String s, int from) {
        byte[] bytes = new byte[LENGTH];
        int all = 0;
        for (int i = 0; i < LENGTH; i++) {
            int high = digit(s.charAt(from + 2 * i));
            int low = digit(s.charAt(from + 2 * i + 1));
            all |= high | low;
            bytes[i] = (byte) (high << 4 | low);
        }
        // A negative digit anywhere makes `all` negative; the bytes written from it are dropped.
        if (all < 0) {
            throw notHex(s.substring(from, from + HEX_LENGTH));
        }
        return new Sha256(bytes);
    }

    /** True when {@code s} is 64 lower-case hex digits. */
    public static boolean isHex(String s) {
        return s != null && s.length() == HEX_LENGTH && isLowerHex(s, 0);
    }

    /** True when the 64 chars of {@code s} from {@code from}, which it must hold, are lower-case hex digits. */
    static boolean isLowerHex(String s, int from) {
        int all = 0;
        for (int i = from; i < from + HEX_LENGTH; i++) {
            all |= digit(s.charAt(i));
        }
        return all >= 0;
    }

    private static int digit(char c) {
        return c < DIGITS.length ? DIGITS[c] : -1;
    }

    private static IllegalArgumentException notHex(String hex) {
        return new IllegalArgumentException("expected 64 lower-case hex digits, got " + hex);
    }

    /** SHA-256 of {@code data}. */
    public static Sha256 digest(byte[] data) {
        return new Sha256(PER_THREAD.get().digest(data));
    }

    /** This thread's reused digest, reset; it must be left reset ({@code digest()} does that). */
    static MessageDigest threadDigest() {
        return PER_THREAD.get();
    }

    /**
     * A fresh JDK SHA-256 digest; not thread-safe, so one per use. Looking one up goes through the
     * security providers, which costs about as much as hashing a short input, so hot paths keep one.
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Feeds the 32 bytes into {@code digest} without copying. */
    public void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    /** Lower-case hex. */
    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
