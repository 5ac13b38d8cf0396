package dev.drama.server.journal;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One session's part of the journal: its journal file, which holds its records up to some
 * point (once it has ended, or when an older server wrote them), and where its later records
 * are in the server's log. Thread-safe: the log's writer adds to it, the session reads it,
 * and the compactor moves its records from the log to the file.
 */
public final class SessionJournal {
    /** Segment numbers above this many bits of offset: a segment is far smaller than a terabyte. */
    private static final int OFFSET_BITS = 40;

    private final String sessionId;
    private final Path file;
    private long fileThroughSeq;
    /** The session's records in the log, in order: segment and offset packed, and each one's seq. */
    private long[] places = new long[16];
    private long[] seqs = new long[16];
    private int size;
    private volatile boolean ended;

    SessionJournal(String sessionId, Path file, long fileThroughSeq) {
        this.sessionId = sessionId;
        this.file = file;
        this.fileThroughSeq = fileThroughSeq;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The session's own journal file (it may not exist yet). */
    public Path file() {
        return file;
    }

    synchronized long fileThroughSeq() {
        return fileThroughSeq;
    }

    boolean ended() {
        return ended;
    }

    void markEnded() {
        ended = true;
    }

    synchronized void placed(long segment, long offset, long seq) {
        if (size == places.length) {
            places = Arrays.copyOf(places, size * 2);
            seqs = Arrays.copyOf(seqs, size * 2);
        }
        places[size] = segment << OFFSET_BITS | offset;
        seqs[size++] = seq;
    }

    /** How many of its records are in the log. */
    synchronized int inLog() {
        return size;
    }

    /** Where its records are: the last one its file holds, and each later one's place in the log. */
    record Where(long fileThroughSeq, long[] places) {
        long segment(int i) {
            return places[i] >>> OFFSET_BITS;
        }

        long offset(int i) {
            return places[i] & ((1L << OFFSET_BITS) - 1);
        }
    }

    synchronized Where where() {
        return new Where(fileThroughSeq, Arrays.copyOf(places, size));
    }

    /**
     * Its journal file now holds every record up to {@code seq}: those leave the log. Returns
     * the segment of each record that left, so the log can tell which segments are dead.
     */
    synchronized long[] fileHoldsThrough(long seq) {
        fileThroughSeq = Math.max(fileThroughSeq, seq);
        int gone = 0;
        while (gone < size && seqs[gone] <= seq) {
            gone++;
        }
        long[] segments = new long[gone];
        for (int i = 0; i < gone; i++) {
            segments[i] = places[i] >>> OFFSET_BITS;
        }
        System.arraycopy(places, gone, places, 0, size - gone);
        System.arraycopy(seqs, gone, seqs, 0, size - gone);
        size -= gone;
        return segments;
    }
}
