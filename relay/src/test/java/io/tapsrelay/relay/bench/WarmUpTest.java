package io.tapsrelay.relay.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warm-up rounds against a fake {@code /proc}: each scripted round "uses" CPU by rewriting the
 * relay's and the generator's stat lines, so the compilers' share per round is known exactly.
 */
class WarmUpTest {
    private static final long RELAY = 100;
    private static final long GENERATOR = 200;

    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void roundsGoOnUntilTheCompilersUsedLessThanThreePercentOfTheCpu() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 20, 8, 2, 1);
        WarmUp.Outcome done = warmUp(10, rounds).run("ingest warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(new WarmUp.Outcome(3, 1), done);
        assertEquals(List.of("send 1", "prepare 2", "send 2", "prepare 3", "send 3", "prepare 4"),
                rounds.calls.subList(1, 7));
        assertTrue(progress.contains("ingest warm-up round 1: 1000 events; JIT compilers used 20.0% of the relay's"
                + " CPU, 0.0% of the generator's, 18.2% together"), String.join("\n", progress));
        assertTrue(progress.contains("ingest warm-up: JIT quiet after 3 rounds (1.8% < 3.0%)"), String.join("\n", progress));
    }

    @Test
    void theGeneratorsCompilersCountAgainstTheSameBudget() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 1, 1);
        rounds.generatorCompilerTicks = new long[] {200, 0};
        WarmUp.Outcome done = warmUp(10, rounds).run("ingest warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(2, done.rounds(), "the relay was quiet at once, the generator only in round 2: " + progress);
    }

    @Test
    void compilingRightAfterARoundCountsAgainstThatRound() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 1, 1);
        rounds.compilerTicksWhilePreparing = new long[] {0, 80};
        WarmUp.Outcome done = warmUp(10, rounds).run("ingest warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(2, done.rounds(), "round 1's queued compilations ran while round 2 was signed: " + progress);
    }

    @Test
    void theCapEndsTheWarmUpOfAJvmThatNeverGoesQuiet() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 9, 9, 9, 9, 9);
        WarmUp.Outcome done = warmUp(4, rounds).run("ingest warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(new WarmUp.Outcome(4, WarmUp.MAX_PACED_ROUNDS), done);
        assertEquals(List.of("send 4", "prepare 5", "send 5 at 500/s, at most 1000"), rounds.calls.subList(7, 10),
                "the paced rounds follow the capped unpaced ones");
        assertEquals("send " + (4 + WarmUp.MAX_PACED_ROUNDS) + " at 500/s, at most 1000",
                rounds.calls.get(rounds.calls.size() - 1), "nothing prepared past the paced rounds' cap");
        assertTrue(progress.contains("ingest warm-up: JIT still at 8.2% after 4 rounds, the most it sends; measuring"
                + " anyway"), String.join("\n", progress));
    }

    @Test
    void theTimeCapEndsTheWarmUpWhenRoundsAreSlow() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 9, 9, 9, 9, 9);
        rounds.secondsPerRound = 40;
        WarmUp slow = new WarmUp(new CompilerActivity(dir), GENERATOR, 10, WarmUp.MAX_PACED_ROUNDS,
                Duration.ofSeconds(90), rounds.clock::get);
        WarmUp.Outcome done = slow.run("relay warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(new WarmUp.Outcome(3, 3), done, "40 s rounds: 80 s is under the cap, 120 s is over it");
        assertEquals("send 6 at 13/s, at most 100", rounds.calls.get(rounds.calls.size() - 1),
                "nothing prepared past the paced rounds' cap");
        assertTrue(progress.contains("relay warm-up: JIT still at 8.2% after 3 rounds in 120 s, the longest it"
                + " spends; measuring anyway"), String.join("\n", progress));
        assertTrue(progress.contains("relay warm-up: JIT still at 8.2% after 3 paced rounds in 120 s, the longest"
                + " it spends; measuring anyway"), String.join("\n", progress));
    }

    @Test
    void beforeAnUnpacedPhasePacedRoundsRunAtHalfTheRateTheLastUnpacedRoundReached() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 1, 20, 2);
        rounds.secondsPerRound = 2;
        WarmUp.Outcome done = warmUp(10, rounds).run("ingest warm-up", List.of(relay()), 0, rounds, deadline());
        assertEquals(new WarmUp.Outcome(1, 2), done);
        assertEquals(List.of("prepare 1", "send 1", "prepare 2", "send 2 at 250/s, at most 500", "prepare 3",
                "send 3 at 250/s, at most 500", "prepare 4"), rounds.calls,
                "1000 events in 2 s: paced rounds at 250 events/s, 2 s each");
        assertTrue(progress.contains("ingest warm-up: JIT quiet after 2 paced rounds (1.8% < 3.0%)"),
                String.join("\n", progress));
    }

    @Test
    void beforeAPacedPhaseTwoSecondRoundsAtItsRateGoOnUntilTheCompilersAreQuietAgain() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 1, 20, 10, 2, 1);
        WarmUp.Outcome done = warmUp(10, rounds).run("latency warm-up", List.of(relay()), 4000, rounds, deadline());
        assertEquals(new WarmUp.Outcome(1, 3), done);
        assertEquals(List.of("prepare 1", "send 1", "prepare 2", "send 2 at 4000/s, at most 8000", "prepare 3",
                "send 3 at 4000/s, at most 8000", "prepare 4", "send 4 at 4000/s, at most 8000", "prepare 5"),
                rounds.calls);
        assertTrue(progress.contains("latency warm-up paced round 2: 8000 events at 4000 events/s; JIT compilers used"
                + " 20.0% of the relay's CPU, 0.0% of the generator's, 18.2% together"), String.join("\n", progress));
        assertTrue(progress.contains("latency warm-up: JIT quiet after 3 paced rounds (1.8% < 3.0%)"),
                String.join("\n", progress));
    }

    @Test
    void pacedRoundsHaveACapOfTheirOwn() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 9);
        WarmUp.Outcome done = new WarmUp(new CompilerActivity(dir), GENERATOR, 2, 3)
                .run("latency warm-up", List.of(relay()), 500, rounds, deadline());
        assertEquals(new WarmUp.Outcome(2, 3), done);
        assertEquals("send 5 at 500/s, at most 1000", rounds.calls.get(rounds.calls.size() - 1));
    }

    @Test
    void aRelayInsideThisJvmGetsOneFixedRound() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir), 50, 50);
        FakeRelay inProcess = new FakeRelay(OptionalLong.empty(), OptionalLong.empty());
        WarmUp.Outcome done = warmUp(10, rounds).run("ingest warm-up", List.of(inProcess), 0, rounds, deadline());
        assertEquals(new WarmUp.Outcome(1, 0), done);
        assertEquals(List.of("prepare 1", "send 1"), rounds.calls);
        assertTrue(progress.contains("ingest warm-up: one fixed round of 1000 events (the relay runs inside this JVM)"),
                String.join("\n", progress));
    }

    @Test
    void withoutProcOneFixedRoundIsSent() throws Exception {
        ScriptedRounds rounds = new ScriptedRounds(new FakeProc(dir.resolve("elsewhere")), 50, 50);
        WarmUp blind = new WarmUp(new CompilerActivity(dir.resolve("no-proc")), GENERATOR, 10, 5);
        assertEquals(new WarmUp.Outcome(1, 1), blind.run("latency warm-up", List.of(relay()), 300, rounds, deadline()));
        assertEquals("send 2 at 300/s, at most 600", rounds.calls.get(rounds.calls.size() - 1));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("latency warm-up: one fixed round of 1000 events")),
                String.join("\n", progress));
    }

    /** A warm-up timed by {@code rounds}' clock, so the unpaced rounds' rate is known exactly. */
    private WarmUp warmUp(int maxRounds, ScriptedRounds rounds) {
        return new WarmUp(new CompilerActivity(dir), GENERATOR, maxRounds, WarmUp.MAX_PACED_ROUNDS,
                WarmUp.MAX_TIME, rounds.clock::get);
    }

    private static FakeRelay relay() {
        return new FakeRelay(OptionalLong.of(0), OptionalLong.of(RELAY));
    }

    private Deadline deadline() {
        return new Deadline("test", Duration.ofMinutes(1), progress::add);
    }

    /**
     * Rounds of 1000 events (or as many as asked for) in which the relay uses 1000 ticks,
     * {@code percent[i]} % of them in its compiler thread, and the generator 100 ticks plus whatever
     * compiling the test adds: so a relay at 20 % is at 18.2 % together with the generator.
     */
    private static final class ScriptedRounds implements WarmUp.Round {
        final List<String> calls = new ArrayList<>();
        long[] generatorCompilerTicks = {};
        long[] compilerTicksWhilePreparing = {};
        /** Each send moves {@link #clock} (nanoseconds) on by this much. */
        long secondsPerRound = 1;
        final AtomicLong clock = new AtomicLong();
        private final FakeProc proc;
        private final long[] percent;
        private long relayTotal;
        private long relayCompiler;
        private long generatorTotal;
        private long generatorCompiler;

        ScriptedRounds(FakeProc proc, long... percent) {
            this.proc = proc;
            this.percent = percent;
            write();
        }

        @Override
        public void prepare(int index) {
            calls.add("prepare " + index);
            long ticks = index - 1 < compilerTicksWhilePreparing.length ? compilerTicksWhilePreparing[index - 1] : 0;
            relayCompiler += ticks;
            relayTotal += ticks;
            write();
        }

        @Override
        public int send(int index, double rate, int events) {
            calls.add("send " + index + (rate > 0 ? " at " + BenchFormat.count(rate) + "/s, at most " + events : ""));
            clock.addAndGet(Duration.ofSeconds(secondsPerRound).toNanos());
            long p = percent[Math.min(index, percent.length) - 1];
            relayTotal += 1000;
            relayCompiler += 10 * p;
            long g = index - 1 < generatorCompilerTicks.length ? generatorCompilerTicks[index - 1] : 0;
            generatorTotal += 100 + g;
            generatorCompiler += g;
            write();
            return events == Integer.MAX_VALUE ? 1000 : events;
        }

        private void write() {
            proc.process(RELAY, "java", relayTotal, 0);
            proc.thread(RELAY, RELAY + 1, "C2 CompilerThre", relayCompiler, 0);
            proc.process(GENERATOR, "java", generatorTotal, 0);
            proc.thread(GENERATOR, GENERATOR + 1, "C2 CompilerThre", generatorCompiler, 0);
        }
    }
}
