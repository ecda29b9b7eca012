package io.tapsrelay.relay.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts each relay under test as a child JVM ({@code java -Xmx… -XX:+UseSerialGC -cp <this JVM's
 * class path> <main> serve --config <file>}), so its heap and RSS are its own and not the load
 * generator's.
 */
final class ChildRelayLauncher implements RelayLauncher {
    /**
     * The collector {@code bin/tapsrelay} runs the relay with. Its live heap is about 10 MB and
     * nearly all it allocates dies young, so a young collection copies little; the serial collector
     * does that without G1's write barriers and concurrent refinement, and without parallel GC threads
     * that compete with the load for busy cores. On the 2-core benchmark machine the relay spent about
     * 9% less CPU per event than under G1.
     */
    static final String COLLECTOR = "-XX:+UseSerialGC";
    private static final Pattern CHOSEN_COLLECTOR = Pattern.compile("-XX:\\+Use\\w*GC\\b");

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
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + maxHeap));
        collectorOption(System.getenv("JDK_JAVA_OPTIONS")).ifPresent(command::add);
        command.addAll(List.of("-cp", classPath));
        return new ChildRelayLauncher(command, mainClass, MemoryProbe.locate());
    }

    /**
     * The collector a relay under test runs with: {@link #COLLECTOR}, as {@code bin/tapsrelay} runs
     * it, unless {@code jdkJavaOptions} (which every child JVM reads too) already picks one, since a
     * JVM refuses two.
     */
    static Optional<String> collectorOption(String jdkJavaOptions) {
        if (jdkJavaOptions != null && CHOSEN_COLLECTOR.matcher(jdkJavaOptions).find()) {
            return Optional.empty();
        }
        return Optional.of(COLLECTOR);
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
