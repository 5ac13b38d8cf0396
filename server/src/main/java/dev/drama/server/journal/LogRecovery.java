package dev.drama.server.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the server's log back when it starts: every entry of every segment, in order.
 *
 * <p>The newest segment may end in a frame a crash cut short (a torn tail): nothing in it was
 * acknowledged, so it is cut off, and the log says how many bytes. Anything else that fails a
 * checksum is damage: it is reported with the session it seems to belong to (a damaged
 * entry's session id is usually still readable), the segment is copied aside as found, and
 * rewritten without the damaged bytes, so that the damage is reported once. Every good entry
 * after damage is still read: other sessions lose nothing.
 */
public final class LogRecovery {
    private static final Logger log = LoggerFactory.getLogger(LogRecovery.class);

    private LogRecovery() {
    }

    /** An entry as found: whose, which record, and where its frame is. */
    public record Entry(String sessionId, JournalRecord record, long segment, long offset, int length) {
    }

    /**
     * Damage found in a segment at {@code offset}, spanning {@code length} bytes;
     * {@code sessionHint}: the session id the damaged entry seems to carry, or empty.
     */
    public record Damage(long segment, long offset, int length, String what, String sessionHint, Path keptAt) {
    }

    /** The whole log as found. */
    public record Found(List<Entry> entries, List<Damage> damages, List<Long> segments) {
        static Found empty() {
            return new Found(List.of(), List.of(), List.of());
        }

        /** The segment to append to next: after every segment found. */
        long nextSegment() {
            return segments.isEmpty() ? 1 : segments.get(segments.size() - 1) + 1;
        }
    }

    /** What one segment holds. {@code validLength}: where its last good frame ends. */
    record Segment(List<Entry> entries, List<Damage> damages, int validLength, boolean torn, List<int[]> goodFrames) {
    }

    /** Reads every segment in the folder, repairing as the class comment says. */
    static Found recover(Path dir, boolean forceToDisk) throws IOException {
        List<Long> numbers = SegmentedLog.segments(dir);
        List<Entry> entries = new ArrayList<>();
        List<Damage> damages = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            long number = numbers.get(i);
            Path path = SegmentedLog.path(dir, number);
            OwnerOnly.narrowFile(path);
            byte[] bytes = Files.readAllBytes(path);
            boolean newest = i == numbers.size() - 1;
            Segment s = read(number, bytes, newest);
            if (!s.damages().isEmpty()) {
                Path kept = keepAside(path, System.currentTimeMillis());
                for (Damage d : s.damages()) {
                    log.error("log segment {} is damaged at offset {} ({} bytes): {}{}; the segment as found is kept at {}",
                            path, d.offset(), d.length(), d.what(),
                            d.sessionHint().isEmpty() ? "" : " (an entry of session " + d.sessionHint() + ")", kept);
                    damages.add(new Damage(d.segment(), d.offset(), d.length(), d.what(), d.sessionHint(), kept));
                }
                Journal.replace(path, withoutDamage(bytes, s), forceToDisk);
                s = read(number, Files.readAllBytes(path), newest);
            } else if (s.torn()) {
                log.warn("{}: dropped {} bytes of an entry torn by a crash", path, bytes.length - s.validLength());
                try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
                    c.truncate(s.validLength());
                    if (forceToDisk) {
                        c.force(true);
                    }
                }
            }
            entries.addAll(s.entries());
        }
        return new Found(entries, damages, numbers);
    }

    /** Reads one segment's bytes; {@code newest}: it is the one a crash may have torn. */
    static Segment read(long number, byte[] bytes, boolean newest) {
        List<Entry> entries = new ArrayList<>();
        List<Damage> damages = new ArrayList<>();
        List<int[]> good = new ArrayList<>();
        int firstBad = headerMismatch(bytes);
        if (firstBad >= 0) {
            damages.add(new Damage(number, firstBad, SegmentedLog.HEADER.length - firstBad,
                    "its header is not a log segment's", "", null));
        }
        int pos = SegmentedLog.HEADER.length;
        int valid = Math.min(bytes.length, pos);
        boolean torn = false;
        while (pos < bytes.length) {
            Frames.Next next = Frames.next(bytes, pos);
            if (next instanceof Frames.Frame frame) {
                Optional<Entry> entry = entry(number, bytes, pos, frame);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                    good.add(new int[] {pos, frame.end()});
                    valid = frame.end();
                } else {
                    damages.add(new Damage(number, pos, frame.end() - pos,
                            "it passes its checksum but is not a log entry", hint(bytes, pos), null));
                }
                pos = frame.end();
            } else if (next instanceof Frames.Damaged d) {
                int end = d.end() >= 0 ? d.end() : resync(number, bytes, pos + 1);
                damages.add(new Damage(number, pos, end - pos, d.what(), hint(bytes, pos), null));
                pos = end;
            } else if (newest) {
                torn = true;
                break;
            } else {
                // Only the newest segment was being written when the server stopped.
                damages.add(new Damage(number, pos, bytes.length - pos,
                        "it is cut short, in a segment that was complete", hint(bytes, pos), null));
                break;
            }
        }
        return new Segment(entries, damages, valid, torn, good);
    }

    private static Optional<Entry> entry(long number, byte[] bytes, int pos, Frames.Frame frame) {
        try {
            LogEntry e = LogEntry.parseFrom(ByteBuffer.wrap(bytes, frame.payloadAt(), frame.payloadLength()));
            if (e.getSessionId().isEmpty() || e.getRecord().getEventCase() == JournalRecord.EventCase.EVENT_NOT_SET) {
                return Optional.empty();
            }
            return Optional.of(new Entry(e.getSessionId(), e.getRecord(), number, pos, frame.end() - pos));
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    /** After damage whose extent is unknown (its length is bad): the next position where a good entry starts. */
    private static int resync(long number, byte[] bytes, int from) {
        for (int pos = from; pos < bytes.length; pos++) {
            if (Frames.next(bytes, pos) instanceof Frames.Frame f && entry(number, bytes, pos, f).isPresent()) {
                return pos;
            }
        }
        return bytes.length;
    }

    /**
     * The session id a frame's payload starts with (field 1, a short string), if it still
     * looks like one: session ids are short and plain, so a damaged one rarely does.
     */
    static String hint(byte[] bytes, int pos) {
        int at = pos + Frames.HEAD;
        if (at + 2 > bytes.length || bytes[at] != 0x0a) {
            return "";
        }
        int length = bytes[at + 1];
        if (length <= 0 || at + 2 + length > bytes.length) {
            return "";
        }
        for (int i = at + 2; i < at + 2 + length; i++) {
            byte b = bytes[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '-' || b == '_')) {
                return "";
            }
        }
        return new String(bytes, at + 2, length, StandardCharsets.US_ASCII);
    }

    private static int headerMismatch(byte[] bytes) {
        for (int i = 0; i < SegmentedLog.HEADER.length; i++) {
            if (i >= bytes.length || bytes[i] != SegmentedLog.HEADER[i]) {
                return i < bytes.length ? i : -1;
            }
        }
        return -1;
    }

    /** The segment with a good header and only its good frames. */
    private static byte[] withoutDamage(byte[] bytes, Segment s) {
        int size = SegmentedLog.HEADER.length + s.goodFrames().stream().mapToInt(f -> f[1] - f[0]).sum();
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(SegmentedLog.HEADER);
        for (int[] f : s.goodFrames()) {
            out.put(bytes, f[0], f[1] - f[0]);
        }
        return out.array();
    }

    /** Copies a damaged file, exactly as found, beside it: {@code <name>.damaged-<UTC time>}. */
    public static Path keepAside(Path path, long nowEpochMs) throws IOException {
        return Files.copy(path, asideOf(path, nowEpochMs), StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** A name beside the file for what was found damaged in it, {@code <name>.damaged-<UTC time>}, not taken yet. */
    public static Path asideOf(Path path, long nowEpochMs) {
        String at = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(nowEpochMs));
        Path kept = path.resolveSibling(path.getFileName() + ".damaged-" + at);
        for (int n = 2; Files.exists(kept); n++) {
            kept = path.resolveSibling(path.getFileName() + ".damaged-" + at + "-" + n);
        }
        return kept;
    }
}
