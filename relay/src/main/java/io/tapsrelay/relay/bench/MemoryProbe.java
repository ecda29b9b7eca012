package io.tapsrelay.relay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures another JVM's memory: live heap with {@code jcmd <pid> GC.run} then
 * {@code GC.heap_info} (the JDK's own tool, so no agent in the relay), and RSS from
 * {@code /proc/<pid>/status}. Without {@code jcmd} or {@code /proc} the figure is empty and the
 * report says {@code n/a}.
 */
final class MemoryProbe {
    private static final long JCMD_TIMEOUT_SECONDS = 60;
    // "garbage-first heap total 17408K, used 2885K", "PSYoungGen total 1K, used 1K", "ZHeap used 8M, capacity …"
    private static final Pattern USED_AFTER = Pattern.compile("used (\\d+)([KMG])\\b");
    // Shenandoah: "1024M max, 1024M soft max, 50M committed, 20M used"
    private static final Pattern USED_BEFORE = Pattern.compile("(\\d+)([KMG]) used\\b");
    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    private final Optional<Path> jcmd;

    MemoryProbe(Optional<Path> jcmd) {
        this.jcmd = jcmd;
    }

    /** A probe using this JDK's {@code jcmd}, else {@code $JAVA_HOME}'s, else the first on the PATH. */
    static MemoryProbe locate() {
        Optional<Path> found = Optional.of(Path.of(System.getProperty("java.home"), "bin", "jcmd"))
                .filter(Files::isExecutable);
        String javaHome = System.getenv("JAVA_HOME");
        if (found.isEmpty() && javaHome != null && !javaHome.isBlank()) {
            found = Optional.of(Path.of(javaHome, "bin", "jcmd")).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (found.isEmpty() && path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "jcmd");
                if (!dir.isBlank() && Files.isExecutable(candidate)) {
                    found = Optional.of(candidate);
                    break;
                }
            }
        }
        return new MemoryProbe(found);
    }

    /** Heap after a forced full GC, and RSS, of process {@code pid}. */
    MemorySample sample(long pid) {
        OptionalLong heap = OptionalLong.empty();
        if (jcmd.isPresent() && run(pid, "GC.run").isPresent()) {
            heap = run(pid, "GC.heap_info").map(MemoryProbe::heapUsed).orElse(OptionalLong.empty());
        }
        OptionalLong rss;
        try {
            rss = vmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            rss = OptionalLong.empty();
        }
        return new MemorySample(heap, rss);
    }

    private Optional<String> run(long pid, String command) {
        Path out = null;
        try {
            out = Files.createTempFile("tapsrelay-bench-jcmd-", ".txt");
            Process p = new ProcessBuilder(jcmd.get().toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(Files.readString(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a few bytes left in the temporary directory
                }
            }
        }
    }

    /**
     * Bytes of heap in use according to {@code jcmd GC.heap_info}: the sum over the heap's lines
     * (one for G1 and ZGC, one per generation for Serial and Parallel), Metaspace left out.
     */
    static OptionalLong heapUsed(String heapInfo) {
        long total = 0;
        boolean any = false;
        for (String line : heapInfo.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("Metaspace") || t.startsWith("class space")) {
                continue;
            }
            Matcher m = USED_AFTER.matcher(t);
            if (!m.find()) {
                m = USED_BEFORE.matcher(t);
                if (!m.find()) {
                    continue;
                }
            }
            total += Long.parseLong(m.group(1)) * unit(m.group(2));
            any = true;
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** Bytes of {@code VmRSS} in a {@code /proc/<pid>/status} text. */
    static OptionalLong vmRss(String status) {
        Matcher m = VM_RSS.matcher(status);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    private static long unit(String u) {
        return switch (u) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            default -> 1L << 30;
        };
    }
}
