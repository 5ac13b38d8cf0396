package dev.drama.server.net;

import dev.drama.proto.ServerMessage;
import dev.drama.server.session.Participant;
import dev.drama.server.session.Recipient;
import dev.drama.server.session.Session;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.function.Function;
import dev.drama.server.cohort.CohortWatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection as the sessions see it: somewhere to send messages. A client
 * that stops reading is cut off (see {@link SlowReaderGuard}), so it slows nobody else
 * and its queue stays bounded.
 */
public final class Connection implements Recipient {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    /** The session seat this connection occupies, once it has joined one. */
    public record Membership(Session session, Participant participant) {
    }

    private final Channel channel;
    /** Past this many bytes waiting, a client is cut off at once (see SlowReaderGuard for the gentle case). */
    private final long hardCapBytes;
    private final Queue<Object> outbound = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean trainer;
    private volatile Membership membership;
    /** For a trainer's seat when the server serves browser views: its links for a join code. */
    private volatile Function<String, ServerMessage> dashboardLinks;
    private CohortWatch cohortWatch;

    public Connection(Channel channel) {
        this.channel = channel;
        this.hardCapBytes = 2L * channel.config().getWriteBufferHighWaterMark();
    }

    @Override
    public void send(ServerMessage message) {
        write(message);
        linksAfter(message);
    }

    /** The pipeline's protobuf encoder passes bytes through; only the length prefix is added. */
    @Override
    public void send(ServerMessage message, byte[] encoded) {
        write(Unpooled.wrappedBuffer(encoded));
        linksAfter(message);
    }

    /** A new join code makes a trainer's links stale: the fresh ones follow it. */
    private void linksAfter(ServerMessage message) {
        Function<String, ServerMessage> links = dashboardLinks;
        if (links != null && message.hasJoinCode()) {
            write(links.apply(message.getJoinCode().getJoinCode()));
        }
    }

    void dashboardLinks(Function<String, ServerMessage> linksForCode) {
        dashboardLinks = linksForCode;
    }

    /** This connection now follows a cohort (instead of any it followed), until it closes. */
    void watching(CohortWatch watch) {
        channel.eventLoop().execute(() -> {
            if (cohortWatch != null) {
                cohortWatch.stop();
            }
            cohortWatch = watch;
        });
        channel.closeFuture().addListener(f -> watch.stop());
    }

    private void write(Object message) {
        if (!channel.isActive()) {
            return;
        }
        if (!channel.isWritable() && channel.bytesBeforeWritable() > hardCapBytes) {
            log.warn("{}: outbound buffer over {} bytes (a client that does not read); disconnecting",
                    channel.remoteAddress(), hardCapBytes);
            channel.close();
            return;
        }
        // Sessions send from their own threads: queue, and let the event loop write
        // everything queued and flush once, rather than one wake-up and syscall per message.
        outbound.add(message);
        if (channel.eventLoop().inEventLoop()) {
            // A reply from a handler: write it now, in order with anything the handler writes next.
            drain();
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(this::drain);
            } catch (RejectedExecutionException e) {
                // the server is shutting down: this connection is closing anyway
            }
        }
    }

    private void drain() {
        drainScheduled.set(false);
        boolean wrote = false;
        Object message;
        while ((message = outbound.poll()) != null) {
            channel.write(message, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    @Override
    public void close() {
        channel.close();
    }

    public boolean trainer() {
        return trainer;
    }

    /** The connection presented the trainer secret: it may upload packs, in frames up to the trainer's limit. */
    void trainer(boolean value) {
        trainer = value;
        BoundedVarint32FrameDecoder frames = channel.pipeline().get(BoundedVarint32FrameDecoder.class);
        if (value && frames != null) {
            frames.trainer();
        }
    }

    /** The largest frame this connection may send now (0 when the pipeline has no frame decoder). */
    int maxFrameBytes() {
        BoundedVarint32FrameDecoder frames = channel.pipeline().get(BoundedVarint32FrameDecoder.class);
        return frames == null ? 0 : frames.maxFrameBytes();
    }

    java.net.InetAddress address() {
        return Addresses.of(channel);
    }

    public Membership membership() {
        return membership;
    }

    void membership(Membership value) {
        membership = value;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return String.valueOf(channel.remoteAddress());
    }
}
