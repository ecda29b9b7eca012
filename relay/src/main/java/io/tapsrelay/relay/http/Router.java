package io.tapsrelay.relay.http;

import io.tapsrelay.frames.validate.Ids;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Maps a method and path to a {@link Route}. Patterns are literal segments and {@code {name}}
 * placeholders; a {@code {groupId}} placeholder must hold a valid group id (§1), percent-decoding
 * allowed, or the request is a 400 before any endpoint runs.
 */
public final class Router {
    private final List<Entry> entries;

    private Router(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outcome of matching one request. */
    public sealed interface Match {
        record Found(Route route, Map<String, String> params) implements Match {}

        record Failed(Problem problem, Map<String, String> headers) implements Match {}
    }

    /** Resolves {@code method} and {@code path} (without query). */
    public Match match(String method, String path) {
        String[] segments = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry e : entries) {
            Optional<Map<String, String>> params = e.bind(segments);
            if (params.isEmpty()) {
                continue;
            }
            if (!e.method.equals(method)) {
                allowed.add(e.method);
                continue;
            }
            String group = params.get().get("groupId");
            if (group != null && !Ids.isGroupId(group)) {
                return new Match.Failed(
                        Problem.badRequest("bad group id '" + group + "': expected g! then 1-128 of A-Z a-z 0-9 . _ ~ -"),
                        Map.of());
            }
            return new Match.Found(e.route, params.get());
        }
        if (!allowed.isEmpty()) {
            String allow = String.join(", ", allowed);
            return new Match.Failed(
                    Problem.methodNotAllowed(method + " is not allowed on " + path + "; allowed: " + allow),
                    Map.of("allow", allow));
        }
        return new Match.Failed(Problem.notFound("no endpoint at " + path), Map.of());
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private record Entry(String method, String[] pattern, Route route) {
        Optional<Map<String, String>> bind(String[] segments) {
            if (segments.length != pattern.length) {
                return Optional.empty();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                String pat = pattern[i];
                if (pat.startsWith("{") && pat.endsWith("}")) {
                    String value = decode(segments[i]);
                    if (value == null || value.isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(pat.substring(1, pat.length() - 1), value);
                } else if (!pat.equals(segments[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }

        private static String decode(String segment) {
            try {
                // '+' is a literal in a path segment, unlike in a query string.
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Collects routes; the first match wins. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder route(String method, String pattern, Route route) {
            entries.add(new Entry(method, split(pattern), route));
            return this;
        }

        public Router build() {
            return new Router(entries);
        }
    }
}
