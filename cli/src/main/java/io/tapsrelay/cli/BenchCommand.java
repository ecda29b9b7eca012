package io.tapsrelay.cli;

import io.tapsrelay.cli.logging.LogSetup;
import io.tapsrelay.config.LoggingConfig;
import io.tapsrelay.relay.bench.Bench;
import io.tapsrelay.relay.bench.BenchOptions;
import io.tapsrelay.relay.bench.BenchOutput;
import io.tapsrelay.relay.bench.Scenario;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tapsrelay bench}: measures relays started as child processes on loopback. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Measure relay performance on this machine, on 127.0.0.1 only.",
            "",
            "Each run starts fresh relays as child processes (java -Xmx1g with the",
            "serial collector as bin/tapsrelay runs it, storage.sync on, data in a",
            "temporary directory deleted afterwards) and drives them as scripted peers",
            "over real HTTP/2 streams, honouring CREDIT exactly. Events are signed,",
            "and their frame lines encoded, before the clock starts.",
            "",
            "Before each measured phase, unmeasured warm-up rounds of 20000 fresh events",
            "go in until the JIT compilers of the relays and of this generator used",
            "under 3%% of their CPU in a round (at most 40 rounds or 90 s; a single",
            "round where /proc cannot tell). Then 2-second paced rounds follow until the",
            "compilers are quiet again (at most 20 rounds or 90 s), at the phase's rate,",
            "or at half the last round's rate before an unpaced phase: a batch every",
            "millisecond makes per-batch code hot that full load calls a hundred-odd",
            "times a second. Each round's compiler share is printed on stderr.",
            "",
            "Scenarios:",
            "  crypto      Ed25519 verifications/s, one thread and one per core: the",
            "              ceiling of a relay that verifies every event once",
            "  ingest      events into one relay: events/s, MB/s of frame lines, ACK",
            "              latency percentiles, relay heap after a forced GC, RSS",
            "  latency     ingest paced to 75%% of the all-core crypto ceiling (or to",
            "              --rate) and to half that, with 1 and with 4 streams sharing",
            "              the rate, a fresh relay each: ACK latency against p99",
            "              targets of 50 ms and 5 ms, 'met' or 'NOT met'",
            "  duplicates  ingest, then the same events again on new streams",
            "              (duplicates skip the signature check)",
            "  relay       events into relay A, forwarded to relay B: end to end",
            "  stalled     a peer that never grants CREDIT while --events events",
            "              (default 1000000) are stored in its group: relay heap",
            "              before and after",
            "  all         every scenario above, ingest with 1 and with 4 streams;",
            "              latency takes its ceiling from crypto's line",
            "",
            "Each line names the scenario and its parameters, then the figures:",
            "  events/s, MB/s   from the first event sent to the last one acknowledged",
            "  ack p50/p99/p999 from the flush of an event's frame to the ACK that",
            "                   covers it; when paced, an event that was due but had",
            "                   to wait for CREDIT counts from when it was due, as a",
            "                   user would ('N held for credit' says how many did)",
            "  cpu=/event       the relays' CPU over the phase, per event",
            "  generator=/event this process's CPU, which takes the same cores",
            "",
            "Prints one line per run to stdout, and the median when --runs is more",
            "than 1; progress goes to stderr. Each run has a 10-minute limit. Exits 1",
            "when a scenario failed to produce its figures (a target 'NOT met' is a",
            "figure, not a failure).",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tapsrelay bench ingest --events 100000 --size 256",
            "  tapsrelay bench ingest --streams 4 --window 4096 --runs 3",
            "  tapsrelay bench latency --events 60000",
            "  tapsrelay bench latency --rate 8000",
            "  tapsrelay bench relay --rate 2000",
            "  tapsrelay bench all --runs 3"
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "crypto, ingest, latency, duplicates, relay, stalled or all.")
    String scenario;

    @Option(names = "--events", paramLabel = "N",
            description = "Events per run (for latency: per line). Default: 100000; 60000 for latency,"
                    + " 1000000 for stalled.")
    Integer events;

    @Option(names = "--size", paramLabel = "BYTES", defaultValue = "" + BenchOptions.DEFAULT_SIZE,
            description = "Content bytes per event, before base64. Default: ${DEFAULT-VALUE}.")
    int size;

    @Option(names = "--streams", paramLabel = "K", defaultValue = "" + BenchOptions.DEFAULT_STREAMS,
            description = "Load streams, each its own peer and group; latency always runs 1 and 4."
                    + " Default: ${DEFAULT-VALUE}.")
    int streams;

    @Option(names = "--window", paramLabel = "W", defaultValue = "" + BenchOptions.DEFAULT_WINDOW,
            description = "The relay's credit window in events (credit.window_events). Default: ${DEFAULT-VALUE}.")
    int window;

    @Option(names = "--rate", paramLabel = "EPS", defaultValue = "0",
            description = "Pace the load to this many events/s in total. Default: 0, as fast as credit allows."
                    + " For latency: its full rate, in place of 75%% of the crypto ceiling.")
    double rate;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1",
            description = "Runs per scenario; the median is printed too when more than 1. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Override
    public Integer call() {
        Scenario chosen = Scenario.fromName(scenario).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "SCENARIO: '" + scenario + "' is not a scenario; expected one of " + Scenario.names()));
        BenchOptions options;
        try {
            options = new BenchOptions(chosen, events == null ? OptionalInt.empty() : OptionalInt.of(events), size,
                    streams, window, rate, runs, BenchOptions.DEFAULT_DEADLINE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // The load generator uses the relay's own client, whose per-connection notes would bury the report.
        LogSetup.configure(new LoggingConfig("text", "warn"));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean ok = Bench.withChildRelays(Main.class.getName(), new BenchOutput() {
            @Override
            public void result(String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public void progress(String line) {
                err.println(line);
                err.flush();
            }
        }).run(options);
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** Runs the command on its own, for a {@code tapsrelay} whose root command does not list it. */
    public static void main(String[] args) {
        System.exit(Main.configure(new CommandLine(new BenchCommand())).execute(args));
    }
}
