package dev.drama.server.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;

/**
 * Drops commands over the connection's rate with a RATE_LIMITED error; a client that
 * keeps flooding is disconnected once its refusals exceed a count within a sliding window
 * (a sustained excess), however many of its commands get through in between.
 */
public final class CommandRateLimiter extends ChannelInboundHandlerAdapter {
    private final TokenBucket bucket;
    private final RefusalWindow refusals;
    private final String tolerance;

    public CommandRateLimiter(int perSecond, int burst, int refusalsPerWindow, Duration window) {
        this.bucket = new TokenBucket(perSecond, burst, System.nanoTime());
        this.refusals = new RefusalWindow(refusalsPerWindow, window.toNanos());
        this.tolerance = refusalsPerWindow + " refused commands within " + window.toSeconds() + " s";
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long now = System.nanoTime();
        if (bucket.tryTake(now)) {
            ctx.fireChannelRead(msg);
            return;
        }
        long requestId = msg instanceof ClientMessage m ? m.getRequestId() : 0;
        ReferenceCountUtil.release(msg);
        if (refusals.refuse(now)) {
            Replies.closeWith(ctx.channel(), ErrorCode.RATE_LIMITED,
                    "too many commands: more than " + tolerance + "; disconnected");
            return;
        }
        ctx.writeAndFlush(Replies.error(requestId, ErrorCode.RATE_LIMITED,
                "too many commands: slow down (keep flooding and you will be disconnected)"));
    }
}
