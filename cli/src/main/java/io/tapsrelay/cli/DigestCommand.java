package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.frames.validate.Ids;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tapsrelay digest}: a group's digest at the relay and at its peers, side by side. */
@Command(
        name = "digest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Show a group's digest at the relay and at a peer side by side (GET /_taps/admin/digest on the",
            "relay's admin listener): per origin the highest sequence, the contiguous sequence, the count",
            "and the prefix hash (abbreviated). A cell that differs between the two is marked with *.",
            "",
            "Without --peer every configured peer the group is exchanged with is shown. The admin URL and",
            "token default as for 'tapsrelay repair'. Exits 1 when a digest cannot be fetched; differing",
            "digests are shown, not an error ('tapsrelay repair' repairs them).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay digest --group g!demo",
            "  tapsrelay digest --group g!demo --peer relay-b.example --config relay-a.yaml"
        })
public final class DigestCommand implements Callable<Integer> {
    /** Hex digits of a prefix hash shown. */
    static final int HASH_CHARS = 12;

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--group"}, required = true, paramLabel = "GROUP", description = "The group, such as g!demo.")
    String group;

    @Option(names = {"-p", "--peer"}, paramLabel = "SERVER_ID", description = "Only this configured peer.")
    String peer;



    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        if (!Ids.isGroupId(group)) {
            throw new ParameterException(spec.commandLine(), "--group: '" + group + "' is not a group id, such as g!demo");
        }
        if (peer != null && !Ids.isServerId(peer)) {
            throw new ParameterException(spec.commandLine(), "--peer: '" + peer + "' is not a server id");
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        String query = "?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8)
                + (peer == null ? "" : "&peer=" + URLEncoder.encode(peer, StandardCharsets.UTF_8));
        AdminTarget.Outcome outcome = target.call("/_taps/admin/digest" + query, null, err);
        if (!outcome.ok()) {
            return outcome.exitCode();
        }
        JsonNode answer = outcome.json();
        int code = ExitCodes.OK;
        JsonNode peers = answer.path("peers");
        if (peers.isEmpty()) {
            out.println("no configured peer exchanges " + group + "; the local digest:");
            out.print(sideBySide(answer.get("local"), null));
        }
        for (JsonNode p : peers) {
            if (p.has("error")) {
                err.println(p.path("server_id").asText() + ": " + p.get("error").asText());
                code = ExitCodes.FAILURE;
            } else {
                out.print(sideBySide(answer.get("local"), p.get("digest")));
            }
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Two digests as one table: a title line naming both sides and whether their root hashes agree,
     * then one line per origin held at either side, the local values on the left and the peer's on the
     * right, a differing cell followed by {@code *}, {@code -} where a side holds nothing of the origin.
     *
     * @param peerDigest null to show the local digest alone
     */
    static String sideBySide(JsonNode local, JsonNode peerDigest) {
        StringBuilder out = new StringBuilder();
        String localId = local.path("server_id").asText();
        String localRoot = local.path("root_hash").asText();
        if (peerDigest == null) {
            out.append(local.path("group_id").asText()).append(" at ").append(localId).append(": root ")
                    .append(abbreviate(localRoot)).append('\n');
        } else {
            String peerRoot = peerDigest.path("root_hash").asText();
            out.append(local.path("group_id").asText()).append(" at ").append(localId).append(" (local) and ")
                    .append(peerDigest.path("server_id").asText()).append(": ")
                    .append(localRoot.equals(peerRoot) ? "equal" : "DIFFERENT").append(" (root ")
                    .append(abbreviate(localRoot)).append(localRoot.equals(peerRoot) ? "" : " vs " + abbreviate(peerRoot))
                    .append(")\n");
        }
        Map<String, JsonNode> mine = byOrigin(local);
        Map<String, JsonNode> theirs = peerDigest == null ? Map.of() : byOrigin(peerDigest);
        List<String> origins = new ArrayList<>(mine.keySet());
        theirs.keySet().stream().filter(o -> !mine.containsKey(o)).forEach(origins::add);
        origins.sort(null);
        List<String[]> cells = new ArrayList<>();
        String[] fields = {"max_seq", "contiguous_seq", "count", "prefix_hash"};
        if (peerDigest == null) {
            cells.add(new String[] {"ORIGIN", "MAX", "CONTIGUOUS", "COUNT", "PREFIX"});
        } else {
            cells.add(new String[] {"ORIGIN", "MAX", "CONTIGUOUS", "COUNT", "PREFIX", "|", "PEER MAX", "CONTIGUOUS",
                "COUNT", "PREFIX"});
        }
        boolean marked = false;
        for (String origin : origins) {
            List<String> row = new ArrayList<>();
            row.add(origin);
            List<String> right = new ArrayList<>();
            for (String field : fields) {
                String l = value(mine.get(origin), field);
                String r = value(theirs.get(origin), field);
                boolean differs = peerDigest != null && !Objects.equals(l, r);
                marked |= differs;
                row.add(show(l, field) + (differs ? "*" : ""));
                right.add(show(r, field) + (differs ? "*" : ""));
            }
            if (peerDigest != null) {
                row.add("|");
                row.addAll(right);
            }
            cells.add(row.toArray(String[]::new));
        }
        boolean[] right = peerDigest == null
                ? new boolean[] {false, true, true, true, false}
                : new boolean[] {false, true, true, true, false, false, true, true, true, false};
        if (origins.isEmpty()) {
            out.append("(no events held on either side)\n");
        } else {
            out.append(RepairCommand.Columns.render(cells, right));
        }
        if (marked) {
            out.append("* differs between the two\n");
        }
        return out.toString();
    }

    private static Map<String, JsonNode> byOrigin(JsonNode digest) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode o : digest.path("origins")) {
            out.put(o.path("origin_server").asText(), o);
        }
        return out;
    }

    private static String value(JsonNode origin, String field) {
        return origin == null ? null : origin.path(field).asText();
    }

    private static String show(String value, String field) {
        if (value == null) {
            return "-";
        }
        return field.equals("prefix_hash") ? abbreviate(value) : value;
    }

    private static String abbreviate(String hash) {
        return hash.length() <= HASH_CHARS ? hash : hash.substring(0, HASH_CHARS) + "…";
    }
}
