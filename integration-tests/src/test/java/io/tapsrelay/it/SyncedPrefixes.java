package io.tapsrelay.it;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How many bytes of each file a process had made durable, read from a {@link SyncTrackShim} log,
 * and the crash that follows from it: every file cut back to what was synced.
 *
 * <p>The model is a machine crash that loses the page cache of append-only files. A file keeps the
 * bytes it held at its last successful fsync or fdatasync (under whatever name renames gave it), a
 * file never synced keeps nothing, and sync_file_range counts for nothing, since it is not a
 * durability barrier. Out of scope: directory entries (a create, rename or unlink is taken as
 * durable whether or not its directory was fsynced), rewrites inside an already synced prefix,
 * writes through mmap or O_SYNC descriptors, and hard links. The last two make the model lose
 * more than a real disk would, never less.
 */
final class SyncedPrefixes {
    /** The durable prefix of one file: its inode, so a later file under the same name is not credited. */
    private record Synced(long inode, long size) {}

    /** One file cut back by {@link #dropUnsynced}. */
    record Truncation(Path file, long before, long after) {
        @Override
        public String toString() {
            return file.getFileName() + " " + before + "->" + after;
        }
    }

    private final Map<Path, Synced> synced = new HashMap<>();
    private final Map<Character, Integer> counts = new HashMap<>();
    private int walSyncs;
    private boolean globalSync;

    private SyncedPrefixes() {}

    /** Replays the shim's {@code log} in order. A missing log means the child recorded nothing. */
    static SyncedPrefixes read(Path log) throws IOException {
        SyncedPrefixes prefixes = new SyncedPrefixes();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                prefixes.apply(line);
            }
        }
        return prefixes;
    }

    private void apply(String line) {
        String[] f = line.split(" ");
        char kind = line.isEmpty() ? '?' : line.charAt(0);
        counts.merge(kind, 1, Integer::sum);
        switch (kind) {
            case 'F', 'D' -> {
                expect(f, 4, line);
                Path file = Path.of(f[3]);
                synced.put(file, new Synced(Long.parseLong(f[1]), Long.parseLong(f[2])));
                if (file.getFileName().toString().endsWith(".log")) {
                    walSyncs++;
                }
            }
            case 'N' -> expect(f, 4, line);
            case 'R' -> {
                expect(f, 4, line);
                long inode = Long.parseLong(f[1]);
                Synced moved = synced.remove(Path.of(f[2]));
                if (moved != null && moved.inode() == inode) {
                    synced.put(Path.of(f[3]), moved);
                } else {
                    // The renamed inode was never synced; whatever the target name held is gone.
                    synced.remove(Path.of(f[3]));
                }
            }
            case 'E' -> {
                expect(f, 4, line);
                Synced a = synced.remove(Path.of(f[2]));
                Synced b = synced.remove(Path.of(f[3]));
                if (a != null) {
                    synced.put(Path.of(f[3]), a);
                }
                if (b != null) {
                    synced.put(Path.of(f[2]), b);
                }
            }
            case 'A' -> globalSync = true;
            default -> throw new IllegalStateException("unknown synctrack record: " + line);
        }
    }

    private static void expect(String[] fields, int n, String line) {
        if (fields.length != n) {
            throw new IllegalStateException(
                    "synctrack record with " + fields.length + " fields, not " + n + ": " + line);
        }
    }

    /** Successful fsync and fdatasync calls recorded. */
    int syncs() {
        return counts.getOrDefault('F', 0) + counts.getOrDefault('D', 0);
    }

    /** Successful syncs of RocksDB write-ahead log files ({@code *.log}). */
    int walSyncs() {
        return walSyncs;
    }

    /** Counts of records by kind, for a test's report. */
    String summary() {
        return "fsync=" + counts.getOrDefault('F', 0) + " fdatasync=" + counts.getOrDefault('D', 0)
                + " sync_file_range=" + counts.getOrDefault('N', 0) + " renames="
                + (counts.getOrDefault('R', 0) + counts.getOrDefault('E', 0)) + " wal_syncs=" + walSyncs;
    }

    /**
     * Cuts every regular file under {@code dir} back to its durable prefix, as a crash that loses the
     * page cache would leave it.
     *
     * @param dir canonical path of the directory the shim watched
     * @return the files that lost bytes
     * @throws IllegalStateException when the log records a sync() or syncfs(), after which this model
     *     cannot say what was durable
     */
    List<Truncation> dropUnsynced(Path dir) throws IOException {
        if (globalSync) {
            throw new IllegalStateException(
                    "the process called sync() or syncfs(); this model only knows per-file syncs");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        List<Truncation> cut = new ArrayList<>();
        for (Path file : files) {
            long size = Files.size(file);
            long inode = ((Number) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
            Synced s = synced.get(file);
            long keep = s != null && s.inode() == inode ? Math.min(s.size(), size) : 0;
            if (keep < size) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(keep);
                }
                cut.add(new Truncation(file, size, keep));
            }
        }
        return cut;
    }
}
