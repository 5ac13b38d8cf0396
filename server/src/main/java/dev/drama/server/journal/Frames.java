package dev.drama.server.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The frame every record is written in, in a session's journal file and in the server's log
 * alike: its length (4 bytes, little-endian), the CRC32C of those 4 bytes, the payload, and
 * the CRC32C of the payload (both checksums masked, see {@link #crc}). The length has its own
 * checksum so that a damaged length is told apart from a frame a crash cut short: the length
 * of a torn frame is intact, that of a damaged one fails its check.
 */
final class Frames {
    static final int HEAD = 8;
    static final int TAIL = 4;

    private Frames() {
    }

    /** What starts at a position. */
    sealed interface Next {
    }

    /** A whole frame whose checksums pass; its payload is {@code bytes[payloadAt, payloadAt + payloadLength)}. */
    record Frame(int payloadAt, int payloadLength, int end) implements Next {
    }

    /** A frame cut short, or zeros where it should be: the shape a crash leaves at the end of a file. */
    record Torn() implements Next {
    }

    /** Bytes that fail a checksum; {@code end} is where the frame ends, or -1 when its length cannot be trusted. */
    record Damaged(String what, int end) implements Next {
    }

    /** Length of a frame around a payload of this many bytes. */
    static int size(int payloadLength) {
        return HEAD + payloadLength + TAIL;
    }

    /** Writes a payload in its frame at the buffer's position (the buffer is little-endian). */
    static void put(ByteBuffer out, byte[] payload) {
        byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).array();
        out.put(length);
        out.putInt(crc(length, 0, 4));
        out.put(payload);
        out.putInt(crc(payload, 0, payload.length));
    }

    static byte[] encode(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(size(payload.length)).order(ByteOrder.LITTLE_ENDIAN);
        put(frame, payload);
        return frame.array();
    }

    /** Reads the frame that starts at {@code pos} (which is before the end of {@code bytes}). */
    static Next next(byte[] bytes, int pos) {
        if (bytes.length - pos < HEAD) {
            return new Torn(); // a length cut short
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long length = Integer.toUnsignedLong(in.getInt(pos));
        if (crc(bytes, pos, 4) != in.getInt(pos + 4)) {
            // The length's check (and all after it) still zeros: the frame never reached the disk.
            return allZero(bytes, pos + 4) ? new Torn() : new Damaged("its length fails its checksum", -1);
        }
        long crcAt = pos + HEAD + length;
        if (crcAt + TAIL > bytes.length) {
            return new Torn(); // a payload cut short
        }
        int payload = pos + HEAD;
        int size = (int) length;
        int end = (int) crcAt + TAIL;
        if (crc(bytes, payload, size) != in.getInt((int) crcAt)) {
            // A payload whose checksum is still zeros, as is everything after it, is one a crash cut short.
            return allZero(bytes, (int) crcAt) ? new Torn() : new Damaged("it fails its checksum", end);
        }
        return new Frame(payload, size, end);
    }

    static boolean allZero(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * CRC32C, masked as LevelDB does: a plain CRC32C of {@code ff ff ff ff} is {@code ff ff ff ff},
     * so a run of 0xff bytes (erased flash) would pass as a length and its check.
     */
    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }
}
