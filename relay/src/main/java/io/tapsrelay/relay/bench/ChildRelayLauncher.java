package io.tapsrelay.relay.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts each relay under test as a child JVM ({@code java -Xmx… -cp <this JVM's class path>
 * <main> serve --config <file>}), so its heap and RSS are its own and not the load generator's.
 */
final class ChildRelayLauncher implements RelayLauncher {
    private final List<String> javaCommand;
    private final String mainClass;
    private final MemoryProbe probe;

    ChildRelayLauncher(List<String> javaCommand, String mainClass, MemoryProbe probe) {
        this.javaCommand = List.copyOf(javaCommand);
        this.mainClass = mainClass;
        this.probe = probe;
    }

    /**
     * Children run this JVM's {@code java} with its class path.
     *
     * @param mainClass the class whose {@code main} understands {@code serve --config FILE}
     * @param maxHeap the child's {@code -Xmx} value, e.g. {@code 1g}
     */
    static ChildRelayLauncher forThisJvm(String mainClass, String maxHeap) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute entries: the class path may be relative to a directory the child does not share.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new ChildRelayLauncher(List.of(java, "-Xmx" + maxHeap, "-cp", classPath), mainClass,
                MemoryProbe.locate());
    }

    @Override
    public RunningRelay start(RelaySpec spec, Path dir, Deadline deadline) throws BenchFailure {
        Path config = dir.resolve(spec.serverId() + ".yaml");
        Path log = dir.resolve(spec.serverId() + ".log");
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of(mainClass, "serve", "--config", config.toString()));
        Process process;
        try {
            Files.writeString(config, spec.yaml());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BenchFailure(deadline.scenario() + ": cannot start relay " + spec.serverId() + ": " + e.getMessage(), e);
        }
        ChildRelay child = new ChildRelay(spec.target(), process, log, probe);
        try {
            deadline.await(child.serving(), "relay " + spec.serverId() + " to start serving");
        } catch (BenchFailure e) {
            child.close();
            throw new BenchFailure(e.getMessage() + "; its log " + log + " ends with:\n" + child.logTail(), e);
        }
        return child;
    }
}
