package dev.drama.server.journal;

import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.HashSet;
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

    /** Records to write to a file; {@code rewind}: first cut off what a failed write left there. */
    private record Pending(JournalFile file, byte[] bytes, boolean rewind, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null, false, null);

    /** How journal files are opened: {@link FileChannel#open}, or in tests a channel that fails on demand. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException;
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final boolean forceToDisk;
    private final Opener opener;
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
        this(forceToDisk, FileChannel::open);
    }

    public Journal(boolean forceToDisk, Opener opener) {
        this.forceToDisk = forceToDisk;
        this.opener = opener;
        this.writer = new Thread(this::run, "journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Opens (or creates, for its owner only) a journal file for appending after its last
     * complete record; a new one (or one torn before its header was whole) gets the header.
     */
    public JournalFile open(Path path, long validLength) throws IOException {
        FileChannel channel = opener.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.file(path));
        try {
            if (validLength < JournalCodec.HEADER.length) {
                channel.truncate(0);
                writeFully(channel, JournalCodec.HEADER);
                validLength = JournalCodec.HEADER.length;
            } else {
                channel.truncate(validLength);
                channel.position(validLength);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new JournalFile(path, channel, validLength);
    }

    /**
     * Replaces a journal with one holding exactly these records, in the current format: written
     * beside it, forced, then moved over it, so a crash leaves either the old file or the new.
     */
    public void rewrite(Path path, List<JournalRecord> records) throws IOException {
        Path fresh = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        try (FileChannel channel = opener.open(fresh, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OwnerOnly.file(fresh))) {
            writeFully(channel, JournalCodec.journal(records));
            if (forceToDisk) {
                channel.force(true);
            }
        }
        Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (forceToDisk) {
            try (FileChannel dir = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                dir.force(true); // the rename itself
            } catch (IOException e) {
                log.debug("could not force the folder of {} ({}); the rename is durable at the next sync", path, e.toString());
            }
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Queues a record; the future completes once it is on disk. */
    public CompletableFuture<Void> append(JournalFile file, JournalRecord record) {
        return append(file, List.of(record));
    }

    /** Queues records to be written together; the future completes once they are all on disk. */
    public CompletableFuture<Void> append(JournalFile file, List<JournalRecord> records) {
        return queue(file, records, false);
    }

    /**
     * Writes records again after the file failed: cuts off whatever a failed write left after
     * the last record known to be on disk, then appends them.
     */
    public CompletableFuture<Void> retry(JournalFile file, List<JournalRecord> records) {
        return queue(file, records, true);
    }

    private CompletableFuture<Void> queue(JournalFile file, List<JournalRecord> records, boolean rewind) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(file, JournalCodec.frames(records), rewind, done));
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

    /**
     * Writes the batch, then forces each file it touched. A file that fails at any point fails
     * every record the batch had for it: they are not known to be on disk, and the file stays
     * broken (appends to it fail) until a {@link #retry} rewinds it.
     */
    private void writeAndForce(List<Pending> batch) {
        Set<JournalFile> touched = new LinkedHashSet<>();
        Set<JournalFile> failed = new HashSet<>();
        for (Pending p : batch) {
            try {
                if (p.rewind()) {
                    p.file().rewind();
                }
                p.file().write(ByteBuffer.wrap(p.bytes()));
                touched.add(p.file());
            } catch (IOException e) {
                if (failed.add(p.file())) {
                    log.error("journal write failed for {}: {}", p.file().path(), e.toString());
                }
            }
        }
        touched.removeAll(failed);
        failed.addAll(forceAll(touched));
        for (Pending p : batch) {
            if (failed.contains(p.file())) {
                p.done().completeExceptionally(new IOException("could not save to " + p.file().path()));
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
                    f.force(forceToDisk);
                } catch (IOException e) {
                    log.error("journal fsync failed for {}: {}", f.path(), e.toString());
                    failed.add(f);
                }
                return null;
            });
        }
        try {
            if (forces.size() == 1 || !forceToDisk) {
                for (Callable<Void> force : forces) {
                    force.call();
                }
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
