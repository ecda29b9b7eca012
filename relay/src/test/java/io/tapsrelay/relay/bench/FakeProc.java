package io.tapsrelay.relay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A directory laid out like Linux's {@code /proc}, with only the stat lines {@link CompilerActivity} reads. */
final class FakeProc {
    final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    /** Writes process {@code pid}'s own stat line. */
    void process(long pid, String name, long utime, long stime) {
        write(root.resolve(pid + "/stat"), pid, name, utime, stime);
    }

    /** Writes thread {@code tid}'s stat line in process {@code pid}. */
    void thread(long pid, long tid, String name, long utime, long stime) {
        write(root.resolve(pid + "/task/" + tid + "/stat"), tid, name, utime, stime);
    }

    /** Removes thread {@code tid}, as when it ends. */
    void endThread(long pid, long tid) {
        try {
            Files.delete(root.resolve(pid + "/task/" + tid + "/stat"));
            Files.delete(root.resolve(pid + "/task/" + tid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stat line as proc(5) lays it out: utime and stime are fields 14 and 15. */
    static String statLine(long id, String name, long utime, long stime) {
        return id + " (" + name + ") S 1 " + id + " " + id + " 0 -1 4194560 1200 0 3 0 " + utime + " " + stime
                + " 0 0 20 0 17 0 1234 9000000 4000 18446744073709551615 1 1 0 0 0 0 0 2 16384 0 0 0 17 1 0 0 0 0 0\n";
    }

    private static void write(Path file, long id, String name, long utime, long stime) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, statLine(id, name, utime, stime));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
