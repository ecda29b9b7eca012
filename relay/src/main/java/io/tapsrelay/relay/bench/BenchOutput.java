package io.tapsrelay.relay.bench;

/** Where the benchmark writes: result lines to one place (stdout), progress and failures to another (stderr). */
public interface BenchOutput {
    /** One summary line of the report. */
    void result(String line);

    /** A progress note or a failure, for the person watching. */
    void progress(String line);
}
