package io.tapsrelay.cli;

import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.ConfigLoader;
import io.tapsrelay.config.ConfigPrinter;
import io.tapsrelay.config.RelayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tapsrelay config check FILE}: validates a file and prints what the relay would run with. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check a configuration file without starting a relay.",
            "",
            "On success prints the effective configuration (every key, defaults included) as YAML "
                    + "that is itself a valid configuration file, and exits 0. Otherwise prints every problem "
                    + "to stderr, one per line with its key path and a suggested fix, and exits 2.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay config check config/examples/relay-a.yaml",
            "  tapsrelay config check relay.yaml > effective.yaml",
            "",
            "A misspelt key is reported with the nearest valid one:",
            "  relay.yaml: federation.max_mesage_size: unknown key;",
            "    did you mean 'max_message_size'?"
        })
public final class ConfigCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The YAML configuration file to check.")
    Path file;

    @Override
    public Integer call() {
        RelayConfig config;
        try {
            config = ConfigLoader.load(file);
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.USAGE;
        }
        spec.commandLine().getOut().print(ConfigPrinter.toYaml(config));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
