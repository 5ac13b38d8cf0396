package dev.drama.server.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off a client that stops reading. A burst can fill a healthy client's outbound
 * buffer for a moment, so the connection is closed only if it stays full for the grace
 * period; meanwhile {@link Connection} refuses to queue beyond a hard cap, so memory
 * stays bounded either way.
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
        if (!ctx.channel().isWritable() && check == null) {
            check = ctx.executor().schedule(() -> {
                check = null;
                if (!ctx.channel().isWritable()) {
                    log.warn("{}: has not read for {} ms with a full outbound buffer; disconnecting",
                            ctx.channel().remoteAddress(), graceMillis);
                    ctx.close();
                }
            }, graceMillis, TimeUnit.MILLISECONDS);
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
