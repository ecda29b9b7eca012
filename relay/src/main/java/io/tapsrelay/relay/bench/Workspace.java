package io.tapsrelay.relay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory for one scenario run: relay configurations, logs and stores. Deleted on
 * close (a million-event store is most of a gigabyte), unless {@link #keep()} asked to leave it for
 * a look after a failure.
 */
final class Workspace implements AutoCloseable {
    private final Path root;
    private boolean keep;

    private Workspace(Path root) {
        this.root = root;
    }

    static Workspace create(String scenario) throws BenchFailure {
        try {
            return new Workspace(Files.createTempDirectory("tapsrelay-bench-" + scenario + "-"));
        } catch (IOException e) {
            throw new BenchFailure(scenario + ": cannot create a temporary directory: " + e.getMessage(), e);
        }
    }

    /** Work done in a workspace. */
    @FunctionalInterface
    interface Body<T> {
        T run(Path dir) throws BenchFailure;
    }

    /**
     * Runs {@code body} in a fresh workspace, deleted afterwards unless the body failed: then the
     * files stay and the failure says where.
     */
    static <T> T run(String scenario, Body<T> body) throws BenchFailure {
        Workspace ws = create(scenario);
        try {
            return body.run(ws.root());
        } catch (BenchFailure e) {
            ws.keep();
            throw new BenchFailure(e.getMessage() + " (configuration, logs and data kept in " + ws.root() + ")", e);
        } catch (RuntimeException e) {
            ws.keep();
            throw e;
        } finally {
            ws.close();
        }
    }

    Path root() {
        return root;
    }

    /** Leaves the files in place on close. */
    void keep() {
        keep = true;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left-over temporary files are untidy, not wrong; the figures are already printed.
        }
    }
}
