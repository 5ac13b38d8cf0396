package dev.drama.bench.server;

import dev.drama.proto.JournalRecord;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.SessionJournal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Journal append with group commit, as {@code sessions} sessions' moves arriving together:
 * each invocation appends one move to every session and waits until all are durable. The
 * score is rounds/s; the counters give moves/s and fsyncs/s (their ratio: fsyncs per move),
 * counted on the log's file channels. The disk is whatever holds java.io.tmpdir (here: ext4
 * on a virtio disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JournalBenchmark {
    @Param({"1", "100", "1000"})
    public int sessions;

    @Param({"true", "false"})
    public boolean fsync;

    private final LongAdder forces = new LongAdder();
    private Path dir;
    private Journal journal;
    private SessionJournal[] journals;
    private JournalRecord[] records;
    private long seq;

    /** Moves made durable and fsyncs done, reported per second next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counts {
        public long moves;
        public long fsyncs;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        journal = new Journal(dir.resolve("log"), 64L << 20, fsync, (path, options, attributes) ->
                new CountingChannel(FileChannel.open(path, options, attributes), forces));
        journals = new SessionJournal[sessions];
        for (int i = 0; i < sessions; i++) {
            journals[i] = journal.session("s" + i, dir.resolve("sessions").resolve("s" + i).resolve("journal.bin"), -1);
        }
        records = new JournalRecord[] {Fixtures.positionRecord(1, "chair", "wards", true), Fixtures.talkRecord(2)};
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One move from every session, then wait until the last is durable. */
    @Benchmark
    public void oneMoveEach(Counts counts) throws Exception {
        long forcesBefore = forces.sum();
        CompletableFuture<Void> last = null;
        seq++;
        for (int i = 0; i < sessions; i++) {
            JournalRecord r = records[(int) (seq & 1)].toBuilder().setSeq(seq).build();
            last = journal.append(journals[i], List.of(r));
        }
        last.get(30, TimeUnit.SECONDS);
        counts.moves += sessions;
        counts.fsyncs += forces.sum() - forcesBefore;
    }
}
