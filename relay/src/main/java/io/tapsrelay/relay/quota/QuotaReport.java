package io.tapsrelay.relay.quota;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.relay.spi.AdminReport;
import java.util.Map;

/** Status and metrics of quotas and quarantine: {@code taps_rate_limited_total{peer}}, {@code taps_peers_quarantined}. */
public final class QuotaReport implements AdminReport {
    private final PeerQuotas quotas;
    private final PeerQuarantine quarantine;

    public QuotaReport(PeerQuotas quotas, PeerQuarantine quarantine) {
        this.quotas = quotas;
        this.quarantine = quarantine;
    }

    @Override
    public void status(ObjectNode root) {
        ArrayNode arr = root.putArray("quarantined_peers");
        for (QuarantineEntry e : quarantine.list()) {
            arr.add(PeerAdminEndpoints.json(e, "quarantined"));
        }
    }

    @Override
    public void metrics(StringBuilder out) {
        out.append("# HELP taps_rate_limited_total EVENT frames refused with rate_limited, per peer.\n");
        out.append("# TYPE taps_rate_limited_total counter\n");
        for (Map.Entry<String, Long> e : quotas.rateLimitedByPeer().entrySet()) {
            out.append("taps_rate_limited_total{peer=\"").append(e.getKey()).append("\"} ").append(e.getValue())
                    .append('\n');
        }
        out.append("# HELP taps_peers_quarantined Peers quarantined now.\n");
        out.append("# TYPE taps_peers_quarantined gauge\n");
        out.append("taps_peers_quarantined ").append(quarantine.list().size()).append('\n');
    }
}
