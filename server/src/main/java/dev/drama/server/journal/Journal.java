package dev.drama.server.journal;

import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends journal records and makes them durable before anyone is told they happened.
 *
 * <p>One writer thread serves every session: it takes all the records waiting, writes
 * each to its file, forces each touched file once, and only then completes their
 * futures (group commit). Under load many moves share one fsync; alone, a move pays
 * for one. Futures complete in append order, so replies leave in the order of moves.
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);

    private record Pending(JournalFile file, byte[] bytes, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null, null);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final boolean forceToDisk;
    /** Threads that wait in fsync; they use no CPU meanwhile, so there can be more of them than cores. */
    private final ExecutorService forcers = Executors.newFixedThreadPool(FORCE_THREADS, runnable -> {
        Thread t = new Thread(runnable, "journal-fsync");
        t.setDaemon(true);
        return t;
    });
    private static final int FORCE_THREADS = 16;

    public Journal() {
        this(true);
    }

    /** @param forceToDisk false only for benchmarks that want to see the cost of fsync */
    public Journal(boolean forceToDisk) {
        this.forceToDisk = forceToDisk;
        this.writer = new Thread(this::run, "journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (or creates) a journal file for appending after its last complete record. */
    public JournalFile open(Path path, long validLength) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(validLength);
        channel.position(validLength);
        return new JournalFile(path, channel);
    }

    /** Queues a record; the future completes once it is on disk. */
    public CompletableFuture<Void> append(JournalFile file, JournalRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(file, JournalCodec.encode(record), done));
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            boolean stop = batch.remove(STOP);
            writeAndForce(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    private void writeAndForce(List<Pending> batch) {
        Set<JournalFile> touched = new LinkedHashSet<>();
        List<Pending> written = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            try {
                p.file().write(ByteBuffer.wrap(p.bytes()));
                touched.add(p.file());
                written.add(p);
            } catch (IOException e) {
                log.error("journal write failed for {}", p.file().path(), e);
                p.done().completeExceptionally(e);
            }
        }
        Set<JournalFile> failed = forceToDisk ? forceAll(touched) : Set.of();
        for (Pending p : written) {
            if (failed.contains(p.file())) {
                p.done().completeExceptionally(new IOException("fsync failed for " + p.file().path()));
            } else {
                p.done().complete(null);
            }
        }
    }

    /**
     * Forces every touched file, in parallel when there are several: a file system
     * commits concurrent fsyncs together, where one after another each waits its turn.
     * Returns the files that could not be forced.
     */
    private Set<JournalFile> forceAll(Set<JournalFile> files) {
        Set<JournalFile> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Callable<Void>> forces = new ArrayList<>(files.size());
        for (JournalFile f : files) {
            forces.add(() -> {
                try {
                    f.force();
                } catch (IOException e) {
                    log.error("journal fsync failed for {}", f.path(), e);
                    failed.add(f);
                }
                return null;
            });
        }
        try {
            if (forces.size() == 1) {
                forces.get(0).call();
            } else {
                forcers.invokeAll(forces);
            }
        } catch (Exception e) {
            log.error("journal fsync interrupted", e);
            failed.addAll(files);
        }
        return failed;
    }

    /** Finishes what is queued, then stops the writer. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forcers.shutdown();
    }
}
