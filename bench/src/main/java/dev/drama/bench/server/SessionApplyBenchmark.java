package dev.drama.bench.server;

import dev.drama.server.session.Outbound;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one move costs the session actor, without the network and the journal: a session of
 * the scrutiny pack in negotiation with a trainer, 6 players and 4 observers ({@link Room}),
 * the move's record applied, the session settled (a board move re-runs the engine, diffs the
 * dilemmas and reports the board) and the effects fanned out through visibility to seats that
 * count what they are sent. {@code mix} is the load generator's mix of moves. This is where
 * the load test's server CPU per move goes (the engine's own figures are in
 * dev.drama.bench.engine). Run with
 * {@code -prof gc} for the allocation per move (gc.alloc.rate.norm).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionApplyBenchmark {
    @Param({"position", "talk", "mix"})
    public String move;

    private Room room;

    @Setup(Level.Iteration)
    public void setUp() {
        room = new Room();
    }

    @Benchmark
    public List<Outbound> apply() {
        return room.move(move);
    }
}
