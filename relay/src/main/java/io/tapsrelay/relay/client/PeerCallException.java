package io.tapsrelay.relay.client;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A call to a peer that did not produce a complete response. The message starts with the reason's
 * code and names the URL (and the limit, where one was crossed), e.g. {@code unreachable: cannot
 * connect to http://127.0.0.1:8448: Connection refused}.
 */
public final class PeerCallException extends IOException {
    /** Why the call failed; callers choose between retrying, backing off and giving up by it. */
    public enum Reason {
        /** No usable HTTP/2 connection could be made: DNS, TCP, TLS, ALPN or no SETTINGS in time. */
        UNREACHABLE,
        /** The connection or the stream went away before the response was complete. */
        CONNECTION_LOST,
        /** No complete response within the response timeout. */
        TIMEOUT,
        /** The response body is larger than the caller's limit. */
        RESPONSE_TOO_LARGE,
        /** Every stream the peer's SETTINGS_MAX_CONCURRENT_STREAMS allows is in use. */
        STREAM_LIMIT,
        /** The peer reset the stream (RST_STREAM). */
        STREAM_RESET,
        /** The peer answered something that is not a valid HTTP/2 response. */
        BAD_RESPONSE,
        /** The client was closed. */
        CLOSED;

        /** The lower-case code that starts every message. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String url;

    /**
     * @param reason why the call failed
     * @param url the request URL, or the base URL when the connection itself failed
     * @param detail what happened, naming {@code url} and any limit
     * @param cause the underlying failure, or null
     */
    public PeerCallException(Reason reason, String url, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").code() + ": " + detail, cause);
        this.reason = reason;
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * The messages along {@code cause}'s chain, distinct ones joined by ": ", so that a generic
     * wrapper ("General OpenSslEngine problem") still shows the reason beneath it (an untrusted
     * certificate).
     */
    static String describe(Throwable cause) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = cause; t != null && seen.add(t); t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
        }
        return out.toString();
    }

    public Reason reason() {
        return reason;
    }

    /** The URL the failed call was for. */
    public String url() {
        return url;
    }
}
