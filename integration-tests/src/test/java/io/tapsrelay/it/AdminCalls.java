package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tapsrelay.relay.Relay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** Requests to a relay's admin listener with its admin token, over HTTP/1.1 as an operator's tool would. */
final class AdminCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AdminCalls() {}

    static HttpResponse<String> get(Relay relay, String path) throws Exception {
        return HTTP.send(request(relay, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Relay relay, String path, String json) throws Exception {
        return HTTP.send(request(relay, path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code POST /_taps/admin/repair}; the answer's JSON, after asserting a 200. */
    static JsonNode repair(Relay relay, String json) throws Exception {
        HttpResponse<String> r = post(relay, "/_taps/admin/repair", json);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static JsonNode status(Relay relay) throws Exception {
        HttpResponse<String> r = get(relay, "/_taps/admin/status");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String metrics(Relay relay) throws Exception {
        HttpResponse<String> r = get(relay, "/metrics");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static HttpRequest.Builder request(Relay relay, String path) throws Exception {
        String token = Files.readString(relay.adminTokenFile()).strip();
        return HttpRequest.newBuilder(URI.create(relay.adminUrl() + path)).timeout(Duration.ofSeconds(120))
                .header("authorization", "Bearer " + token);
    }
}
