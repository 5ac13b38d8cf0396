package dev.drama.server.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.LogEntry;
import dev.drama.proto.Phase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's journal: one write-ahead log that every session appends to, so that one fsync
 * makes a whole batch of moves durable ({@link GroupCommitter}), in segments ({@link SegmentedLog})
 * read back at start ({@link LogRecovery}). A record's future completes once it is on disk;
 * only then is the move acknowledged.
 *
 * <p>When a session ends, its records are copied to its own journal file (the transcript and
 * the debrief are read from it, as from the export), and leave the log; a segment none of whose
 * records are still needed is deleted.
 */
public final class Journal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    /** A segment this size is full: large enough that rolling is rare, small enough that a dead one is freed soon. */
    /** A session's own journal file, in its folder. */
    public static final String FILE = "journal.bin";

    /** How log segments are opened: {@link FileChannel#open}, or in tests a channel that fails on demand. */
    @FunctionalInterface
    public interface Opener {
        FileChannel open(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes) throws IOException;
    }

    private final Path dir;
    private final boolean forceToDisk;
    private final SegmentedLog segments;
    private final GroupCommitter committer;
    /** Moves ended sessions' records from the log to their files, off the writer's thread. */
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "journal-compactor");
        t.setDaemon(true);
        return t;
    });
    /** How many records in each segment are still needed (not yet in their session's file). */
    private final Map<Long, Integer> live = new HashMap<>();
    /** Segments found at start: none is deleted before recovery has told which of their records are needed. */
    private final Set<Long> untilRecovered = new HashSet<>();
    private LogRecovery.Found found;

    /** The journal in this folder, with fsync and segments of the configured size. */
    public Journal(Path dir, long segmentBytes) throws IOException {
        this(dir, segmentBytes, true, FileChannel::open);
    }

    /**
     * Reads back the log found in the folder ({@link #recovered()}), then appends in a new segment.
     *
     * @param forceToDisk false only for benchmarks that want to see the cost of fsync
     */
    public Journal(Path dir, long segmentBytes, boolean forceToDisk, Opener opener) throws IOException {
        this.dir = OwnerOnly.directory(dir);
        this.forceToDisk = forceToDisk;
        this.found = LogRecovery.recover(dir, forceToDisk);
        found.segments().forEach(s -> live.put(s, 0));
        untilRecovered.addAll(found.segments());
        this.segments = new SegmentedLog(dir, found.nextSegment(), segmentBytes, forceToDisk, opener);
        this.committer = new GroupCommitter(segments, this::segmentClosed);
    }

    /** The log as it was found when the journal opened. */
    public LogRecovery.Found recovered() {
        return found;
    }

    /** A session's part of the journal; {@code fileThroughSeq}: the last record its journal file holds (-1: none). */
    public SessionJournal session(String sessionId, Path file, long fileThroughSeq) {
        return new SessionJournal(sessionId, file, fileThroughSeq);
    }

    /** Recovery found these records of the session in the log, still needed: they stay there. */
    public void keep(SessionJournal session, List<LogRecovery.Entry> entries) {
        for (LogRecovery.Entry e : entries) {
            session.placed(e.segment(), e.offset(), e.record().getSeq());
            count(e.segment(), 1);
        }
    }

    /** The session has ended: its records go to its file now, and so will any it records later. */
    public void ended(SessionJournal session) {
        session.markEnded();
        archive(session);
    }

    /**
     * Rewrites the session's file with exactly these records (forced before anything else),
     * then every record of it in the log up to {@code throughSeq} leaves the log: when it
     * ended, or when recovery cut its history short.
     */
    public void replaceHistory(SessionJournal session, List<JournalRecord> records, long throughSeq) throws IOException {
        long[] released;
        synchronized (session) {
            rewrite(session.file(), records);
            released = session.fileHoldsThrough(throughSeq);
        }
        release(released);
    }

    /** Recovery is over: segments holding nothing still needed are deleted. */
    public void recoveryDone() {
        found = LogRecovery.Found.empty();
        List<Long> dead;
        synchronized (live) {
            untilRecovered.clear();
            dead = live.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        }
        dead.forEach(this::deleteIfDead);
    }

    /** Queues records of a session; the future completes once they are all on disk. */
    public CompletableFuture<Void> append(SessionJournal session, List<JournalRecord> records) {
        ByteBuffer frames;
        int[] lengths = new int[records.size()];
        List<byte[]> payloads = new ArrayList<>(records.size());
        int total = 0;
        boolean ends = false;
        for (int i = 0; i < records.size(); i++) {
            JournalRecord r = records.get(i);
            byte[] payload = LogEntry.newBuilder().setSessionId(session.sessionId()).setRecord(r).build().toByteArray();
            payloads.add(payload);
            lengths[i] = Frames.size(payload.length);
            total += lengths[i];
            ends |= r.hasPhaseChanged() && r.getPhaseChanged().getPhase() == Phase.ENDED;
        }
        frames = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        payloads.forEach(p -> Frames.put(frames, p));
        if (ends) {
            session.markEnded();
        }
        CompletableFuture<Void> done = committer.append(frames.array(), (segment, offset) -> {
            long at = offset;
            for (int i = 0; i < records.size(); i++) {
                session.placed(segment, at, records.get(i).getSeq());
                at += lengths[i];
            }
            count(segment, records.size());
        });
        if (session.ended()) {
            // Anything an ended session records (a trainer may still tidy up) goes to its file too.
            done.thenRunAsync(() -> archive(session), compactor);
        }
        return done;
    }

    /**
     * Everything the session has recorded and is on disk, in order: its journal file, then its
     * records in the log. Read without holding up the log's writer, which may meanwhile add more.
     */
    public List<JournalRecord> history(SessionJournal session) throws IOException {
        try {
            return read(session.file(), session.where());
        } catch (NoSuchFileException e) {
            return read(session.file(), session.where()); // an ended session's records moved to its file meanwhile
        }
    }

    private List<JournalRecord> read(Path file, SessionJournal.Where where) throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        if (where.fileThroughSeq() >= 0) {
            // The file may have been rewritten since with records the snapshot still places in the log.
            JournalCodec.read(file).records().stream().filter(r -> r.getSeq() <= where.fileThroughSeq())
                    .forEach(records::add);
        }
        Map<Long, FileChannel> open = new HashMap<>();
        try {
            for (int i = 0; i < where.places().length; i++) {
                long segment = where.segment(i);
                FileChannel channel = open.get(segment);
                if (channel == null) {
                    channel = FileChannel.open(SegmentedLog.path(dir, segment), StandardOpenOption.READ);
                    open.put(segment, channel);
                }
                records.add(readEntry(channel, where.offset(i)));
            }
        } finally {
            for (FileChannel c : open.values()) {
                c.close();
            }
        }
        return records;
    }

    private static JournalRecord readEntry(FileChannel channel, long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(Frames.HEAD).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, head, offset);
        int length = head.getInt(0);
        ByteBuffer frame = ByteBuffer.allocate(Frames.size(length));
        frame.put(head.array());
        readFully(channel, frame, offset);
        if (!(Frames.next(frame.array(), 0) instanceof Frames.Frame f)) {
            throw new IOException("the log entry at offset " + offset + " no longer passes its checksum");
        }
        try {
            return LogEntry.parseFrom(ByteBuffer.wrap(frame.array(), f.payloadAt(), f.payloadLength())).getRecord();
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("the log entry at offset " + offset + " does not parse", e);
        }
    }

    /** Fills the buffer from its position on with the file's bytes from {@code start} + that position. */
    private static void readFully(FileChannel channel, ByteBuffer into, long start) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, start + into.position()) < 0) {
                throw new IOException("a log entry ends past the end of its segment");
            }
        }
    }

    /**
     * Moves a session's records from the log to its journal file: the file is rewritten with
     * all of them (forced before the log lets them go), and segments left with nothing needed
     * are deleted. If it fails, the records stay in the log, and the next start tries again.
     */
    public void archive(SessionJournal session) {
        synchronized (session) {
            if (session.inLog() == 0) {
                return;
            }
            try {
                List<JournalRecord> records = history(session);
                replaceHistory(session, records, records.get(records.size() - 1).getSeq());
            } catch (IOException | RuntimeException e) {
                log.error("session {}: could not copy its records to {} ({}); they stay in the log",
                        session.sessionId(), session.file(), e.toString());
            }
        }
    }

    private void release(long[] segments) {
        for (long segment : segments) {
            count(segment, -1);
        }
        for (long segment : segments) {
            deleteIfDead(segment);
        }
    }

    /**
     * Replaces a journal file with one holding exactly these records, in the current format:
     * written beside it, forced, then moved over it, so a crash leaves either the old file or the new.
     */
    public void rewrite(Path path, List<JournalRecord> records) throws IOException {
        OwnerOnly.directory(path.toAbsolutePath().getParent());
        replace(path, JournalCodec.journal(records), forceToDisk);
    }

    /** Replaces a file by a new one with these bytes, for its owner only, atomically. */
    static void replace(Path path, byte[] bytes, boolean forceToDisk) throws IOException {
        Path fresh = path.resolveSibling(path.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        try (FileChannel channel = FileChannel.open(fresh, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), OwnerOnly.file(fresh))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (forceToDisk) {
                channel.force(true);
            }
        }
        Files.move(fresh, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (forceToDisk) {
            forceFolder(path);
        }
    }

    /** Makes a file's creation or renaming durable. */
    static void forceFolder(Path file) {
        try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("could not force the folder of {} ({}); the change is durable at the next sync", file, e.toString());
        }
    }

    /** How many fsyncs the log has done. */
    public long forces() {
        return segments.forces();
    }

    /** The segment appends go to now. */
    public long currentSegment() {
        return segments.segment();
    }

    private void count(long segment, int change) {
        synchronized (live) {
            live.merge(segment, change, Integer::sum);
        }
    }

    private void segmentClosed(long segment) {
        deleteIfDead(segment);
    }

    private void deleteIfDead(long segment) {
        synchronized (live) {
            if (segment == segments.segment() || live.getOrDefault(segment, 0) > 0 || untilRecovered.contains(segment)) {
                return;
            }
            live.remove(segment);
        }
        try {
            Files.deleteIfExists(SegmentedLog.path(dir, segment));
            log.info("log segment {} deleted: every record in it is in its session's journal file", segment);
        } catch (NoSuchFileException e) {
            // deleted already
        } catch (IOException e) {
            log.warn("could not delete log segment {}: {}", segment, e.toString());
        }
    }

    /** Finishes what is queued (appends, then moving ended sessions to their files), then stops. */
    @Override
    public void close() {
        committer.close();
        compactor.shutdown();
        try {
            compactor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            segments.close();
        } catch (IOException e) {
            log.warn("closing the log: {}", e.toString());
        }
    }
}
