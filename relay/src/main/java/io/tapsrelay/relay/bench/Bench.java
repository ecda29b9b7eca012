package io.tapsrelay.relay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@code tapsrelay bench} service: runs the scenarios asked for, each {@code runs} times, and
 * writes one summary line per run and the median of the runs. Events are signed before each
 * scenario's runs (never while measured) and every run gets a fresh relay, so runs do not disturb
 * each other. A scenario that fails is reported and the others still run.
 *
 * <p>One run at a time; not thread-safe.
 */
public final class Bench {
    private static final long SEED = 20_261_122L;
    private static final Duration CRYPTO_WARM_UP = Duration.ofSeconds(1);
    private static final Duration CRYPTO_MEASURE = Duration.ofSeconds(3);

    private final RelayLauncher launcher;
    private final BenchOutput out;

    Bench(RelayLauncher launcher, BenchOutput out) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * A bench whose relays are child JVMs of this one ({@code java -Xmx1g -cp <this class path>
     * <relayMainClass> serve --config FILE}).
     *
     * @param relayMainClass the class whose {@code main} runs {@code serve --config FILE}, e.g. {@code io.tapsrelay.cli.Main}
     */
    public static Bench withChildRelays(String relayMainClass, BenchOutput out) {
        return new Bench(ChildRelayLauncher.forThisJvm(relayMainClass, "1g"), out);
    }

    /**
     * Runs {@code options.scenario()} ({@code all}: crypto, ingest with 1 and with 4 streams,
     * duplicates, relay, stalled).
     *
     * @return true when every scenario produced its figures
     */
    public boolean run(BenchOptions options) {
        boolean ok = true;
        for (Scenario s : plan(options.scenario())) {
            if (s == Scenario.INGEST && options.scenario() == Scenario.ALL) {
                ok &= ingest(options, 1);
                ok &= ingest(options, 4);
            } else {
                ok &= runScenario(s, options);
            }
        }
        return ok;
    }

    private static List<Scenario> plan(Scenario s) {
        if (s != Scenario.ALL) {
            return List.of(s);
        }
        return List.of(Scenario.CRYPTO, Scenario.INGEST, Scenario.DUPLICATES, Scenario.RELAY, Scenario.STALLED);
    }

    private boolean runScenario(Scenario s, BenchOptions o) {
        return switch (s) {
            case CRYPTO -> repeat("crypto", o, () -> {
                CryptoBench bench = new CryptoBench(CRYPTO_WARM_UP, CRYPTO_MEASURE);
                return d -> bench.run(o.size(), d);
            }, BenchReport::crypto, CryptoResult::median);
            case INGEST -> ingest(o, o.streams());
            case DUPLICATES -> repeat("duplicates", o, () -> {
                LoadSet load = sign("duplicates", o.shape(Scenario.DUPLICATES, o.streams()), "dup");
                return d -> new IngestBench(launcher).duplicates(load, d);
            }, BenchReport::duplicates, DuplicatesResult::median);
            case RELAY -> repeat("relay", o, () -> {
                LoadShape shape = o.shape(Scenario.RELAY, o.streams());
                progressSigning("relay", shape);
                LoadSet load = RelayBench.sign(shape, SEED);
                return d -> new RelayBench(launcher).run(load, d);
            }, BenchReport::relay, RelayResult::median);
            case STALLED -> repeat("stalled", o, () -> {
                LoadShape shape = o.shape(Scenario.STALLED, 1);
                progressSigning("stalled", shape);
                LoadSet load = StalledBench.sign(shape, SEED);
                return d -> new StalledBench(launcher).run(load, d);
            }, BenchReport::stalled, StalledResult::median);
            default -> throw new IllegalArgumentException("not a single scenario: " + s);
        };
    }

    private boolean ingest(BenchOptions o, int streams) {
        return repeat("ingest", o, () -> {
            LoadSet load = sign("ingest", o.shape(Scenario.INGEST, streams), "ingest");
            return d -> new IngestBench(launcher).ingest(load, d);
        }, BenchReport::ingest, IngestResult::median);
    }

    private LoadSet sign(String scenario, LoadShape shape, String groupPrefix) throws BenchFailure {
        progressSigning(scenario, shape);
        return LoadSet.sign(shape, LoadSet.groups(groupPrefix, shape.streams()), SEED);
    }

    private void progressSigning(String scenario, LoadShape shape) {
        out.progress(scenario + ": signing " + shape.events() + " events of " + shape.size() + " bytes, and up to "
                + LoadSet.WARM_UP_EVENTS + " for the first warm-up round (later rounds are signed when needed)");
    }

    /** Prepares once (signing), then runs {@code o.runs()} times, printing each run and the median. */
    private <R> boolean repeat(String name, BenchOptions o, Preparation<R> prepare, BiFunction<R, String, String> line,
            Function<List<R>, R> median) {
        List<R> results = new ArrayList<>();
        try {
            Run<R> run = prepare.prepare();
            for (int i = 1; i <= o.runs(); i++) {
                R r = run.once(new Deadline(name, o.deadline(), out::progress));
                out.result(line.apply(r, BenchReport.runLabel(i, o.runs())));
                results.add(r);
            }
        } catch (BenchFailure e) {
            out.progress("FAILED " + e.getMessage());
            return false;
        }
        if (o.runs() > 1) {
            out.result(line.apply(median.apply(results), BenchReport.medianLabel(o.runs())));
        }
        return true;
    }

    /** Work done once per scenario before its runs. */
    @FunctionalInterface
    private interface Preparation<R> {
        Run<R> prepare() throws BenchFailure;
    }

    /** One run of a scenario. */
    @FunctionalInterface
    private interface Run<R> {
        R once(Deadline deadline) throws BenchFailure;
    }
}
