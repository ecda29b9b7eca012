package io.tapsrelay.frames.validate;

/** Values shown in violation messages, shortened so a hostile value cannot blow up a log line. */
final class Quote {
    private static final int MAX = 80;

    private Quote() {}

    static String of(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > MAX ? value.substring(0, MAX) + "…" : value;
        return "\"" + shown + "\"";
    }
}
