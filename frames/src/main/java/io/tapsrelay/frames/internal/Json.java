package io.tapsrelay.frames.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/** The one JSON factory of the codec. Jackson factories are thread-safe once configured. */
public final class Json {
    /** Strict JSON (no comments, no single quotes, no leading zeros), duplicate keys rejected. */
    public static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final int MAX_DETAIL = 160;

    private Json() {}

    /**
     * A parser over bytes that {@link Utf8#lineProblem} accepted. Such bytes hold no NUL byte, so
     * Jackson's encoding detection cannot mistake them for UTF-16 or UTF-32: they are read as UTF-8.
     */
    public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        return FACTORY.createParser(bytes, offset, length);
    }

    /** Jackson's reason for a syntax error, shortened, with the column, for an error message. */
    public static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason == null) {
            reason = e.getClass().getSimpleName();
        }
        int newline = reason.indexOf('\n');
        if (newline >= 0) {
            reason = reason.substring(0, newline);
        }
        if (reason.length() > MAX_DETAIL) {
            reason = reason.substring(0, MAX_DETAIL) + "…";
        }
        JsonLocation at = e.getLocation();
        return at == null ? reason : reason + " (column " + at.getColumnNr() + ")";
    }
}
