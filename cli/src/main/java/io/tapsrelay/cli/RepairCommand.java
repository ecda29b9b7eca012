package io.tapsrelay.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.HostPort;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.frames.validate.Ids;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tapsrelay repair}: asks a running relay to repair groups with its peers now, and shows what moved. */
@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Repair groups with peers now, by digest and checkpoint exchange (POST /_taps/admin/repair on",
            "the relay's admin listener), and print what each repair pulled, pushed and found divergent.",
            "",
            "Without --group every group the relay holds is repaired; without --peer every configured peer",
            "the group is exchanged with. The admin URL is admin_listen of the configuration and the token",
            "is <storage.path>/admin-token, so on the relay's machine nothing needs setting.",
            "",
            "Shows the elapsed time on stderr while it waits. Exits 1 when any repair failed (a peer",
            "that cannot be reached, an answer that is not valid); 'diverged' means an origin equivocated",
            "and is not a failure of the repair.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay repair",
            "  tapsrelay repair --group g!demo --peer relay-b.example --config relay-a.yaml",
            "  tapsrelay repair --admin-url http://127.0.0.1:8449 --token \"$(cat data/admin-token)\""
        })
public final class RepairCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPAIR_TIMEOUT = Duration.ofHours(1);

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "Only this group, such as g!demo.")
    String group;

    @Option(names = {"-p", "--peer"}, paramLabel = "SERVER_ID", description = "Only this configured peer.")
    String peer;

    @Mixin
    AdminTarget target = new AdminTarget();

    @Override
    public Integer call() throws InterruptedException {
        if (group != null && !Ids.isGroupId(group)) {
            throw new ParameterException(spec.commandLine(), "--group: '" + group + "' is not a group id, such as g!demo");
        }
        if (peer != null && !Ids.isServerId(peer)) {
            throw new ParameterException(spec.commandLine(), "--peer: '" + peer + "' is not a server id");
        }
        PrintWriter err = spec.commandLine().getErr();
        Admin admin;
        try {
            admin = Admin.of(target.config, target.adminUrl, target.token);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        ObjectNode body = JSON.createObjectNode();
        if (group != null) {
            body.put("group", group);
        }
        if (peer != null) {
            body.put("peer", peer);
        }
        CompletableFuture<HttpResponse<String>> call = admin.post("/_taps/admin/repair", body.toString(), REPAIR_TIMEOUT);
        HttpResponse<String> response;
        try {
            response = waitShowingProgress(call, err);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (response.statusCode() != 200) {
            err.println("error: " + Admin.describe(response));
            err.flush();
            return ExitCodes.FAILURE;
        }
        List<Row> rows;
        try {
            rows = rows(JSON.readTree(response.body()));
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: the relay's answer is not a repair report: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(rows));
        out.flush();
        for (Row r : rows) {
            if (r.error() != null) {
                err.println(r.peer() + " " + r.group() + ": " + r.error());
            }
        }
        err.flush();
        return rows.stream().anyMatch(r -> r.result().equals("failed")) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Waits for the answer, rewriting one stderr line with the elapsed seconds once it takes more than a second. */
    private static HttpResponse<String> waitShowingProgress(CompletableFuture<HttpResponse<String>> call, PrintWriter err)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        boolean shown = false;
        try {
            while (true) {
                try {
                    return call.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                    err.print("\rrepairing… " + seconds + " s elapsed");
                    err.flush();
                    shown = true;
                }
            }
        } catch (ExecutionException e) {
            throw Admin.failure(e.getCause());
        } finally {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }

    /**
     * One repair in the table.
     *
     * @param bytes sent plus received
     */
    record Row(String peer, String group, long pulled, long pushed, long divergent, int rounds, long bytes,
            long durationMillis, String result, String error) {}

    /** The rows of a {@code {"results": [...]}} answer. */
    static List<Row> rows(JsonNode answer) {
        JsonNode results = answer == null ? null : answer.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("no results array");
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode error = r.get("error");
            rows.add(new Row(r.path("peer").asText(), r.path("group").asText(), r.path("pulled").asLong(),
                    r.path("pushed").asLong(), r.path("divergent").asLong(), r.path("rounds").asInt(),
                    r.path("bytes_sent").asLong() + r.path("bytes_received").asLong(), r.path("duration_ms").asLong(),
                    r.path("result").asText(), error == null || error.isNull() ? null : error.asText()));
        }
        return rows;
    }

    /** The summary table: a header, one line per repair, columns padded to their widest cell. */
    static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "no repairs: no configured peer shares a held group (or the one asked for)\n";
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"PEER", "GROUP", "PULLED", "PUSHED", "DIVERGENT", "ROUNDS", "BYTES", "DURATION", "RESULT"});
        for (Row r : rows) {
            cells.add(new String[] {r.peer(), r.group(), Long.toString(r.pulled()), Long.toString(r.pushed()),
                Long.toString(r.divergent()), Integer.toString(r.rounds()), bytes(r.bytes()), duration(r.durationMillis()),
                r.result()});
        }
        return Columns.render(cells, new boolean[] {false, false, true, true, true, true, true, true, false});
    }

    /** Bytes in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 MiB}. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** {@code 850 ms} below a second, else seconds with one decimal: {@code 2.1 s}. */
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Left- or right-aligned text columns, two spaces apart, no trailing spaces. */
    static final class Columns {
        private Columns() {}

        static String render(List<String[]> cells, boolean[] rightAligned) {
            int columns = cells.get(0).length;
            int[] width = new int[columns];
            for (String[] row : cells) {
                for (int c = 0; c < columns; c++) {
                    width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
                }
            }
            StringBuilder out = new StringBuilder();
            for (String[] row : cells) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    String pad = " ".repeat(width[c] - row[c].codePointCount(0, row[c].length()));
                    line.append(c == 0 ? "" : "  ").append(rightAligned[c] ? pad + row[c] : row[c] + pad);
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
            return out.toString();
        }
    }

    /** The admin listener of a relay: where it is, its token, and one-shot JSON requests to it. */
    static final class Admin {
        private static final HttpClient HTTP = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        private final URI base;
        private final String token;

        private Admin(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        /**
         * The admin listener given on the command line, or the configuration's (loopback when it listens
         * on every address), with the given token or the one in the data directory.
         */
        static Admin of(Path configFile, URI url, String token) throws ConfigException, IOException {
            RelayConfig relay = ConfigFiles.loadOrDefaults(configFile);
            URI base = url != null ? url : URI.create("http://" + reachable(relay.adminListen()));
            String bearer = token;
            if (bearer == null) {
                Path file = relay.storage().path().resolve("admin-token");
                try {
                    bearer = Files.readString(file, StandardCharsets.US_ASCII).strip();
                } catch (NoSuchFileException e) {
                    throw new IOException("no admin token: " + file + " does not exist. The relay writes it on first"
                            + " start; run this where the relay runs (or pass --config), or pass --token", e);
                }
            }
            return new Admin(base, bearer);
        }

        private static String reachable(HostPort listen) {
            String host = listen.host();
            if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
                return new HostPort("127.0.0.1", listen.port()).toString();
            }
            return listen.toString();
        }

        CompletableFuture<HttpResponse<String>> get(String pathWithQuery, Duration timeout) {
            return HTTP.sendAsync(request(pathWithQuery, timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        CompletableFuture<HttpResponse<String>> post(String path, String json, Duration timeout) {
            return HTTP.sendAsync(request(path, timeout).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, Duration timeout) {
            String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                    : base.toString();
            return HttpRequest.newBuilder(URI.create(root + path)).timeout(timeout)
                    .header("authorization", "Bearer " + token);
        }

        /** A failed call as an IOException whose message names the admin URL and, for a refused connection, the likely cause. */
        static IOException failure(Throwable cause) {
            if (cause instanceof ConnectException) {
                return new IOException("cannot reach the relay's admin listener (is the relay running there, and is"
                        + " admin_listen or --admin-url right?): " + cause, cause);
            }
            return new IOException("the admin request failed: " + cause, cause);
        }

        /** A non-200 answer in one line: the status and the problem's detail. */
        static String describe(HttpResponse<String> r) {
            String detail = r.body();
            try {
                JsonNode n = JSON.readTree(r.body());
                if (n != null && n.hasNonNull("detail")) {
                    detail = n.get("detail").asText();
                }
            } catch (IOException notJson) {
                // Keep the raw body.
            }
            String hint = r.statusCode() == 401 ? " (wrong token? it is in <storage.path>/admin-token)" : "";
            return "HTTP " + r.statusCode() + hint + ": " + detail.strip();
        }
    }
}
