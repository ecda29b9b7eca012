package io.tapsrelay.relay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How busy a JVM's JIT compilers are, read from Linux's {@code /proc}: the CPU time of the whole
 * process ({@code /proc/<pid>/stat}) and of each thread whose name says it compiles
 * ({@code /proc/<pid>/task/<tid>/stat}, HotSpot's {@code C1 CompilerThre…} and
 * {@code C2 CompilerThre…}), in clock ticks. A JVM that still spends a noticeable share of its CPU
 * compiling is not yet running the code a long run runs, so the bench warms up until it does not.
 *
 * <p>Thread-safe: no state but the directory it reads.
 */
final class CompilerActivity {
    /** What a compiler thread's name holds; the kernel cuts names to 15 characters. */
    private static final String COMPILER_THREAD = "CompilerThre";
    // Fields of a stat line after "pid (comm) ", counted from the state field (field 3 of proc(5)).
    private static final int UTIME = 11;
    private static final int STIME = 12;

    private final Path proc;

    /** @param proc the {@code /proc} directory, or a copy of its layout in tests */
    CompilerActivity(Path proc) {
        this.proc = proc;
    }

    /** Reads this machine's {@code /proc}. */
    static CompilerActivity ofThisMachine() {
        return new CompilerActivity(Path.of("/proc"));
    }

    /** Process {@code pid}'s CPU so far; empty when {@code /proc} does not describe it (no Linux, no such process). */
    Optional<Sample> sample(long pid) {
        Path dir = proc.resolve(Long.toString(pid));
        Optional<Long> process = stat(dir.resolve("stat")).map(StatLine::ticks);
        if (process.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> compilers = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
            for (Path task : tasks) {
                // A thread may end between the listing and the read; what it used is in the process total.
                stat(task.resolve("stat")).filter(s -> s.name().contains(COMPILER_THREAD))
                        .ifPresent(s -> compilers.put(task.getFileName().toString(), s.ticks()));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Sample(process.get(), compilers));
    }

    private static Optional<StatLine> stat(Path file) {
        try {
            return StatLine.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A thread's or process's name and its user plus system time in clock ticks. */
    private record StatLine(String name, long ticks) {
        /** Parses {@code pid (name) state ppid …}; the name may hold spaces and parentheses, so it ends at the last ')'. */
        static Optional<StatLine> parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open || close + 2 > line.length()) {
                return Optional.empty();
            }
            // The kernel separates fields by one space; no regex, so reading /proc compiles nothing new.
            String[] fields = line.substring(close + 2).strip().split(" ", STIME + 2);
            if (fields.length <= STIME) {
                return Optional.empty();
            }
            try {
                return Optional.of(new StatLine(line.substring(open + 1, close),
                        Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * One process's CPU at one moment, in clock ticks.
     *
     * @param processTicks every thread's, ended threads included
     * @param compilerTicks each live compiler thread's, by thread id
     */
    record Sample(long processTicks, Map<String, Long> compilerTicks) {
        Sample {
            compilerTicks = Map.copyOf(compilerTicks);
        }

        /**
         * What the process used from {@code earlier} to this sample. A compiler thread that ended
         * in between (HotSpot stops the extra ones when the queue is empty) is not counted, so
         * the compilers' part errs low only when they were going quiet anyway.
         */
        Use since(Sample earlier) {
            long compilers = 0;
            for (Map.Entry<String, Long> e : compilerTicks.entrySet()) {
                compilers += Math.max(0, e.getValue() - earlier.compilerTicks.getOrDefault(e.getKey(), 0L));
            }
            long total = Math.max(0, processTicks - earlier.processTicks);
            return new Use(Math.min(compilers, total), total);
        }
    }

    /**
     * CPU used over some time, in clock ticks.
     *
     * @param compilerTicks by the JIT compiler threads
     * @param totalTicks by the whole process, compilers included
     */
    record Use(long compilerTicks, long totalTicks) {
        static final Use NONE = new Use(0, 0);

        Use {
            if (compilerTicks < 0 || totalTicks < compilerTicks) {
                throw new IllegalArgumentException("compilers used " + compilerTicks + " of " + totalTicks + " ticks");
            }
        }

        Use plus(Use other) {
            return new Use(compilerTicks + other.compilerTicks, totalTicks + other.totalTicks);
        }

        /** The compilers' share of the CPU, 0 to 1; 0 when no CPU was used at all. */
        double share() {
            return totalTicks == 0 ? 0 : (double) compilerTicks / totalTicks;
        }
    }
}
