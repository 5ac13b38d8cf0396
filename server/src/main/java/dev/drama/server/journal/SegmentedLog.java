package dev.drama.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's write-ahead log on disk: numbered segment files in one folder
 * ({@code 00000000000000000001.wal}, ...), each an 8-byte header ({@link #HEADER}) then
 * {@link Frames frames}. Appends go to the newest segment; once it has reached its size, the
 * next batch starts a new one. Used only by the {@link GroupCommitter}'s thread.
 *
 * <p>After a failed write or fsync the bytes after the last forced frame are unknown (perhaps
 * half a frame; Linux may even have dropped pages a failed fsync could not write and report
 * success next time), so the next batch first cuts them off and writes its frames again.
 */
final class SegmentedLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SegmentedLog.class);
    /** "DRAMAWL" and the format version. */
    static final byte[] HEADER = {'D', 'R', 'A', 'M', 'A', 'W', 'L', 1};
    private static final String SUFFIX = ".wal";

    private final Path dir;
    private final long segmentBytes;
    private final boolean forceToDisk;
    private final Journal.Opener opener;
    private FileChannel channel;
    /** Read from other threads, which must never delete the segment being written. */
    private volatile long segment;
    private long position;
    /** Where the last frame known to be on disk ends. */
    private long durable;
    private boolean broken;
    private final LongAdder forces = new LongAdder();

    SegmentedLog(Path dir, long firstSegment, long segmentBytes, boolean forceToDisk, Journal.Opener opener)
            throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.forceToDisk = forceToDisk;
        this.opener = opener;
        this.channel = create(firstSegment);
        this.segment = firstSegment;
        this.position = HEADER.length;
        this.durable = HEADER.length;
    }

    static Path path(Path dir, long segment) {
        return dir.resolve(String.format("%020d%s", segment, SUFFIX));
    }

    /** The segments in a log folder, oldest first. */
    static List<Long> segments(Path dir) throws IOException {
        List<Long> numbers = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return numbers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    numbers.add(Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
                } catch (NumberFormatException e) {
                    log.warn("{} is not a log segment; left alone", f);
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    /** The segment being appended to. */
    long segment() {
        return segment;
    }

    /** How many fsyncs the log has done (a new segment takes two: its header and its folder). */
    long forces() {
        return forces.sum();
    }

    /** Where the next frame goes in the current segment. */
    long position() {
        return position;
    }

    /**
     * Readies the log for a batch: cuts off what a failed batch left, and starts a new segment
     * if the current one is full. Returns the segment it closed, or -1.
     */
    long prepare() throws IOException {
        if (broken) {
            channel.truncate(durable);
            channel.position(durable);
            position = durable;
            broken = false;
        }
        if (position < segmentBytes) {
            return -1;
        }
        FileChannel next;
        try {
            next = create(segment + 1);
        } catch (IOException e) {
            log.warn("could not start log segment {} ({}); appending to {} meanwhile", segment + 1, e.toString(), segment);
            return -1;
        }
        long closed = segment;
        channel.close();
        channel = next;
        segment = closed + 1;
        position = HEADER.length;
        durable = HEADER.length;
        return closed;
    }

    /** Writes the buffers one after the other at the end of the current segment. */
    void write(ByteBuffer[] buffers) throws IOException {
        try {
            long remaining = 0;
            for (ByteBuffer b : buffers) {
                remaining += b.remaining();
            }
            long total = remaining;
            while (remaining > 0) {
                remaining -= channel.write(buffers);
            }
            position += total;
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** Makes everything written durable. */
    void force() throws IOException {
        try {
            if (forceToDisk) {
                channel.force(false);
                forces.increment();
            }
            durable = position;
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** A new segment, for its owner only, with its header and its name made durable before anything is appended. */
    private FileChannel create(long number) throws IOException {
        Path path = path(dir, number);
        FileChannel c = opener.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OwnerOnly.file(path));
        try {
            ByteBuffer header = ByteBuffer.wrap(HEADER);
            while (header.hasRemaining()) {
                c.write(header);
            }
            if (forceToDisk) {
                c.force(true);
                Journal.forceFolder(path);
                forces.add(2);
            }
            return c;
        } catch (IOException e) {
            c.close();
            Files.deleteIfExists(path);
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
