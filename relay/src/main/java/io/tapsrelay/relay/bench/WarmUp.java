package io.tapsrelay.relay.bench;

import io.tapsrelay.relay.bench.CompilerActivity.Sample;
import io.tapsrelay.relay.bench.CompilerActivity.Use;
import io.tapsrelay.relay.bench.RelayLauncher.RunningRelay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The unmeasured warm-up before a measured phase: rounds of fresh events, sent as fast as credit
 * allows, until the JIT compilers have gone quiet. A fresh relay JVM keeps compiling for tens of
 * seconds under load, and compiling takes the very cores the relay and the generator measure
 * with; so rounds go on until the compiler threads of the relays and of this generator used less
 * than {@link #QUIET_SHARE} of those processes' CPU in the last round, or {@link #MAX_ROUNDS}
 * rounds were sent. Where {@code /proc} cannot tell (no Linux, relays inside this JVM) one round
 * is sent, a fixed warm-up.
 *
 * <p>Before a paced phase one short round more goes at the phase's rate, so that the code paths
 * of small batches (a few events a read, an ACK each) are compiled too.
 *
 * <p>Single use per phase; not thread-safe.
 */
final class WarmUp {
    /** The most unpaced rounds, whatever the compilers do. */
    static final int MAX_ROUNDS = 10;
    /** Compilers' share of the CPU in a round below which the JVMs count as warm. */
    static final double QUIET_SHARE = 0.03;
    /** How long the paced round lasts at the phase's rate. */
    private static final double PACED_SECONDS = 1.0;
    private static final int MIN_PACED_EVENTS = 100;

    /** What one scenario sends in a round. */
    interface Round {
        /** Gets round {@code index} (from 1) ready, e.g. signs its events; nothing is sent. */
        void prepare(int index) throws BenchFailure;

        /**
         * Sends round {@code index}'s events (at most {@code events}), paced to {@code rate}
         * events/s in all (0: unpaced), and returns once each is acknowledged.
         *
         * @return the events sent
         */
        int send(int index, double rate, int events) throws BenchFailure;
    }

    private final CompilerActivity jit;
    private final long generatorPid;
    private final int maxRounds;

    /**
     * @param generatorPid this load generator's process
     * @param maxRounds the most unpaced rounds
     */
    WarmUp(CompilerActivity jit, long generatorPid, int maxRounds) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("a warm-up needs at least one round, not " + maxRounds);
        }
        this.jit = jit;
        this.generatorPid = generatorPid;
        this.maxRounds = maxRounds;
    }

    /** Watches this machine's {@code /proc}, and this JVM as the generator. */
    static WarmUp ofThisMachine() {
        return new WarmUp(CompilerActivity.ofThisMachine(), ProcessHandle.current().pid(), MAX_ROUNDS);
    }

    /**
     * Warms {@code relays} (and this generator) up, printing a progress line per round.
     *
     * @param name names the warm-up in progress lines, e.g. {@code ingest warm-up}
     * @param pacedRate the measured phase's rate in events/s in all; 0 when it is unpaced
     * @return the unpaced rounds sent
     */
    int run(String name, List<RunningRelay> relays, double pacedRate, Round round, Deadline deadline)
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
        int k = 1;
        while (true) {
            Optional<List<Sample>> relaysBefore = sample(pids);
            Optional<Sample> generatorBefore = jit.sample(generatorPid);
            if (relaysBefore.isEmpty() || generatorBefore.isEmpty()) {
                return k == 1 ? fixed(name, "/proc does not show the processes' threads", pacedRate, round, deadline)
                        : finish(name, k - 1, "/proc stopped showing the processes' threads", pacedRate, round, deadline);
            }
            int events = round.send(k, 0, Integer.MAX_VALUE);
            Optional<Sample> generatorAfter = jit.sample(generatorPid);
            boolean more = k < maxRounds || pacedRate > 0;
            if (more) {
                // Signed now, before the relays' sample: what they compile right after a round is that round's doing.
                round.prepare(k + 1);
            }
            Optional<List<Sample>> relaysAfter = sample(pids);
            if (relaysAfter.isEmpty() || generatorAfter.isEmpty()) {
                return finish(name, k, "/proc stopped showing the processes' threads", pacedRate, round, deadline);
            }
            Use relayUse = Use.NONE;
            for (int i = 0; i < pids.size(); i++) {
                relayUse = relayUse.plus(relaysAfter.get().get(i).since(relaysBefore.get().get(i)));
            }
            Use generatorUse = generatorAfter.get().since(generatorBefore.get());
            Use both = relayUse.plus(generatorUse);
            deadline.report(name + " round " + k + ": " + events + " events; JIT compilers used "
                    + percent(relayUse.share()) + " of the " + (pids.size() == 1 ? "relay's" : "relays'") + " CPU, "
                    + percent(generatorUse.share()) + " of the generator's, " + percent(both.share()) + " together");
            if (both.share() < QUIET_SHARE) {
                return finish(name, k, "JIT quiet after " + rounds(k) + " (" + percent(both.share()) + " < "
                        + percent(QUIET_SHARE) + ")", pacedRate, round, deadline);
            }
            if (k == maxRounds) {
                return finish(name, k, "JIT still at " + percent(both.share()) + " after " + rounds(k)
                        + ", the most it sends; measuring anyway", pacedRate, round, deadline);
            }
            k++;
        }
    }

    /** One round whatever the compilers do, where they cannot be watched. */
    private int fixed(String name, String why, double pacedRate, Round round, Deadline deadline) throws BenchFailure {
        round.prepare(1);
        int events = round.send(1, 0, Integer.MAX_VALUE);
        deadline.report(name + ": one fixed round of " + events + " events (" + why + ")");
        if (pacedRate > 0) {
            round.prepare(2);
        }
        return finish(name, 1, null, pacedRate, round, deadline);
    }

    /** Reports how the unpaced rounds ended and, before a paced phase, sends the paced round (prepared already). */
    private int finish(String name, int rounds, String outcome, double pacedRate, Round round, Deadline deadline)
            throws BenchFailure {
        if (outcome != null) {
            deadline.report(name + ": " + outcome);
        }
        if (pacedRate > 0) {
            int events = (int) Math.max(MIN_PACED_EVENTS, Math.min(Integer.MAX_VALUE, pacedRate * PACED_SECONDS));
            int sent = round.send(rounds + 1, pacedRate, events);
            deadline.report(name + ": a paced round of " + sent + " events at " + BenchFormat.count(pacedRate)
                    + " events/s");
        }
        return rounds;
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

    private static String rounds(int k) {
        return k + (k == 1 ? " round" : " rounds");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
