package dev.drama.server.journal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.drama.proto.JournalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The journal's on-disk form: varint32 length, then the record (protobuf's delimited form). */
public final class JournalCodec {
    private JournalCodec() {
    }

    /** What a journal file holds: its complete records, and where the last one ends. */
    public record Contents(List<JournalRecord> records, List<Long> ends, long validLength, long fileLength) {
        /** True when bytes after the last complete record were dropped (a crash mid-write). */
        public boolean torn() {
            return validLength < fileLength;
        }

        /** The first {@code count} records, as if the file ended after them. */
        public Contents firstRecords(int count) {
            long end = count == 0 ? 0 : ends.get(count - 1);
            return new Contents(records.subList(0, count), ends.subList(0, count), end, fileLength);
        }
    }

    static byte[] encode(JournalRecord record) {
        int size = record.getSerializedSize();
        byte[] bytes = new byte[CodedOutputStream.computeUInt32SizeNoTag(size) + size];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            out.writeUInt32NoTag(size);
            record.writeTo(out);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    /**
     * Reads every complete record. A torn or garbled tail (a crash mid-write) ends the
     * read instead of failing it: what was acknowledged was forced before the tail.
     */
    public static Contents read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of(), 0, 0);
        }
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
                // Zeros (a file extended but never written) parse as empty records; garbage can parse
                // as a stray one. Every real record has an event and a sequence number above the last.
                if (record.getEventCase() == JournalRecord.EventCase.EVENT_NOT_SET
                        || (!records.isEmpty() && record.getSeq() <= records.get(records.size() - 1).getSeq())) {
                    break;
                }
                records.add(record);
                valid = in.getTotalBytesRead();
                ends.add(valid);
            }
        } catch (InvalidProtocolBufferException e) {
            // torn or garbled tail: keep what came before it
        }
        return new Contents(records, ends, valid, bytes.length);
    }
}
