package dev.drama.bench.server;

import dev.drama.proto.JournalRecord;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.model.Pack;
import dev.drama.server.session.Outbound;
import dev.drama.server.session.SessionState;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * What one move costs the session actor, without the network and the journal: applying the
 * move's record to a session of the scrutiny pack in negotiation. A board move (position)
 * re-runs the engine, diffs the dilemmas and builds the BoardView; talk only records it.
 * This is where the load test's server CPU per move goes (the engine's own figures are in
 * dev.drama.bench.engine); {@code boardView} is the BoardView alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionApplyBenchmark {
    @Param({"position", "talk"})
    public String move;

    private Pack pack;
    private SessionState state;
    private String[] characters;
    private String[] options;
    private long seq = 10;

    @Setup(Level.Iteration)
    public void setUp() {
        pack = Fixtures.pack();
        state = Fixtures.negotiating(pack);
        characters = pack.playableCharacters().stream().map(c -> c.id()).toArray(String[]::new);
        options = pack.options().stream().map(o -> o.id()).toArray(String[]::new);
    }

    @Benchmark
    public void apply(Blackhole bh) {
        long n = ++seq;
        JournalRecord r = move.equals("talk") ? Fixtures.talkRecord(n)
                : Fixtures.positionRecord(n, characters[(int) (n % characters.length)],
                options[(int) ((n / characters.length) % options.length)], (n & 1) == 0);
        List<Outbound> out = state.apply(r);
        for (Outbound o : out) {
            bh.consume(o.message().getSerializedSize());
        }
    }

    @Benchmark
    public ServerMessage boardView() {
        return ServerMessage.newBuilder().setBoard(state.boardView("chair")).build();
    }
}
