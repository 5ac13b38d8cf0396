package dev.drama.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** One session's journal file, written only by the journal's writer thread. */
public final class JournalFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    JournalFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    public Path path() {
        return path;
    }

    void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
