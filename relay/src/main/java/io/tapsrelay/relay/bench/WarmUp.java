package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.CompilerActivity.Sample;
import io.tapsrelay.relay.bench.CompilerActivity.Use;
import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The unmeasured warm-up before a measured phase: rounds of fresh events until the JIT compilers
 * have gone quiet. A fresh relay JVM keeps compiling for tens of seconds under load, and compiling
 * takes the very cores the relay and the generator measure with; so rounds go on until the
 * compiler threads of the relays and of this generator used less than {@link #QUIET_SHARE} of
 * those processes' CPU in the last round. First up to {@link #MAX_ROUNDS} rounds (and at most
 * {@link #MAX_TIME} of them) as fast as credit allows; then up to {@link #MAX_PACED_ROUNDS} short
 * paced rounds until quiet again, at the phase's rate before a paced phase and at
 * {@link #UNPACED_PHASE_SHARE} of the last unpaced round's rate before an unpaced one. Paced, a
 * batch arrives every millisecond: per-batch code (ACK and CREDIT writes, commits, cursor saves)
 * and the branch profiles of small batches get hot in seconds. Under full load that code runs a
 * hundred-odd times a second and reached the C2 compiler only after about 100 s, in the middle
 * of the measurement, at half a second to a second of a core per method. Where {@code /proc}
 * cannot tell (no Linux, relays inside this JVM) one round of each kind is sent.
 *
 * <p>Not thread-safe.
 */
final class WarmUp {
    /** The most unpaced rounds, whatever the compilers do. */
    static final int MAX_ROUNDS = 40;
    /**
     * The longest the rounds of one kind go on, whatever the compilers do: a round through two
     * relays (A to B) takes several seconds, and forty of them would outlast the measurement.
     */
    static final Duration MAX_TIME = Duration.ofSeconds(90);
    /** The most paced rounds. */
    static final int MAX_PACED_ROUNDS = 20;
    /** Before an unpaced phase, paced rounds run at this share of the rate the last unpaced round reached. */
    static final double UNPACED_PHASE_SHARE = 0.5;
    /** Compilers' share of the CPU in a round below which the JVMs count as warm. */
    static final double QUIET_SHARE = 0.03;
    /** How long a paced round lasts at the phase's rate (unless a round's events run out first). */
    private static final double PACED_SECONDS = 2.0;
    private static final int MIN_PACED_EVENTS = 100;

    /** What one scenario sends in a round. */
    interface Round {
        /** Gets round {@code index} (from 1) ready, e.g. signs its events; nothing is sent. May repeat. */
        void prepare(int index) throws BenchFailure;

        /**
         * Sends round {@code index}'s events (at most {@code events}), paced to {@code rate}
         * events/s in all (0: unpaced), and returns once each is acknowledged.
         *
         * @return the events sent
         */
        int send(int index, double rate, int events) throws BenchFailure;
    }

    /**
     * What a warm-up did.
     *
     * @param rounds unpaced rounds sent
     * @param pacedRounds paced rounds sent
     */
    record Outcome(int rounds, int pacedRounds) {}

    private final CompilerActivity jit;
    private final long generatorPid;
    private final int maxRounds;
    private final int maxPacedRounds;
    private final long maxNanos;
    private final LongSupplier nanoTime;
    /** Events per second of the last round sent, 0 when it took no measurable time. */
    private double lastRoundRate;

    /**
     * @param generatorPid this load generator's process
     * @param maxRounds the most unpaced rounds
     * @param maxPacedRounds the most paced rounds
     */
    WarmUp(CompilerActivity jit, long generatorPid, int maxRounds, int maxPacedRounds) {
        this(jit, generatorPid, maxRounds, maxPacedRounds, MAX_TIME, System::nanoTime);
    }

    /**
     * @param maxTime the longest the rounds of one kind go on
     * @param nanoTime the clock that times them
     */
    WarmUp(CompilerActivity jit, long generatorPid, int maxRounds, int maxPacedRounds, Duration maxTime,
            LongSupplier nanoTime) {
        if (maxRounds < 1 || maxPacedRounds < 1) {
            throw new IllegalArgumentException("a warm-up needs a round of each kind, not " + maxRounds + " and "
                    + maxPacedRounds);
        }
        this.jit = jit;
        this.generatorPid = generatorPid;
        this.maxRounds = maxRounds;
        this.maxPacedRounds = maxPacedRounds;
        this.maxNanos = maxTime.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Watches this machine's {@code /proc}, and this JVM as the generator. */
    static WarmUp ofThisMachine() {
        return new WarmUp(CompilerActivity.ofThisMachine(), ProcessHandle.current().pid(), MAX_ROUNDS,
                MAX_PACED_ROUNDS);
    }

    /**
     * Warms {@code relays} (and this generator) up, printing a progress line per round.
     *
     * @param name names the warm-up in progress lines, e.g. {@code ingest warm-up}
     * @param pacedRate the measured phase's rate in events/s in all; 0 when it is unpaced, and the
     *     paced rounds then run at {@link #UNPACED_PHASE_SHARE} of the unpaced rounds' rate
     */
    Outcome run(String name, List<RunningRelay> relays, double pacedRate, Round round, Deadline deadline)
            throws BenchFailure {
        List<Long> pids = new ArrayList<>();
        for (RunningRelay r : relays) {
            OptionalLong pid = r.pid();
            if (pid.isEmpty()) {
                return fixed(name, "the relay runs inside this JVM", pacedRate, round, deadline);
            }
            pids.add(pid.getAsLong());
        }
        round.prepare(1);
        Kind unpaced = new Kind(name, "round", 0, Integer.MAX_VALUE, maxRounds);
        Optional<Integer> rounds = rounds(unpaced, 1, pids, true, round, deadline);
        if (rounds.isEmpty()) {
            return fixed(name, "/proc does not show the processes' threads", pacedRate, round, deadline);
        }
        double rate = pacedRate > 0 ? pacedRate : lastRoundRate * UNPACED_PHASE_SHARE;
        if (!(rate > 0)) {
            return new Outcome(rounds.get(), 0);
        }
        Kind kind = new Kind(name, "paced round", rate, pacedEvents(rate), maxPacedRounds);
        Optional<Integer> pacedRounds = rounds(kind, rounds.get() + 1, pids, false, round, deadline);
        if (pacedRounds.isEmpty()) {
            // /proc went away between the kinds: one paced round all the same.
            round.send(rounds.get() + 1, pacedRate, kind.events());
            return new Outcome(rounds.get(), 1);
        }
        return new Outcome(rounds.get(), pacedRounds.get());
    }

    /** One kind of round: its rate (0: unpaced), the events in each and the most rounds. */
    private record Kind(String name, String label, double rate, int events, int max) {}

    /**
     * Sends rounds of {@code kind} from index {@code first} until the compilers are quiet,
     * {@code kind.max()} were sent or they took {@link #MAX_TIME}, preparing the round after each (and after the last one too when
     * {@code moreAfter}).
     *
     * @return the rounds sent; empty when {@code /proc} could not tell before the first one
     */
    private Optional<Integer> rounds(Kind kind, int first, List<Long> pids, boolean moreAfter, Round round,
            Deadline deadline) throws BenchFailure {
        long start = nanoTime.getAsLong();
        for (int n = 1; ; n++) {
            int index = first + n - 1;
            Optional<List<Sample>> relaysBefore = sample(pids);
            Optional<Sample> generatorBefore = jit.sample(generatorPid);
            if (relaysBefore.isEmpty() || generatorBefore.isEmpty()) {
                if (n == 1) {
                    return Optional.empty();
                }
                deadline.report(kind.name() + ": /proc stopped showing the processes' threads");
                return Optional.of(n - 1);
            }
            long sendStart = nanoTime.getAsLong();
            int events = round.send(index, kind.rate(), kind.events());
            long sendEnd = nanoTime.getAsLong();
            lastRoundRate = sendEnd > sendStart ? events * 1e9 / (sendEnd - sendStart) : 0;
            Optional<Sample> generatorAfter = jit.sample(generatorPid);
            long elapsed = sendEnd - start;
            boolean outOfTime = elapsed >= maxNanos;
            if ((n < kind.max() && !outOfTime) || moreAfter) {
                // Signed now, before the relays' sample: what they compile right after a round is that round's doing.
                round.prepare(index + 1);
            }
            Optional<List<Sample>> relaysAfter = sample(pids);
            if (relaysAfter.isEmpty() || generatorAfter.isEmpty()) {
                deadline.report(kind.name() + ": /proc stopped showing the processes' threads");
                return Optional.of(n);
            }
            Use relayUse = Use.NONE;
            for (int i = 0; i < pids.size(); i++) {
                relayUse = relayUse.plus(relaysAfter.get().get(i).since(relaysBefore.get().get(i)));
            }
            Use generatorUse = generatorAfter.get().since(generatorBefore.get());
            Use both = relayUse.plus(generatorUse);
            deadline.report(kind.name() + " " + kind.label() + " " + index + ": " + events + " events"
                    + (kind.rate() > 0 ? " at " + BenchFormat.count(kind.rate()) + " events/s" : "")
                    + "; JIT compilers used " + percent(relayUse.share()) + " of the "
                    + (pids.size() == 1 ? "relay's" : "relays'") + " CPU, " + percent(generatorUse.share())
                    + " of the generator's, " + percent(both.share()) + " together");
            if (both.share() < QUIET_SHARE) {
                deadline.report(kind.name() + ": JIT quiet after " + count(n, kind.label()) + " ("
                        + percent(both.share()) + " < " + percent(QUIET_SHARE) + ")");
                return Optional.of(n);
            }
            if (n == kind.max()) {
                deadline.report(kind.name() + ": JIT still at " + percent(both.share()) + " after "
                        + count(n, kind.label()) + ", the most it sends; measuring anyway");
                return Optional.of(n);
            }
            if (outOfTime) {
                deadline.report(kind.name() + ": JIT still at " + percent(both.share()) + " after "
                        + count(n, kind.label()) + " in " + Duration.ofNanos(elapsed).toSeconds()
                        + " s, the longest it spends; measuring anyway");
                return Optional.of(n);
            }
        }
    }

    /** One round of each kind whatever the compilers do, where they cannot be watched. */
    private Outcome fixed(String name, String why, double pacedRate, Round round, Deadline deadline)
            throws BenchFailure {
        round.prepare(1);
        int events = round.send(1, 0, Integer.MAX_VALUE);
        deadline.report(name + ": one fixed round of " + events + " events (" + why + ")");
        if (!(pacedRate > 0)) {
            return new Outcome(1, 0);
        }
        round.prepare(2);
        int paced = round.send(2, pacedRate, pacedEvents(pacedRate));
        deadline.report(name + ": one fixed paced round of " + paced + " events at " + BenchFormat.count(pacedRate)
                + " events/s");
        return new Outcome(1, 1);
    }

    private static int pacedEvents(double rate) {
        return (int) Math.max(MIN_PACED_EVENTS, Math.min(Integer.MAX_VALUE, rate * PACED_SECONDS));
    }

    private Optional<List<Sample>> sample(List<Long> pids) {
        List<Sample> out = new ArrayList<>();
        for (long pid : pids) {
            Optional<Sample> s = jit.sample(pid);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            out.add(s.get());
        }
        return Optional.of(out);
    }

    private static String count(int n, String label) {
        return n + " " + label + (n == 1 ? "" : "s");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
