package dev.drama.server.net;

import dev.drama.proto.ErrorCode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Caps the connections one address may hold open, so one client cannot exhaust the server.
 * The game port and the browser views' port count together ({@link #sharing}): a client
 * cannot double its share by using both.
 */
@Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> open;
    /** How a connection over the limit is told, in its port's own protocol, before it is closed. */
    private final BiConsumer<Channel, String> refuse;

    /** The limiter of the game port: a refused console is told with an error message. */
    public ConnectionLimiter(int maxPerAddress) {
        this(maxPerAddress, new ConcurrentHashMap<>(),
                (channel, why) -> Replies.closeWith(channel, ErrorCode.LIMIT_REACHED, why));
    }

    private ConnectionLimiter(int maxPerAddress, ConcurrentHashMap<InetAddress, AtomicInteger> open,
                              BiConsumer<Channel, String> refuse) {
        this.maxPerAddress = maxPerAddress;
        this.open = open;
        this.refuse = refuse;
    }

    /** A limiter for another port that counts with this one, and refuses in that port's way. */
    public ConnectionLimiter sharing(BiConsumer<Channel, String> refuseThere) {
        return new ConnectionLimiter(maxPerAddress, open, refuseThere);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = Addresses.of(ctx.channel());
        int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> release(address));
        if (now > maxPerAddress) {
            refuse.accept(ctx.channel(),
                    "too many connections from " + address.getHostAddress() + " (limit " + maxPerAddress + ")");
            return;
        }
        super.channelActive(ctx);
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    }
}
