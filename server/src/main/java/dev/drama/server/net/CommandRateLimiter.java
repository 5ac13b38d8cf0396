package dev.drama.server.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Drops commands over the connection's rate with a RATE_LIMITED error; a client
 * that keeps flooding after being warned is disconnected.
 */
public final class CommandRateLimiter extends ChannelInboundHandlerAdapter {
    /** Refused commands tolerated before the connection is closed. */
    static final int REFUSALS_BEFORE_DISCONNECT = 50;

    private final TokenBucket bucket;
    private int refusals;

    public CommandRateLimiter(int perSecond, int burst) {
        this.bucket = new TokenBucket(perSecond, burst, System.nanoTime());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (bucket.tryTake(System.nanoTime())) {
            refusals = 0;
            ctx.fireChannelRead(msg);
            return;
        }
        long requestId = msg instanceof ClientMessage m ? m.getRequestId() : 0;
        ReferenceCountUtil.release(msg);
        if (++refusals > REFUSALS_BEFORE_DISCONNECT) {
            Replies.closeWith(ctx.channel(), ErrorCode.RATE_LIMITED, "too many commands after the warning; disconnected");
            return;
        }
        ctx.writeAndFlush(Replies.error(requestId, ErrorCode.RATE_LIMITED,
                "too many commands: slow down (keep flooding and you will be disconnected)"));
    }
}
