package dev.drama.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off a client that stops reading. A burst can fill a healthy client's outbound
 * buffer for a moment, so the connection is closed only if it stays full (unwritable,
 * without once draining to the low-water mark) for the whole grace period; meanwhile
 * {@link Connection} refuses to queue beyond a hard cap, so memory stays bounded either way.
 * Runs on the channel's event loop only, like every writability event.
 */
public final class SlowReaderGuard extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SlowReaderGuard.class);

    private final long graceMillis;
    private ScheduledFuture<?> check;

    public SlowReaderGuard(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            if (check == null) {
                check = ctx.executor().schedule(() -> {
                    check = null;
                    log.warn("{}: has not read for {} ms with a full outbound buffer; disconnecting",
                            ctx.channel().remoteAddress(), graceMillis);
                    ctx.close();
                }, graceMillis, TimeUnit.MILLISECONDS);
            }
        } else if (check != null) {
            // It drained to the low-water mark: it reads. A reader that fills its buffer again
            // and again, but drains it each time, is busy, not slow; its grace starts over.
            check.cancel(false);
            check = null;
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (check != null) {
            check.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
