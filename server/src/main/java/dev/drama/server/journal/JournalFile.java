package dev.drama.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One session's journal file, written only by the journal's writer thread. After a failed
 * write or fsync the file is broken: the bytes after its last forced record are unknown
 * (perhaps half a record), so nothing more is appended until a rewind cuts them off.
 */
public final class JournalFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    /** Where the last record known to be on disk ends. */
    private long durableLength;
    private boolean broken;

    JournalFile(Path path, FileChannel channel, long durableLength) {
        this.path = path;
        this.channel = channel;
        this.durableLength = durableLength;
    }

    public Path path() {
        return path;
    }

    void write(ByteBuffer bytes) throws IOException {
        if (broken) {
            throw new IOException("an earlier write to " + path + " failed; the journal waits for a rewind");
        }
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    void force(boolean toDisk) throws IOException {
        try {
            if (toDisk) {
                channel.force(false);
            }
            durableLength = channel.position();
        } catch (IOException e) {
            // Linux may drop the pages a failed fsync could not write and report success next time:
            // only a rewind and a rewrite make those records durable.
            broken = true;
            throw e;
        }
    }

    /** Cuts off whatever follows the last record known to be on disk, so appending can start again. */
    void rewind() throws IOException {
        channel.truncate(durableLength);
        channel.position(durableLength);
        broken = false;
    }

    boolean broken() {
        return broken;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
