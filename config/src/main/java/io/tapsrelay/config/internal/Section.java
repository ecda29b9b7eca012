package io.tapsrelay.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of the YAML tree with its declared keys. Creating a section reports every key that
 * is not declared (with a spelling suggestion); the typed getters report values that do not
 * parse and return null for them, so the walk goes on and collects every problem.
 *
 * <p>A null value ({@code key:} with nothing after it, or {@code ~}) means "not set": the default
 * applies.
 */
public final class Section {
    private final Problems problems;
    private final String path;
    private final JsonNode node;
    private final List<String> keys;

    private Section(Problems problems, String path, JsonNode node, List<String> keys) {
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.keys = keys;
        reportUnknownKeys();
    }

    /** The whole file: {@code node} must be a mapping (or absent, for an empty file). */
    public static Section root(Problems problems, JsonNode node, List<String> keys) {
        if (node != null && !node.isObject() && !node.isNull() && !node.isMissingNode()) {
            problems.add(null, null, "the file holds " + describe(node) + ", not a mapping of keys",
                    "keys such as " + String.join(", ", keys.subList(0, Math.min(4, keys.size()))), null);
            return new Section(problems, "", null, keys);
        }
        return new Section(problems, "", node, keys);
    }

    /** The nested mapping under {@code key}; an empty section when it is not set or not a mapping. */
    public Section child(String key, List<String> childKeys) {
        JsonNode value = value(key);
        if (value != null && !value.isObject()) {
            problems.add(path(key), shownScalar(value), wrongShape(value, "a mapping"),
                    "a mapping with keys such as " + String.join(", ", childKeys.subList(0, Math.min(3, childKeys.size()))),
                    null);
            return new Section(problems, path(key), null, childKeys);
        }
        return new Section(problems, path(key), value, childKeys);
    }

    /** The list of mappings under {@code key}; entries that are not mappings are reported and skipped. */
    public List<Section> children(String key, List<String> childKeys) {
        JsonNode value = value(key);
        List<Section> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(path(key), shownScalar(value), wrongShape(value, "a list"), "a list of mappings", null);
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                problems.add(itemPath, shownScalar(item), wrongShape(item, "a mapping"),
                        "a mapping with keys " + String.join(", ", childKeys), null);
                continue;
            }
            out.add(new Section(problems, itemPath, item, childKeys));
        }
        return out;
    }

    /** Whether {@code key} is set to something other than null. */
    public boolean has(String key) {
        return value(key) != null;
    }

    /** The key path of {@code key} in this section. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The text of the scalar under {@code key} as written, or null. For messages only. */
    public String written(String key) {
        JsonNode value = value(key);
        return value != null && value.isValueNode() ? value.asText() : null;
    }

    /** The value under {@code key}: {@code fallback} when not set, null (and a problem) when invalid. */
    public <T> T get(String key, Kind<T> kind, T fallback) {
        JsonNode value = value(key);
        return value == null ? fallback : parse(path(key), value, kind);
    }

    /** A value that must be set: a problem, and null, when it is missing or invalid. */
    public <T> T require(String key, Kind<T> kind) {
        JsonNode value = value(key);
        if (value == null) {
            problems.add(path(key), null, "is missing", kind.expected(), null);
            return null;
        }
        return parse(path(key), value, kind);
    }

    /**
     * The list under {@code key}: {@code fallback} when not set, null when it or any entry is
     * invalid. An empty list is a problem unless {@code allowEmpty}.
     */
    public <T> List<T> list(String key, Kind<T> kind, List<T> fallback, boolean allowEmpty) {
        JsonNode value = value(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isArray()) {
            problems.add(path(key), shownScalar(value), wrongShape(value, "a list"), "a list of " + plural(kind), null);
            return null;
        }
        if (value.isEmpty() && !allowEmpty) {
            problems.add(path(key), null, "is empty", "at least one entry: " + kind.expected(), null);
            return null;
        }
        int before = problems.count();
        List<T> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(parse(path(key) + "[" + i + "]", value.get(i), kind));
        }
        return problems.count() == before ? out : null;
    }

    /** The mapping under {@code key} with checked keys and values; empty when not set, null when invalid. */
    public <T> Map<String, T> map(String key, Kind<String> keyKind, Kind<T> valueKind) {
        JsonNode value = value(key);
        Map<String, T> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(path(key), shownScalar(value), wrongShape(value, "a mapping"),
                    "a mapping from " + keyKind.noun().substring(2) + " to " + valueKind.noun().substring(2), null);
            return null;
        }
        int before = problems.count();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            Parsed<String> k = keyKind.parse(e.getKey());
            if (!k.isOk()) {
                report(path(key), e.getKey(), keyKind, k);
                continue;
            }
            String entryPath = path(key) + "['" + e.getKey() + "']";
            if (e.getValue().isNull()) {
                problems.add(entryPath, null, "is missing", valueKind.expected(), null);
                continue;
            }
            out.put(k.value(), parse(entryPath, e.getValue(), valueKind));
        }
        return problems.count() == before ? out : null;
    }

    private <T> T parse(String keyPath, JsonNode value, Kind<T> kind) {
        if (!value.isValueNode() || value.isNull()) {
            problems.add(keyPath, null, wrongShape(value, kind.noun()), kind.expected(), null);
            return null;
        }
        String text = value.asText();
        Parsed<T> parsed = kind.parse(text);
        if (parsed.isOk()) {
            return parsed.value();
        }
        report(keyPath, text, kind, parsed);
        return null;
    }

    private void report(String keyPath, String text, Kind<?> kind, Parsed<?> parsed) {
        String expected = parsed.expected() != null ? parsed.expected() : kind.expected();
        problems.add(keyPath, kind.secret() ? null : text, parsed.issue(), expected, parsed.suggestion());
    }

    private JsonNode value(String key) {
        if (!keys.contains(key)) {
            throw new IllegalStateException("key '" + key + "' is not declared for " + (path.isEmpty() ? "the root" : path));
        }
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    private void reportUnknownKeys() {
        if (node == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                problems.add(path(key), null, "unknown key", null, Spelling.didYouMean(key, keys));
            }
        }
    }

    private static String wrongShape(JsonNode value, String noun) {
        return (value.isValueNode() ? "is not " : describe(value) + " is not ") + noun;
    }

    private static String shownScalar(JsonNode value) {
        return value.isValueNode() ? value.asText() : null;
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "a single value";
    }

    private static String plural(Kind<?> kind) {
        String noun = kind.noun();
        return (noun.startsWith("an ") ? noun.substring(3) : noun.substring(2)) + "s";
    }
}
