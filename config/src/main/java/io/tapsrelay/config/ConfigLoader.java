package io.tapsrelay.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tapsrelay.config.internal.Problems;
import io.tapsrelay.config.internal.RelayConfigReader;
import io.tapsrelay.config.internal.YamlErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a {@link RelayConfig} from YAML.
 *
 * <p>The document is read into a tree and walked along an explicit schema, so every problem is
 * reported with its key path, and all problems of a file are reported at once rather than the
 * first only. Unset keys take their defaults; an empty file gives {@link RelayConfig#defaults()}.
 * Relative paths in the file are kept as written and resolve against the working directory of
 * the process, not the file's directory. Thread-safe.
 */
public final class ConfigLoader {
    // Duplicate keys would otherwise be silently resolved to the last one.
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private ConfigLoader() {}

    /**
     * Reads and checks the file; problems name the file as given.
     *
     * @throws ConfigException when the file cannot be read or holds any problem
     */
    public static RelayConfig load(Path file) throws ConfigException {
        String source = file.toString();
        String yaml;
        try {
            yaml = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw single(source, "the file does not exist");
        } catch (CharacterCodingException e) {
            throw single(source, "the file is not valid UTF-8");
        } catch (IOException e) {
            throw single(source, "the file cannot be read: " + e.getMessage());
        }
        return parse(yaml, source);
    }

    /**
     * Parses and checks YAML text.
     *
     * @param sourceName names the text in problems, usually the file name
     * @throws ConfigException when the text holds any problem
     */
    public static RelayConfig parse(String yaml, String sourceName) throws ConfigException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw single(sourceName, "the file holds more than one YAML document; expected one");
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(syntaxProblem(sourceName, e)));
        } catch (IOException e) {
            // Reading from a String does no I/O; Jackson declares it for streams.
            throw new IllegalStateException("reading YAML from memory failed", e);
        }
        Problems problems = new Problems(sourceName);
        RelayConfig config = RelayConfigReader.read(root, problems);
        if (problems.count() > 0) {
            throw new ConfigException(problems.all());
        }
        return config;
    }

    private static ConfigException single(String source, String issue) {
        return new ConfigException(List.of(new ConfigProblem(source, null, null, issue, null, null)));
    }

    private static ConfigProblem syntaxProblem(String source, JsonProcessingException e) {
        return new ConfigProblem(source, null, null, YamlErrors.describe(e), null, null);
    }
}
