package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tapsrelay status}: the admin status document as terminal tables, or raw with --json. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Show a running relay's state (GET /_taps/admin/status on its admin listener): the peers it",
            "has streams with (streams, events in and out, events behind, last error), the groups it holds",
            "(events, and per origin the highest and the contiguous sequence) and its latest repairs.",
            "",
            "The admin URL and token default as for 'tapsrelay repair'. Exits 1 when the status cannot be",
            "fetched.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay status --config relay.yaml",
            "  tapsrelay status --admin-url http://127.0.0.1:8449 --token \"$(cat data/admin-token)\" --json"
        })
public final class StatusCommand implements Callable<Integer> {
    /** Repairs listed, newest first; the document holds more. */
    static final int REPAIRS_SHOWN = 10;

    @Spec
    CommandSpec spec;



    @Mixin
    AdminTarget target = new AdminTarget();

    @Option(names = "--json", description = "Print the status document as JSON instead of tables.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AdminTarget.Outcome outcome = target.call("/_taps/admin/status", null, err);
        if (!outcome.ok()) {
            return outcome.exitCode();
        }
        JsonNode status = outcome.json();
        if (json) {
            out.println(status.toPrettyString());
            out.flush();
            return ExitCodes.OK;
        }
        out.print(render(status));
        out.flush();
        return ExitCodes.OK;
    }

    /** The whole document as text: a summary line, then the peers, groups and repairs tables. */
    static String render(JsonNode status) {
        StringBuilder out = new StringBuilder();
        out.append(status.path("server_id").asText("?")).append("  version ").append(status.path("version").asText("?"))
                .append("  up ").append(uptime(status.path("uptime_ms").asLong()))
                .append("  heap ").append(status.path("heap_used_bytes").asLong() / (1024 * 1024)).append(" MiB")
                .append("  events ").append(status.path("store").path("events").asLong()).append('\n');
        out.append("\nPEERS\n").append(peers(status.path("streams")));
        out.append("\nGROUPS\n").append(groups(status.path("groups")));
        out.append("\nREPAIRS\n").append(repairs(status.path("repairs")));
        return out.toString();
    }

    /** One line per peer, its streams summed; streams of one peer differ only by group. */
    static String peers(JsonNode streams) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String> lastError = new TreeMap<>();
        for (JsonNode s : streams) {
            String peer = s.path("peer").asText();
            long[] v = sums.computeIfAbsent(peer, p -> new long[4]);
            v[0]++;
            v[1] += s.path("events_in").asLong();
            v[2] += s.path("events_out").asLong();
            v[3] += s.path("lag_events").asLong();
            String e = text(s, "last_error");
            String pe = text(s, "last_peer_error");
            if (e != null || pe != null) {
                lastError.put(peer, e != null ? "sent " + e : "got " + pe);
            }
        }
        if (sums.isEmpty()) {
            return "(no open streams)\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"SERVER", "STREAMS", "EVENTS IN", "EVENTS OUT", "LAG", "LAST ERROR"});
        sums.forEach((peer, v) -> cells.add(new String[] {peer, Long.toString(v[0]), Long.toString(v[1]),
            Long.toString(v[2]), Long.toString(v[3]), lastError.getOrDefault(peer, "-")}));
        return RepairCommand.Columns.render(cells, new boolean[] {false, true, true, true, true, false});
    }

    /** One line per origin of each group; the group and its event total on its first line only. */
    static String groups(JsonNode groups) {
        if (groups.isEmpty()) {
            return "(no groups held)\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"GROUP", "EVENTS", "ORIGIN", "MAX", "CONTIGUOUS"});
        for (JsonNode g : groups) {
            boolean first = true;
            for (JsonNode o : g.path("origins")) {
                cells.add(new String[] {first ? g.path("group").asText() : "",
                    first ? Long.toString(g.path("events").asLong()) : "", o.path("origin_server").asText(),
                    Long.toString(o.path("max_seq").asLong()), Long.toString(o.path("contiguous_seq").asLong())});
                first = false;
            }
            if (first) {
                cells.add(new String[] {g.path("group").asText(), "0", "-", "-", "-"});
            }
        }
        return RepairCommand.Columns.render(cells, new boolean[] {false, true, false, true, true});
    }

    /** The newest repairs, as the anti-entropy section lists them (newest first). */
    static String repairs(JsonNode repairs) {
        if (repairs.isMissingNode()) {
            return "(anti-entropy is not installed)\n";
        }
        if (repairs.isEmpty()) {
            return "(no repairs yet)\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"STARTED", "PEER", "GROUP", "TRIGGER", "RESULT", "PULLED", "PUSHED", "MS", "ERROR"});
        int shown = 0;
        for (JsonNode r : repairs) {
            if (shown++ == REPAIRS_SHOWN) {
                break;
            }
            String error = text(r, "error");
            cells.add(new String[] {r.path("started_at").asText(), r.path("peer").asText(), r.path("group").asText(),
                r.path("trigger").asText(), r.path("result").asText(), Long.toString(r.path("pulled").asLong()),
                Long.toString(r.path("pushed").asLong()), Long.toString(r.path("duration_ms").asLong()),
                error == null ? "-" : error});
        }
        String table = RepairCommand.Columns.render(cells,
                new boolean[] {false, false, false, false, false, true, true, true, false});
        int more = repairs.size() - REPAIRS_SHOWN;
        return more > 0 ? table + "(" + more + " older in the document; --json shows them)\n" : table;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String uptime(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }
}
