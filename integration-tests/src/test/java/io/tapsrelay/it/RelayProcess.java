package io.tapsrelay.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A relay in its own JVM, started with {@code tapsrelay serve}, so a test can {@code kill -9} it. */
final class RelayProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private RelayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RelayProcess start(TestRelay relay, Path dir) throws IOException {
        return start(relay, dir, Map.of());
    }

    /**
     * Like {@link #start(TestRelay, Path)}, with {@code environment} added to the child's inherited
     * environment: how a test loads an {@code LD_PRELOAD} library into the relay.
     */
    static RelayProcess start(TestRelay relay, Path dir, Map<String, String> environment) throws IOException {
        Path config = dir.resolve(relay.serverId + ".yaml");
        Files.writeString(config, relay.yaml());
        Path log = dir.resolve(relay.serverId + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "io.tapsrelay.cli.Main", "serve", "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process p = builder.start();
        RelayProcess rp = new RelayProcess(p, log);
        Await.until(relay.serverId + " listening (log: " + log + ")", Duration.ofSeconds(30),
                () -> !p.isAlive() || listening(relay));
        if (!p.isAlive()) {
            throw new IllegalStateException("relay process exited: " + Files.readString(log));
        }
        return rp;
    }

    private static boolean listening(TestRelay relay) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", relay.port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }
}
