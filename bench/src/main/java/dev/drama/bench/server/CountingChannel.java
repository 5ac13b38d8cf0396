package dev.drama.bench.server;

import dev.drama.server.journal.ForwardingChannel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.LongAdder;

/** A file channel that counts its fsyncs, so a benchmark can report forces per move next to moves per second. */
final class CountingChannel extends ForwardingChannel {
    private final LongAdder forces;

    CountingChannel(FileChannel file, LongAdder forces) {
        super(file);
        this.forces = forces;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        forces.increment();
        super.force(metaData);
    }
}
