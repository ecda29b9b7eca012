package io.tapsrelay.cli.client;

import io.tapsrelay.frames.codec.Timestamps;
import io.tapsrelay.frames.validate.Ulids;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Posts one event to a relay's {@code /send} as a client (PROTOCOL.md §4), with a bearer token:
 * over HTTP/1.1 to an {@code http} URL, which the relay serves for one-shot requests, and over
 * HTTP/2 to an {@code https} URL, since a relay serving TLS negotiates only {@code h2}. Nothing is retried here: a caller
 * that retries with the same {@code event_id} gets the first {@code origin_seq} back.
 *
 * <p>Thread-safe; one instance can post many events.
 */
public final class EventSender {
    /** The frame media type of PROTOCOL.md §2. */
    public static final String FRAMES_MEDIA_TYPE = "application/x-ndjson; profile=\"_taps.v1.frames\"";

    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param connectTimeout how long to wait for the TCP (and TLS) connection
     * @param requestTimeout how long to wait for the answer once connected; the relay answers
     *     after its disk sync, which is normally milliseconds
     */
    public EventSender(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, null);
    }

    /**
     * @param tlsOrNull the TLS context for {@code https} URLs, e.g. {@link ClientTrust#trusting}
     *     a private CA; null for the JVM's default trust store
     */
    public EventSender(Duration connectTimeout, Duration requestTimeout, SSLContext tlsOrNull) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tlsOrNull != null) {
            builder.sslContext(tlsOrNull);
        }
        this.http = builder.build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * Posts the event and reads the answer.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public SendOutcome send(SendRequest request) throws InterruptedException {
        URI uri = request.sendUri();
        HttpRequest post = HttpRequest.newBuilder(uri)
                .version("https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .timeout(requestTimeout)
                .header("Content-Type", FRAMES_MEDIA_TYPE)
                .header("Accept", FRAMES_MEDIA_TYPE + ", application/problem+json")
                .header("Authorization", "Bearer " + request.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        ClientEventFrame.line(request, Ulids.next(), Timestamps.now())))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new SendOutcome.Unreachable(uri, reason(e));
        }
        return SendAnswers.read(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** A short reason for a failed exchange; the JDK's messages are often empty. */
    private String reason(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toSeconds() + "s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
