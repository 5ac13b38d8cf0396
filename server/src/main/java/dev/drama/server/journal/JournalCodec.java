package dev.drama.server.journal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A session's journal file. Version 2: an 8-byte header ({@link #HEADER}), then records, each
 * in a checksummed {@link Frames frame}. A live session's records are in the server's log
 * ({@link Journal}); its journal file holds them from the moment it ended (or was recovered
 * from damage), and every session of a server from before the log has one.
 *
 * <p>Version 1 (no header; each record preceded by its varint length, no checksum) is
 * still read, by its old rules, so that a server can recover the sessions of an older one;
 * the registry rewrites such a journal in version 2.
 */
public final class JournalCodec {
    /** "DRAMAJN" and the format version. */
    static final byte[] HEADER = {'D', 'R', 'A', 'M', 'A', 'J', 'N', 2};

    private JournalCodec() {
    }

    /** Where the first record of a journal starts. */
    public static int headerLength() {
        return HEADER.length;
    }

    /** Where a journal is damaged: after {@code recordsBefore} good records, at byte {@code offset}. */
    public record Damage(int recordsBefore, long offset, String what) {
        /** The damaged record, counted from 1 as people count. */
        public int record() {
            return recordsBefore + 1;
        }

        public boolean inHeader() {
            return offset < HEADER.length;
        }
    }

    /**
     * What a journal file holds: its good records, where each ends, where the last one ends,
     * and, when the reading stopped at damage rather than at a torn tail, where that is.
     */
    public record Contents(List<JournalRecord> records, List<Long> ends, long validLength, long fileLength,
                           Optional<Damage> damage, boolean legacy) {
        /** True when bytes after the last complete record were dropped as a crash's torn tail. */
        public boolean torn() {
            return damage.isEmpty() && validLength < fileLength;
        }

        /** The first {@code count} records, as if the file ended after them. */
        public Contents firstRecords(int count) {
            long end = count == 0 ? 0 : ends.get(count - 1);
            return new Contents(records.subList(0, count), ends.subList(0, count), end, fileLength, damage, legacy);
        }
    }

    /** A record in its frame. */
    static byte[] encode(JournalRecord record) {
        return Frames.encode(record.toByteArray());
    }

    /** Records in their frames, one after the other, as appended together. */
    static byte[] frames(List<JournalRecord> records) {
        return concat(new byte[0], records);
    }

    /** A whole journal: the header, then the records. */
    public static byte[] journal(List<JournalRecord> records) {
        return concat(HEADER, records);
    }

    private static byte[] concat(byte[] start, List<JournalRecord> records) {
        List<byte[]> frames = records.stream().map(JournalCodec::encode).toList();
        byte[] all = Arrays.copyOf(start, start.length + frames.stream().mapToInt(f -> f.length).sum());
        int at = start.length;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, all, at, f.length);
            at += f.length;
        }
        return all;
    }

    /**
     * Reads every good record. A torn tail (a crash mid-write: a record cut short, perhaps
     * followed by zeros) ends the read quietly: what was acknowledged was forced before it.
     * Anything else that fails its checksum ends the read as {@link Damage}.
     */
    public static Contents read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            bytes = new byte[0];
        }
        return read(bytes);
    }

    /** Reads a journal held in memory, by the same rules. */
    public static Contents read(byte[] bytes) {
        return isLegacy(bytes) ? readLegacy(bytes) : readFramed(bytes);
    }

    /**
     * A version 2 journal starts with the header; one damaged byte in it still leaves six of
     * its eight, which a version 1 journal (a varint length, then a protobuf field tag and a
     * varint timestamp) never matches. A file shorter than the header is a torn new journal.
     */
    private static boolean isLegacy(byte[] bytes) {
        int n = Math.min(bytes.length, HEADER.length);
        int matching = 0;
        for (int i = 0; i < n; i++) {
            matching += bytes[i] == HEADER[i] ? 1 : 0;
        }
        return bytes.length >= HEADER.length ? matching < HEADER.length - 2 : matching < n;
    }

    private static Contents readFramed(byte[] bytes) {
        List<JournalRecord> records = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Damage damage = null;
        int firstBad = mismatch(bytes);
        if (firstBad >= 0) {
            damage = new Damage(0, firstBad, "its header is not a journal's");
        }
        int pos = HEADER.length;
        long valid = Math.min(bytes.length, HEADER.length);
        while (pos < bytes.length) {
            Frames.Next next = Frames.next(bytes, pos);
            if (next instanceof Frames.Damaged d) {
                damage = new Damage(records.size(), pos, d.what());
                break;
            }
            if (!(next instanceof Frames.Frame frame)) {
                break; // torn: what was acknowledged was forced before it
            }
            JournalRecord record;
            try {
                record = JournalRecord.parseFrom(ByteBuffer.wrap(bytes, frame.payloadAt(), frame.payloadLength()));
            } catch (InvalidProtocolBufferException e) {
                damage = new Damage(records.size(), pos, "it passes its checksum but does not parse");
                break;
            }
            if (!inOrder(records, record)) {
                damage = new Damage(records.size(), pos, "it passes its checksum but is out of sequence");
                break;
            }
            records.add(record);
            pos = frame.end();
            valid = pos;
            ends.add(valid);
        }
        return new Contents(records, ends, valid, bytes.length, Optional.ofNullable(damage), false);
    }

    /** The first byte of the header that differs, or -1. */
    private static int mismatch(byte[] bytes) {
        int n = Math.min(bytes.length, HEADER.length);
        for (int i = 0; i < n; i++) {
            if (bytes[i] != HEADER[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Version 1: varint-delimited records without checksums; damage cannot be told from a torn tail. */
    private static Contents readLegacy(byte[] bytes) {
        List<JournalRecord> records = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        long valid = 0;
        try {
            while (!in.isAtEnd()) {
                int length = in.readRawVarint32();
                if (length < 0 || length > bytes.length - in.getTotalBytesRead()) {
                    break;
                }
                int limit = in.pushLimit(length);
                JournalRecord record = JournalRecord.parseFrom(in);
                in.popLimit(limit);
                if (!inOrder(records, record)) {
                    break;
                }
                records.add(record);
                valid = in.getTotalBytesRead();
                ends.add(valid);
            }
        } catch (IOException e) {
            // torn or garbled tail: keep what came before it
        }
        return new Contents(records, ends, valid, bytes.length, Optional.empty(), true);
    }

    /**
     * Zeros parse as an empty record; garbage can parse as a stray one. Every real record has
     * an event and a sequence number above the last.
     */
    private static boolean inOrder(List<JournalRecord> before, JournalRecord record) {
        return record.getEventCase() != JournalRecord.EventCase.EVENT_NOT_SET
                && (before.isEmpty() || record.getSeq() > before.get(before.size() - 1).getSeq());
    }
}
