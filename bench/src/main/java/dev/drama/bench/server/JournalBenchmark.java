package dev.drama.bench.server;

import dev.drama.proto.JournalRecord;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.JournalFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Journal append with group commit. Each invocation queues {@code batch} records spread over
 * {@code files} session journals (as that many sessions' moves arriving together) and waits
 * until the last is durable; the score is per record. {@code fsync=false} shows the cost of
 * forcing to disk (the journal forces each touched file once per batch). The disk is whatever
 * holds java.io.tmpdir (here: ext4 on a virtio disk).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@OperationsPerInvocation(1)
public class JournalBenchmark {
    @Param({"true", "false"})
    public boolean fsync;

    @Param({"1", "16", "128"})
    public int batch;

    @Param({"1", "16"})
    public int files;

    private Path dir;
    private Journal journal;
    private JournalFile[] journals;
    private JournalRecord[] records;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        journal = new Journal(fsync);
        journals = new JournalFile[files];
        for (int i = 0; i < files; i++) {
            journals[i] = journal.open(dir.resolve("s" + i + ".journal"), 0);
        }
        records = new JournalRecord[] {Fixtures.positionRecord(1, "chair", "wards", true), Fixtures.talkRecord(2)};
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        journal.close();
        for (JournalFile f : journals) {
            f.close();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Queues a batch of records and waits for the last to be durable; ops/s here are batches/s (see records/s in README). */
    @Benchmark
    public void appendBatch() throws Exception {
        CompletableFuture<Void> last = null;
        for (int i = 0; i < batch; i++) {
            JournalRecord r = records[(int) (seq & 1)].toBuilder().setSeq(++seq).build();
            last = journal.append(journals[i % files], r);
        }
        last.get(10, TimeUnit.SECONDS);
    }
}
