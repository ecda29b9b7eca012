package io.tapsrelay.antientropy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.antientropy.RepairResult;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/** A repair result as JSON, for admin answers, status and the durable history. Thread-safe. */
public final class ResultJson {
    private ResultJson() {}

    public static ObjectNode tree(RepairResult r) {
        ObjectNode n = DigestJson.JSON.createObjectNode();
        n.put("started_at", Instant.ofEpochMilli(r.startedAtMillis()).toString());
        n.put("started_at_ms", r.startedAtMillis());
        n.put("peer", r.peer());
        n.put("group", r.group());
        n.put("trigger", r.trigger().wireName());
        n.put("result", r.outcome().wireName());
        n.put("pulled", r.pulled());
        n.put("pushed", r.pushed());
        n.put("divergent", r.divergent());
        n.put("rounds", r.rounds());
        n.put("bytes_sent", r.bytesSent());
        n.put("bytes_received", r.bytesReceived());
        n.put("duration_ms", r.durationMillis());
        n.put("digests_equal", r.digestsEqual());
        if (r.error() == null) {
            n.putNull("error");
        } else {
            n.put("error", r.error());
        }
        return n;
    }

    static byte[] bytes(RepairResult r) {
        try {
            return DigestJson.JSON.writeValueAsBytes(tree(r));
        } catch (IOException e) {
            throw new IllegalStateException("a result tree always serialises", e);
        }
    }

    /**
     * Reads a result written by {@link #tree}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static RepairResult parse(byte[] json) {
        JsonNode n;
        try {
            n = DigestJson.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a repair result: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a repair result: not a JSON object");
        }
        JsonNode error = n.get("error");
        return new RepairResult(n.path("started_at_ms").asLong(), n.path("peer").asText(), n.path("group").asText(),
                RepairResult.Trigger.valueOf(n.path("trigger").asText("admin").toUpperCase(Locale.ROOT)),
                n.path("pulled").asLong(), n.path("pushed").asLong(), n.path("divergent").asLong(),
                n.path("rounds").asInt(), n.path("bytes_sent").asLong(), n.path("bytes_received").asLong(),
                n.path("duration_ms").asLong(), error == null || error.isNull() ? null : error.asText(),
                n.path("digests_equal").asBoolean());
    }
}
