package io.tapsrelay.relay.http;

import java.util.Locale;

/** The media types of PROTOCOL.md §2 and the check for the frame media type. */
public final class MediaTypes {
    /** Bodies of NDJSON frames. */
    public static final String FRAMES = "application/x-ndjson; profile=\"_taps.v1.frames\"";
    /** RFC 9457 problem details. */
    public static final String PROBLEM = "application/problem+json";
    /** Plain JSON documents. */
    public static final String JSON = "application/json";
    /** Prometheus text exposition format. */
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private static final String FRAMES_TYPE = "application/x-ndjson";
    private static final String PROFILE = "_taps.v1.frames";

    private MediaTypes() {}

    /**
     * True when {@code contentType} is the frame media type: type and subtype compare
     * case-insensitively, the {@code profile} parameter value exactly (quoted or not); other
     * parameters such as {@code charset} are allowed.
     */
    public static boolean isFrames(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals(FRAMES_TYPE)) {
            return false;
        }
        boolean profileSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq < 0) {
                return false;
            }
            String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(param.substring(eq + 1).trim());
            if (name.equals("profile")) {
                if (profileSeen || !value.equals(PROFILE)) {
                    return false;
                }
                profileSeen = true;
            }
        }
        return profileSeen;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
