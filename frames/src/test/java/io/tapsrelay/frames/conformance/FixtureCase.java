package io.tapsrelay.frames.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** One line of a conformance fixture file; see {@code conformance/README.md}. */
record FixtureCase(String file, String name, byte[] line, String pathGroup, int maxMessageSize, JsonNode expect, JsonNode whole) {
    static final int DEFAULT_MAX = 16384;
    static final List<String> FILES = List.of("frames.ndjson");

    /** The bytes on the wire: the line and its line feed. */
    byte[] wire() {
        byte[] wire = new byte[line.length + 1];
        System.arraycopy(line, 0, wire, 0, line.length);
        wire[line.length] = '\n';
        return wire;
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }

    static List<FixtureCase> all() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<FixtureCase> cases = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = FixtureCase.class.getResourceAsStream("/conformance/" + file)) {
                if (in == null) {
                    throw new IOException("fixture missing: " + file);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                    if (!text.isBlank()) {
                        cases.add(parse(file, mapper.readTree(text)));
                    }
                }
            }
        }
        return cases;
    }

    private static FixtureCase parse(String file, JsonNode node) {
        byte[] line = node.has("line_base64")
                ? Base64.getDecoder().decode(node.get("line_base64").asText())
                : node.get("line").asText().getBytes(StandardCharsets.UTF_8);
        return new FixtureCase(file, node.get("name").asText(), line, node.path("path_group").asText("g!team-7"),
                node.path("max_message_size").asInt(DEFAULT_MAX), node.get("expect"), node);
    }
}
