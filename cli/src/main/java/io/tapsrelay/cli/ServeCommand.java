package io.tapsrelay.cli;

import io.tapsrelay.cli.internal.Extensions;
import io.tapsrelay.cli.internal.ShutdownHooks;
import io.tapsrelay.cli.internal.StartupErrors;
import io.tapsrelay.cli.logging.LogSetup;
import io.tapsrelay.config.ConfigException;
import io.tapsrelay.config.RelayConfig;
import io.tapsrelay.relay.Relay;
import io.tapsrelay.relay.RelayVersion;
import io.tapsrelay.relay.spi.RelayExtension;
import io.tapsrelay.relay.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tapsrelay serve}: runs a relay in the foreground until SIGTERM or SIGINT, then drains it
 * (peers told {@code shutting_down}, writes in flight finished, the store closed) and returns 0.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run a relay in the foreground until SIGTERM or SIGINT (Ctrl-C), then drain and stop.",
            "",
            "Without --config every default applies: server id and federation listener 127.0.0.1:8448 "
                    + "(cleartext HTTP/2), data in ./data. Relative paths resolve against the current "
                    + "directory. On first start the relay makes its signing key and the client token that "
                    + "'tapsrelay send' uses (<storage.path>/client-token).",
            "",
            "Prints one line to stdout once it is serving; logs go to stderr (logging.format, "
                    + "logging.level). Exits 2 for a bad configuration and 1 when the relay cannot start, "
                    + "for example because its address is in use.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay serve",
            "  tapsrelay serve --config config/examples/relay-a.yaml",
            "  curl --http2-prior-knowledge -s http://127.0.0.1:8448/_taps/federation/caps"
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML configuration file (docs/CONFIGURATION.md). Default: every default.")
    Path config;

    private final ShutdownHooks shutdownHooks;
    private final Supplier<List<RelayExtension>> extensions;

    /** Drains on the JVM's shutdown hooks; the relay runs the standard extensions (anti-entropy). */
    public ServeCommand() {
        this(ShutdownHooks.jvm(), Extensions::standard);
    }

    /**
     * @param shutdownHooks where the drain-and-stop action is registered
     * @param extensions the extensions the relay starts with, asked for once the configuration is good
     */
    public ServeCommand(ShutdownHooks shutdownHooks, Supplier<List<RelayExtension>> extensions) {
        this.shutdownHooks = shutdownHooks;
        this.extensions = extensions;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        RelayConfig relayConfig;
        try {
            relayConfig = ConfigFiles.loadOrDefaults(config);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        LogSetup.configure(relayConfig.logging());
        Relay relay;
        try {
            relay = Relay.start(relayConfig, extensions.get());
        } catch (IOException | UncheckedIOException | StoreException e) {
            err.println("error: " + StartupErrors.describe(e));
            err.flush();
            return ExitCodes.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        shutdownHooks.register(() -> {
            try {
                relay.close();
            } finally {
                stopped.countDown();
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(servingLine(relay, relayConfig));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            relay.close();
            throw e;
        }
        return ExitCodes.OK;
    }

    /** {@code tapsrelay 0.1.0 serving 127.0.0.1:8448 as server id 127.0.0.1:8448 (store ./data, client token in ./data/client-token)} */
    static String servingLine(Relay relay, RelayConfig config) {
        InetSocketAddress bound = relay.federationAddress();
        String host = bound.getAddress().getHostAddress();
        String address = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + bound.getPort();
        return "tapsrelay " + RelayVersion.VERSION + " serving " + address
                + (config.tls().enabled() ? " with TLS" : "")
                + " as server id " + relay.serverId()
                + " (store " + config.storage().path() + ", client token in " + relay.clientTokenFile() + ")";
    }
}
