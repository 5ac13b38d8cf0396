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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated clients' side: one event-loop group, many channels. Connection n is bound
 * to the loopback source address {@link #sourceAddress sourceAddress(n / perAddress)}, spread
 * over 127.0.0.2 to 127.255.255.254, so the server's limit of connections per address can
 * stay at its default (Linux routes all of 127/8 to lo).
 */
final class LoadClient implements AutoCloseable {
    /** The server closes a connection silent for 45 s; a ping every 15 s keeps an idle one open. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** Host numbers per /24 used as source addresses: .2 to .254 (not .0, .1 or the broadcast .255). */
    static final int HOSTS_PER_24 = 253;
    /** Source addresses available in 127/8. */
    static final int MAX_ADDRESSES = HOSTS_PER_24 * 256 * 256;

    private final EventLoopGroup group;
    private final Stats stats;
    private final int perAddress;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger pinging = new AtomicInteger();

    LoadClient(int threads, Stats stats, int perAddress) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.stats = stats;
        this.perAddress = perAddress;
    }

    /**
     * The n-th loopback source address: 127.0.0.2 to 127.0.0.254, then 127.0.1.2 and so on.
     * Every connection the generator opens over the run (drama and echo) takes the next place,
     * so at 50 per address 11,000 drama and 6,000 echo connections use 340 addresses.
     */
    static InetAddress sourceAddress(int n) {
        if (n < 0 || n >= MAX_ADDRESSES) {
            throw new IllegalArgumentException("source address " + n + " is outside 127/8 (at most " + MAX_ADDRESSES + ")");
        }
        int host = n % HOSTS_PER_24, net = n / HOSTS_PER_24;
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (net >> 8), (byte) net, (byte) (2 + host)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
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
        int n = opened.getAndIncrement();
        Channel ch = perAddress > 0
                ? b.connect(remote, new InetSocketAddress(sourceAddress(n / perAddress), 0)).syncUninterruptibly().channel()
                : b.connect(remote).syncUninterruptibly().channel();
        return ch.pipeline().get(Conn.class);
    }

    /**
     * Keeps a drama connection from being closed as idle: a ping every 15 s, the first within
     * 1 to 15 s (spread, so 10,000 connections do not ping in step). Call once it has said hello.
     */
    void keepAlive(Conn c) {
        long first = 1_000 + (pinging.getAndIncrement() * 7_919L) % (KEEP_ALIVE_MILLIS - 1_000);
        c.channel.eventLoop().scheduleAtFixedRate(() -> {
            if (c.channel.isActive() && !c.closing) {
                c.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setNonce(System.nanoTime())),
                        Kind.PING, System.nanoTime());
            }
        }, first, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
