package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The slow-reader guard on an EmbeddedChannel with a frozen clock: writes left unflushed
 * fill the outbound buffer past its high-water mark (the client does not read), a flush
 * empties it (the client read everything).
 */
class SlowReaderGuardTest {
    static final long GRACE_MS = 3_000;

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(64, 128));
        ch.pipeline().addLast(new SlowReaderGuard(GRACE_MS));
        ch.freezeTime();
        return ch;
    }

    private static void fill(EmbeddedChannel ch) {
        ch.write(Unpooled.wrappedBuffer(new byte[200]));
        ch.runPendingTasks();
        assertThat(ch.isWritable()).isFalse();
    }

    private static void drain(EmbeddedChannel ch) {
        ch.flush();
        ch.runPendingTasks();
        assertThat(ch.isWritable()).isTrue();
        while (ch.readOutbound() != null) {
            // the client read it
        }
    }

    private static void wait(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
    }

    @Test
    void aClientThatStaysFullForTheGracePeriodIsCutOff() {
        EmbeddedChannel ch = channel();
        fill(ch);
        wait(ch, GRACE_MS - 1);
        assertThat(ch.isOpen()).isTrue();
        wait(ch, 2);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aClientThatDrainsEveryBurstIsNeverCutOffHoweverOftenItFillsUp() {
        // A busy client under a burst: its buffer is full most of the time, but it drains it
        // every two seconds. The guard's first check falls at 3 s, when the buffer is full again.
        EmbeddedChannel ch = channel();
        for (int burst = 0; burst < 6; burst++) {
            fill(ch);
            wait(ch, 2_000);
            assertThat(ch.isOpen()).as("after burst %d", burst).isTrue();
            drain(ch);
        }
        fill(ch);
        wait(ch, GRACE_MS + 1);
        assertThat(ch.isOpen()).as("full for the whole grace period after its last drain").isFalse();
    }
}
