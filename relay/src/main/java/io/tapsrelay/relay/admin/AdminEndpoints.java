package io.tapsrelay.relay.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.http.HttpResult;
import io.tapsrelay.relay.http.MediaTypes;
import io.tapsrelay.relay.http.UnaryEndpoint;
import io.tapsrelay.relay.spi.AdminReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** {@code GET /_taps/admin/status} (JSON) and {@code GET /metrics} (Prometheus text) over every report. */
public final class AdminEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AdminReport> reports = new CopyOnWriteArrayList<>();
    private final Executor executor;

    /** @param executor where reports are rendered: they read the store, so not on an event loop */
    public AdminEndpoints(Executor executor) {
        this.executor = executor;
    }

    public void add(AdminReport report) {
        reports.add(report);
    }

    public UnaryEndpoint status() {
        return (head, body) -> CompletableFuture.supplyAsync(() -> {
            ObjectNode root = JSON.createObjectNode();
            reports.forEach(r -> r.status(root));
            try {
                return HttpResult.json(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a status tree always serialises", e);
            }
        }, executor);
    }

    public UnaryEndpoint metrics() {
        return (head, body) -> CompletableFuture.supplyAsync(() -> {
            StringBuilder out = new StringBuilder();
            reports.forEach(r -> r.metrics(out));
            return HttpResult.text(MediaTypes.PROMETHEUS, out.toString());
        }, executor);
    }
}
