package io.tapsrelay.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The synctrack {@code LD_PRELOAD} library ({@code src/test/c/synctrack.c}), compiled by the test
 * with the machine's gcc. Loaded into a relay child process, it appends one record per successful
 * fsync, fdatasync, sync_file_range and rename of a file under a watched directory to a log, which
 * {@link SyncedPrefixes} reads back after the child is killed.
 */
final class SyncTrackShim {
    private static final Path SOURCE = Path.of("src", "test", "c", "synctrack.c");

    private final Path library;

    private SyncTrackShim(Path library) {
        this.library = library;
    }

    /**
     * Compiles the shim into {@code outDir}.
     *
     * @throws AssertionError when gcc is not on the PATH or the compilation fails: the durability
     *     test it serves must not pass by being skipped
     */
    static SyncTrackShim build(Path outDir) throws IOException, InterruptedException {
        Path gcc = onPath("gcc");
        if (gcc == null) {
            throw new AssertionError("gcc is required: the unsynced-writes test compiles its LD_PRELOAD shim "
                    + SOURCE + " with gcc, and no gcc is on the PATH (" + System.getenv("PATH") + ")");
        }
        Path source = moduleDir().resolve(SOURCE);
        if (!Files.isRegularFile(source)) {
            throw new AssertionError("shim source not found: " + source);
        }
        Files.createDirectories(outDir);
        Path library = outDir.resolve("libsynctrack.so").toAbsolutePath();
        Path gccLog = outDir.resolve("gcc.log");
        Process gccRun = new ProcessBuilder(List.of(gcc.toString(), "-shared", "-fPIC", "-O2", "-Wall", "-o",
                library.toString(), source.toString(), "-ldl"))
                .redirectErrorStream(true)
                .redirectOutput(gccLog.toFile())
                .start();
        if (!gccRun.waitFor(60, TimeUnit.SECONDS)) {
            gccRun.destroyForcibly();
            throw new AssertionError("gcc did not finish compiling " + source + " within 60 s");
        }
        if (gccRun.exitValue() != 0 || !Files.isRegularFile(library)) {
            throw new AssertionError("gcc failed (exit " + gccRun.exitValue() + ") on " + source + ":\n"
                    + Files.readString(gccLog));
        }
        return new SyncTrackShim(library);
    }

    /**
     * The environment that loads the shim into a child and points it at {@code watchedDir} (whose
     * regular files it records) and {@code log}.
     *
     * @param watchedDir canonical absolute path: the shim compares it with paths resolved through
     *     {@code /proc/self/fd}; it need not exist yet
     * @param log where records are appended; outside {@code watchedDir}
     */
    Map<String, String> environment(Path watchedDir, Path log) {
        if (!watchedDir.isAbsolute() || watchedDir.toString().chars().anyMatch(Character::isWhitespace)) {
            // Records separate fields with spaces.
            throw new IllegalArgumentException("watched directory must be absolute, without whitespace: " + watchedDir);
        }
        if (log.toAbsolutePath().startsWith(watchedDir)) {
            throw new IllegalArgumentException("the log " + log + " must lie outside " + watchedDir);
        }
        return Map.of("LD_PRELOAD", library.toString(),
                "SYNCTRACK_DIR", watchedDir.toString(),
                "SYNCTRACK_LOG", log.toAbsolutePath().toString());
    }

    private static Path moduleDir() {
        // Surefire and failsafe set basedir to the module directory; an IDE runs tests from there.
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
