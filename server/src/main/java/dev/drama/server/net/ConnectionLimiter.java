package dev.drama.server.net;

import dev.drama.proto.ErrorCode;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Caps the connections one address may hold open, so one client cannot exhaust the server. */
@Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    public ConnectionLimiter(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = Addresses.of(ctx.channel());
        int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> release(address));
        if (now > maxPerAddress) {
            Replies.closeWith(ctx.channel(), ErrorCode.LIMIT_REACHED,
                    "too many connections from " + address.getHostAddress() + " (limit " + maxPerAddress + ")");
            return;
        }
        super.channelActive(ctx);
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    }
}
