package io.tapsrelay.config.internal;

import io.tapsrelay.config.ByteSizes;
import io.tapsrelay.config.ClientConfig;
import io.tapsrelay.config.Durations;
import io.tapsrelay.config.GroupPatterns;
import io.tapsrelay.config.HostPort;
import io.tapsrelay.config.PeerConfig;
import io.tapsrelay.frames.validate.Ids;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The scalar kinds of the configuration schema. */
public final class Kinds {
    public static final String SERVER_ID_EXPECTED =
            "a lower-case name of a-z 0-9 . - with an optional :port, such as relay-a.example or 127.0.0.1:8448";

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern AMOUNT_AND_WORD = Pattern.compile("([0-9]+)([a-zA-Z]+)");
    private static final Map<String, String> DURATION_WORDS = Map.ofEntries(
            Map.entry("msec", "ms"), Map.entry("millis", "ms"), Map.entry("milliseconds", "ms"),
            Map.entry("sec", "s"), Map.entry("secs", "s"), Map.entry("second", "s"), Map.entry("seconds", "s"),
            Map.entry("min", "m"), Map.entry("mins", "m"), Map.entry("minute", "m"), Map.entry("minutes", "m"),
            Map.entry("hr", "h"), Map.entry("hrs", "h"), Map.entry("hour", "h"), Map.entry("hours", "h"),
            Map.entry("day", "d"), Map.entry("days", "d"));
    private static final Map<String, String> SIZE_WORDS = Map.ofEntries(
            Map.entry("b", "B"), Map.entry("k", "KiB"), Map.entry("kb", "KiB"), Map.entry("kib", "KiB"),
            Map.entry("m", "MiB"), Map.entry("mb", "MiB"), Map.entry("mib", "MiB"),
            Map.entry("g", "GiB"), Map.entry("gb", "GiB"), Map.entry("gib", "GiB"));

    private Kinds() {}

    public static Kind<String> serverId() {
        return new Kind<>("a server id", SERVER_ID_EXPECTED, text -> {
            if (Ids.isServerId(text)) {
                return Parsed.ok(text);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return Parsed.bad("is not a server id", Ids.isServerId(lower) ? "did you mean '" + lower + "'?" : null);
        });
    }

    /** A base URL; {@code allowPortZero} only for this relay's own public URL. */
    public static Kind<String> baseUrl(boolean allowPortZero) {
        return new Kind<>("a URL", BaseUrls.EXPECTED, text -> BaseUrls.defect(text, allowPortZero)
                .<Parsed<String>>map(Parsed::bad)
                .orElseGet(() -> Parsed.ok(BaseUrls.normalise(text))));
    }

    public static Kind<HostPort> hostPort() {
        return new Kind<>("a host:port address", HostPort.EXPECTED, text -> HostPort.tryParse(text)
                .map(Parsed::ok)
                .orElseGet(() -> Parsed.bad("is not a host:port address")));
    }

    public static Kind<Path> path() {
        return new Kind<>("a path", "a file system path such as ./data", text -> {
            if (text.isEmpty()) {
                return Parsed.bad("is an empty path");
            }
            try {
                return Parsed.ok(Path.of(text));
            } catch (InvalidPathException e) {
                return Parsed.bad("is not a valid path");
            }
        });
    }

    public static Kind<Boolean> bool() {
        return new Kind<>("a boolean", "true or false", text -> switch (text) {
            case "true" -> Parsed.ok(true);
            case "false" -> Parsed.ok(false);
            default -> Parsed.bad("is not a boolean");
        });
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Kind<Integer> integer(int min, int max) {
        String expected = "a whole number from " + min + " to " + max;
        return new Kind<>("a whole number", expected, text -> {
            if (!text.matches("-?[0-9]{1,18}")) {
                return Parsed.bad("is not a whole number");
            }
            long n = Long.parseLong(text);
            return n < min || n > max ? Parsed.bad("is out of range") : Parsed.ok((int) n);
        });
    }

    /** A size in bytes from {@code min} to {@code max}. */
    public static Kind<Long> size(long min, long max) {
        String range = max == Long.MAX_VALUE
                ? "at least " + ByteSizes.format(min)
                : "from " + ByteSizes.format(min) + " to " + ByteSizes.format(max);
        return new Kind<>("a size", ByteSizes.EXPECTED, text -> {
            Optional<Long> bytes = ByteSizes.tryParse(text);
            if (bytes.isEmpty()) {
                return Parsed.bad("is not a size", sizeSuggestion(text));
            }
            long n = bytes.get();
            return n < min || n > max ? Parsed.bad("is out of range", "a size " + range, null) : Parsed.ok(n);
        });
    }

    /** A size that must fit an {@code int}, such as a frame length. */
    public static Kind<Integer> intSize(int min, int max) {
        Kind<Long> size = size(min, max);
        return new Kind<>(size.noun(), size.expected(), text -> {
            Parsed<Long> p = size.parse(text);
            return p.isOk() ? Parsed.ok(p.value().intValue()) : new Parsed<>(null, p.issue(), p.expected(), p.suggestion());
        });
    }

    /** A duration of at least {@code min}. */
    public static Kind<Duration> duration(Duration min) {
        return new Kind<>("a duration", Durations.EXPECTED, text -> {
            Optional<Duration> d = Durations.tryParse(text);
            if (d.isEmpty()) {
                return Parsed.bad("is not a duration", durationSuggestion(text));
            }
            if (d.get().compareTo(min) < 0) {
                String least = min.isZero() ? "0s or more" : "greater than zero";
                return Parsed.bad("is too short", "a duration " + least, null);
            }
            return Parsed.ok(d.get());
        });
    }

    /** A rate: a finite decimal number, 0 meaning unlimited. */
    public static Kind<Double> rate() {
        return new Kind<>("a number", "a number of 0 or more, such as 50 or 2.5 (0 means unlimited)", text -> {
            if (!DECIMAL.matcher(text).matches()) {
                return Parsed.bad("is not a number of 0 or more");
            }
            double d = Double.parseDouble(text);
            return Double.isInfinite(d) ? Parsed.bad("is too large") : Parsed.ok(d);
        });
    }

    /** One of a fixed set of words; {@code values} maps each word to its value. */
    public static <E> Kind<E> oneOf(String noun, Map<String, E> values, List<String> order) {
        return new Kind<>(noun, "one of " + String.join(", ", order), text -> {
            E value = values.get(text);
            return value != null ? Parsed.ok(value) : Parsed.bad("is not " + noun, Spelling.didYouMean(text, order));
        });
    }

    public static Kind<String> groupPattern() {
        return new Kind<>("a group pattern", GroupPatterns.EXPECTED,
                text -> GroupPatterns.isValid(text) ? Parsed.ok(text) : Parsed.bad("is not a group pattern"));
    }

    public static Kind<String> keyId() {
        return new Kind<>("a key id", "ed25519: then 1-64 characters of A-Z a-z 0-9 _, such as ed25519:a1",
                text -> Ids.isKeyId(text) ? Parsed.ok(text) : Parsed.bad("is not a key id"));
    }

    public static Kind<String> publicKey() {
        return new Kind<>("a public key", "standard base64 of the 32 raw bytes of an Ed25519 public key",
                text -> PeerConfig.isPublicKey(text) ? Parsed.ok(text) : Parsed.bad("is not base64 of 32 bytes"));
    }

    public static Kind<String> clientName() {
        return new Kind<>("a client name", "1-64 characters of A-Z a-z 0-9 . _ -",
                text -> ClientConfig.isName(text) ? Parsed.ok(text) : Parsed.bad("is not a client name"));
    }

    /**
     * The SHA-256 of a client token. Never echoed, in case the token itself was pasted here; upper
     * case hex is accepted and stored in lower case.
     */
    public static Kind<String> tokenSha256() {
        return new Kind<>("a SHA-256 digest",
                "64 hex digits: the SHA-256 of the token, not the token itself (printf %s \"$TOKEN\" | sha256sum)",
                text -> {
                    String lower = text.toLowerCase(Locale.ROOT);
                    return ClientConfig.isSha256Hex(lower)
                            ? Parsed.ok(lower)
                            : Parsed.bad("is not a SHA-256 digest (a value of " + text.length() + " characters, not shown)");
                },
                true);
    }

    // "30 s", "30sec", "30S" -> "30s"; a bare number gets no guess, the expected text says it.
    private static String durationSuggestion(String text) {
        Matcher m = AMOUNT_AND_WORD.matcher(text.replace(" ", ""));
        if (!m.matches()) {
            return null;
        }
        String word = m.group(2).toLowerCase(Locale.ROOT);
        String unit = DURATION_WORDS.getOrDefault(word, word);
        String guess = m.group(1) + unit;
        return !guess.equals(text) && Durations.tryParse(guess).isPresent() ? "did you mean '" + guess + "'?" : null;
    }

    // "16KB", "16 kib", "16k" -> "16KiB", saying why decimal units are refused.
    private static String sizeSuggestion(String text) {
        Matcher m = AMOUNT_AND_WORD.matcher(text.replace(" ", ""));
        if (!m.matches()) {
            return null;
        }
        String word = m.group(2).toLowerCase(Locale.ROOT);
        String unit = SIZE_WORDS.get(word);
        if (unit == null) {
            return null;
        }
        String guess = m.group(1) + unit;
        if (ByteSizes.tryParse(guess).isEmpty()) {
            return null;
        }
        boolean decimal = word.length() == 2 && word.endsWith("b");
        return "did you mean '" + guess + "'?" + (decimal ? " KB, MB and GB are not accepted: units are powers of 1024" : "");
    }
}
