package dev.drama.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes appends durable together (group commit): one thread takes every append waiting, from
 * every session, writes them to the log one after the other, forces the log once, and only
 * then completes their futures. Under load a whole batch of moves shares one fsync; alone, a
 * move pays for one. Futures complete in append order, so replies leave in the order of moves.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** Told where an append's bytes start, once they are durable (before its future completes). */
    @FunctionalInterface
    interface Placed {
        void at(long segment, long offset);
    }

    private record Pending(byte[] bytes, Placed placed, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null, null);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final SegmentedLog segments;
    private final LongConsumer segmentClosed;
    private final Thread writer;

    /** @param segmentClosed told (on the writer thread) of each segment the log stops appending to */
    GroupCommitter(SegmentedLog segments, LongConsumer segmentClosed) {
        this.segments = segments;
        this.segmentClosed = segmentClosed;
        this.writer = new Thread(this::run, "journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues bytes (whole frames) for the log; the future completes once they are on disk. */
    CompletableFuture<Void> append(byte[] bytes, Placed placed) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(bytes, placed, done));
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
            commit(batch);
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * Writes the batch and forces it once. If anything fails, every append of the batch fails:
     * none is known to be on disk, and the next batch cuts off what this one left.
     */
    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long segment;
        long[] offsets = new long[batch.size()];
        try {
            long closed = segments.prepare();
            if (closed >= 0) {
                segmentClosed.accept(closed);
            }
            segment = segments.segment();
            ByteBuffer[] buffers = new ByteBuffer[batch.size()];
            long at = segments.position();
            for (int i = 0; i < batch.size(); i++) {
                offsets[i] = at;
                buffers[i] = ByteBuffer.wrap(batch.get(i).bytes());
                at += batch.get(i).bytes().length;
            }
            segments.write(buffers);
            segments.force();
        } catch (IOException | RuntimeException e) {
            log.error("journal write failed: {}", e.toString());
            IOException failure = new IOException("could not save to the journal", e);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            p.placed().at(segment, offsets[i]);
            p.done().complete(null);
        }
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
    }
}
