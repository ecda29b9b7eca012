package io.tapsrelay.relay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@code tapsrelay bench} service: runs the scenarios asked for, each {@code runs} times, and
 * writes one summary line per run and the median of the runs ({@code latency}: for each of its
 * rates and stream counts). Events are signed before each scenario's runs (never while measured)
 * and every run gets a fresh relay, so runs do not disturb each other. A scenario that fails is
 * reported and the others still run.
 *
 * <p>One run at a time; not thread-safe.
 */
public final class Bench {
    private static final long SEED = 20_261_122L;
    private static final Duration CRYPTO_WARM_UP = Duration.ofSeconds(1);
    private static final Duration CRYPTO_MEASURE = Duration.ofSeconds(3);
    /** {@code latency} measures one stream, and four streams splitting the rate. */
    private static final List<Integer> LATENCY_STREAMS = List.of(1, 4);

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
     * latency, duplicates, relay, stalled).
     *
     * @return true when every scenario produced its figures
     */
    public boolean run(BenchOptions options) {
        boolean ok = true;
        Optional<CryptoResult> ceiling = Optional.empty();
        for (Scenario s : plan(options.scenario())) {
            if (s == Scenario.CRYPTO) {
                ceiling = crypto(options);
                ok &= ceiling.isPresent();
            } else if (s == Scenario.INGEST && options.scenario() == Scenario.ALL) {
                ok &= ingest(options, 1);
                ok &= ingest(options, 4);
            } else if (s == Scenario.LATENCY) {
                ok &= latency(options, ceiling);
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
        return List.of(Scenario.CRYPTO, Scenario.INGEST, Scenario.LATENCY, Scenario.DUPLICATES, Scenario.RELAY,
                Scenario.STALLED);
    }

    private Optional<CryptoResult> crypto(BenchOptions o) {
        return repeat("crypto", o, () -> {
            CryptoBench bench = new CryptoBench(CRYPTO_WARM_UP, CRYPTO_MEASURE);
            return d -> bench.run(o.size(), d);
        }, BenchReport::crypto, CryptoResult::median);
    }

    private boolean runScenario(Scenario s, BenchOptions o) {
        return switch (s) {
            case INGEST -> ingest(o, o.streams());
            case DUPLICATES -> repeat("duplicates", o, () -> {
                LoadSet load = sign("duplicates", o.shape(Scenario.DUPLICATES, o.streams()), "dup");
                return d -> new IngestBench(launcher).duplicates(load, d);
            }, BenchReport::duplicates, DuplicatesResult::median).isPresent();
            case RELAY -> repeat("relay", o, () -> {
                LoadShape shape = o.shape(Scenario.RELAY, o.streams());
                progressSigning("relay", shape);
                LoadSet load = RelayBench.sign(shape, SEED);
                return d -> new RelayBench(launcher).run(load, d);
            }, BenchReport::relay, RelayResult::median).isPresent();
            case STALLED -> repeat("stalled", o, () -> {
                LoadShape shape = o.shape(Scenario.STALLED, 1);
                progressSigning("stalled", shape);
                LoadSet load = StalledBench.sign(shape, SEED);
                return d -> new StalledBench(launcher).run(load, d);
            }, BenchReport::stalled, StalledResult::median).isPresent();
            default -> throw new IllegalArgumentException("not a single scenario: " + s);
        };
    }

    /**
     * {@code latency}: ingest paced to each {@link LatencyTarget} rate, with 1 and with 4 streams, a
     * fresh relay for each. The full rate is {@code --rate}, else 75% of {@code ceiling}'s all-core
     * verifications, measured now when this run has no crypto figures yet.
     */
    private boolean latency(BenchOptions o, Optional<CryptoResult> ceiling) {
        List<LatencyTarget> targets;
        if (o.rate() > 0) {
            targets = LatencyTarget.ofRate(o.rate());
        } else {
            Optional<CryptoResult> measured = ceiling.isPresent() ? ceiling : crypto(o);
            if (measured.isEmpty()) {
                out.progress("FAILED latency: no verification ceiling to set its rates by (pass --rate)");
                return false;
            }
            targets = LatencyTarget.of(measured.get());
        }
        boolean ok = true;
        for (int streams : LATENCY_STREAMS) {
            LoadSet load;
            try {
                load = sign("latency", o.shape(Scenario.LATENCY, streams), "latency");
            } catch (BenchFailure e) {
                out.progress("FAILED " + e.getMessage());
                ok = false;
                continue;
            }
            for (LatencyTarget t : targets) {
                LoadSet paced = load.withRate(t.rate());
                ok &= repeat("latency", o, () -> d -> new LatencyResult(paced.shape(), t,
                        new IngestBench(launcher).latency(paced, d)), BenchReport::latency, LatencyResult::median)
                        .isPresent();
            }
        }
        return ok;
    }

    private boolean ingest(BenchOptions o, int streams) {
        return repeat("ingest", o, () -> {
            LoadSet load = sign("ingest", o.shape(Scenario.INGEST, streams), "ingest");
            return d -> new IngestBench(launcher).ingest(load, d);
        }, BenchReport::ingest, IngestResult::median).isPresent();
    }

    private LoadSet sign(String scenario, LoadShape shape, String groupPrefix) throws BenchFailure {
        progressSigning(scenario, shape);
        return LoadSet.sign(shape, LoadSet.groups(groupPrefix, shape.streams()), SEED);
    }

    private void progressSigning(String scenario, LoadShape shape) {
        out.progress(scenario + ": signing " + shape.events() + " events of " + shape.size() + " bytes, and up to "
                + LoadSet.WARM_UP_EVENTS + " for the first warm-up round (later rounds are signed when needed)");
    }

    /**
     * Prepares once (signing), then runs {@code o.runs()} times, printing each run and the median.
     *
     * @return the median (or only) result; empty when the scenario failed, which is reported
     */
    private <R> Optional<R> repeat(String name, BenchOptions o, Preparation<R> prepare,
            BiFunction<R, String, String> line, Function<List<R>, R> median) {
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
            return Optional.empty();
        }
        if (o.runs() == 1) {
            return Optional.of(results.get(0));
        }
        R middle = median.apply(results);
        out.result(line.apply(middle, BenchReport.medianLabel(o.runs())));
        return Optional.of(middle);
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
