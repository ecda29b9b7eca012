package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tapsrelay peers list}: the quarantined peers of a running relay, one per line. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Show the quarantined peers: server id, since when, automatic or manual, and why.")
public final class PeersListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        AdminTarget.Outcome answer = target.call("/_taps/admin/peers", null, spec.commandLine().getErr());
        if (!answer.ok()) {
            return answer.exitCode();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(answer.json().path("quarantined")));
        out.flush();
        return ExitCodes.OK;
    }

    /** The entries as an aligned table, or a line saying there are none. */
    static String table(JsonNode entries) {
        if (!entries.isArray() || entries.isEmpty()) {
            return "no peers are quarantined\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PEER", "STATE", "SINCE", "BY", "REASON"});
        for (JsonNode e : entries) {
            rows.add(new String[] {e.path("server_id").asText(), e.path("state").asText(), e.path("since").asText(),
                e.path("automatic").asBoolean() ? "automatic" : "operator", e.path("reason").asText()});
        }
        int[] widths = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                sb.append(String.format("%-" + widths[i] + "s  ", r[i]));
            }
            sb.append(r[r.length - 1]).append('\n');
        }
        return sb.toString();
    }
}
