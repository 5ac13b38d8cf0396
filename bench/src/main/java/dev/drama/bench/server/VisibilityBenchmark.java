package dev.drama.bench.server;

import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.server.visibility.Audience;
import dev.drama.server.visibility.Viewer;
import dev.drama.server.visibility.Visibility;
import java.util.ArrayList;
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
 * Visibility fan-out: deciding, for one event, which of a session's participants may receive
 * it: a trainer, the six players of the scrutiny pack and four observers (11 viewers), as
 * {@code Session.deliver} does (Visibility.mayReceive(viewer, message, phase) per viewer).
 * {@code mix}: board, dilemma, public talk, private talk, offer, one after the other.
 * {@code fanOutAudienceOnce} computes the audience once per event and checks each viewer
 * against it, which is what the per-viewer call does again for each viewer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VisibilityBenchmark {
    record V(Role role, String characterId) implements Viewer {
    }

    @Param({"mix", "board", "dilemma", "privateTalk", "offer"})
    public String messages;

    @Param({"4"})
    public int observers;

    private final List<Viewer> viewers = new ArrayList<>();
    private ServerMessage[] events;

    @Setup(Level.Trial)
    public void setUp() {
        var pack = Fixtures.pack();
        var state = Fixtures.negotiating(pack);
        viewers.add(new V(Role.TRAINER, ""));
        for (var c : pack.playableCharacters()) {
            viewers.add(new V(Role.TRAINEE, c.id()));
        }
        for (int i = 0; i < observers; i++) {
            viewers.add(new V(Role.OBSERVER, ""));
        }
        ServerMessage board = Fixtures.board(state), dilemma = Fixtures.dilemma(state), talk = Fixtures.publicTalk(),
                secret = Fixtures.privateTalk(), offer = Fixtures.offerEvent();
        events = switch (messages) {
            case "board" -> new ServerMessage[] {board};
            case "dilemma" -> new ServerMessage[] {dilemma};
            case "privateTalk" -> new ServerMessage[] {secret};
            case "offer" -> new ServerMessage[] {offer};
            default -> new ServerMessage[] {board, dilemma, talk, secret, offer};
        };
    }

    /** Per event: how many of the session's viewers receive it (the server's way: per viewer, per message). */
    @Benchmark
    public int fanOut() {
        int received = 0;
        for (ServerMessage m : events) {
            for (Viewer v : viewers) {
                if (Visibility.mayReceive(v, m, Phase.NEGOTIATION)) {
                    received++;
                }
            }
        }
        return received;
    }

    /** The same decisions with the audience computed once per event. */
    @Benchmark
    public int fanOutAudienceOnce() {
        int received = 0;
        for (ServerMessage m : events) {
            Audience a = Visibility.audienceOf(m, Phase.NEGOTIATION);
            for (Viewer v : viewers) {
                if (Visibility.mayReceive(v, a)) {
                    received++;
                }
            }
        }
        return received;
    }
}
