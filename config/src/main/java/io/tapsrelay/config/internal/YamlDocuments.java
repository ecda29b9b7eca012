package io.tapsrelay.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.ConfigProblem;
import java.io.IOException;
import java.util.List;

/**
 * Reads configuration text into a tree, refusing what the tree would silently get wrong: a second
 * document, a duplicate key, and aliases ({@code *name}), which the tree model turns into the plain
 * string {@code name} instead of the anchored value. Thread-safe.
 */
public final class YamlDocuments {
    // Duplicate keys would otherwise be silently resolved to the last one.
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private YamlDocuments() {}

    /**
     * The single document in {@code yaml} as a tree; null for an empty document.
     *
     * @throws ConfigException with one problem naming {@code source}, on a syntax error, a
     *     duplicate key, an alias or a second document
     */
    public static JsonNode read(String yaml, String source) throws ConfigException {
        try {
            rejectAliases(yaml, source);
            try (JsonParser parser = MAPPER.createParser(yaml)) {
                JsonNode root = MAPPER.readTree(parser);
                if (root != null && parser.nextToken() != null) {
                    throw problem(source, "the file holds more than one YAML document; expected one");
                }
                return root;
            }
        } catch (JsonProcessingException e) {
            throw problem(source, YamlErrors.describe(e));
        } catch (IOException e) {
            // Reading from a String does no I/O; Jackson declares it for streams.
            throw new IllegalStateException("reading YAML from memory failed", e);
        }
    }

    private static void rejectAliases(String yaml, String source) throws IOException, ConfigException {
        try (YAMLParser parser = (YAMLParser) MAPPER.createParser(yaml)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    JsonLocation at = parser.currentTokenLocation();
                    throw problem(source, "YAML error at line " + at.getLineNr() + ", column " + at.getColumnNr()
                            + ": aliases such as '*" + parser.getText() + "' are not supported; write the value out");
                }
            }
        }
    }

    private static ConfigException problem(String source, String issue) {
        return new ConfigException(List.of(new ConfigProblem(source, null, null, issue, null, null)));
    }
}
