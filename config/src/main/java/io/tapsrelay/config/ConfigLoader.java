package io.tapsrelay.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tapsrelay.config.internal.Problems;
import io.tapsrelay.config.internal.RelayConfigReader;
import io.tapsrelay.config.internal.YamlDocuments;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
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
        } catch (AccessDeniedException e) {
            throw single(source, "the file cannot be read: permission denied");
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
        JsonNode root = YamlDocuments.read(yaml, sourceName);
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
}
