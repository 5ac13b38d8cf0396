package dev.drama.bench.load;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Ping;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated clients' side: one event-loop group, many channels. Connection n is bound
 * to the loopback source address 127.0.0.(2 + n / perAddress), so the server's limit of
 * connections per address can stay at its default (Linux routes all of 127/8 to lo).
 */
final class LoadClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final Stats stats;
    private final int perAddress;
    private final AtomicInteger opened = new AtomicInteger();

    LoadClient(int threads, Stats stats, int perAddress) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.stats = stats;
        this.perAddress = perAddress;
    }

    /** Opens a connection (blocking until it is open). */
    Conn connect(int port, boolean echo) {
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ProtobufVarint32FrameDecoder(), new Conn(ch, stats, echo));
                    }
                });
        InetSocketAddress remote = new InetSocketAddress("127.0.0.1", port);
        Channel ch;
        if (perAddress > 0) {
            int n = opened.getAndIncrement() / perAddress;
            if (n > 250) {
                throw new IllegalStateException("more than 250 source addresses needed; raise --conns-per-address");
            }
            ch = b.connect(remote, new InetSocketAddress("127.0.0." + (2 + n), 0)).syncUninterruptibly().channel();
        } else {
            ch = b.connect(remote).syncUninterruptibly().channel();
        }
        return ch.pipeline().get(Conn.class);
    }

    /** Keeps a connection from being closed as idle (the server closes silent connections after 45 s). */
    static void keepAlive(Conn c, long everyMillis, long initialMillis) {
        c.channel.eventLoop().scheduleAtFixedRate(() -> {
            if (c.channel.isActive() && !c.closing) {
                c.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setNonce(System.nanoTime())),
                        Kind.PING, System.nanoTime());
            }
        }, initialMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
