package dev.drama.cli.net;

import dev.drama.proto.Ack;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Pong;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import dev.drama.proto.Welcome;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback stand-in for the drama server: says Welcome, hands out a resume token on
 * Join, accepts Resume with it, answers pings (unless told to stay silent) and acks the
 * rest; records every command it receives.
 */
final class FakeServer implements AutoCloseable {
    static final String TOKEN = "token-1";

    final List<ClientMessage> received = new CopyOnWriteArrayList<>();
    volatile boolean answerPings = true;
    volatile Function<ClientMessage, ServerMessage> helloReply =
            hello -> ServerMessage.newBuilder().setRequestId(hello.getRequestId())
                    .setWelcome(Welcome.newBuilder().setServer("fake")).build();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel listening;

    FakeServer() throws InterruptedException {
        listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        clients.add(ch);
                        ch.pipeline().addLast(new ProtobufVarint32FrameDecoder(),
                                new ProtobufDecoder(ClientMessage.getDefaultInstance()),
                                new ProtobufVarint32LengthFieldPrepender(), new ProtobufEncoder(),
                                new SimpleChannelInboundHandler<ClientMessage>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage m) {
                                        received.add(m);
                                        ServerMessage reply = reply(m);
                                        if (reply != null) {
                                            ctx.writeAndFlush(reply);
                                        }
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    private ServerMessage reply(ClientMessage m) {
        ServerMessage.Builder reply = ServerMessage.newBuilder().setRequestId(m.getRequestId());
        switch (m.getCommandCase()) {
            case HELLO:
                return helloReply.apply(m);
            case JOIN:
            case RESUME:
                return reply.setSessionJoined(SessionJoined.newBuilder().setSessionId("s1").setResumeToken(TOKEN))
                        .build();
            case PING:
                return answerPings ? reply.setPong(Pong.newBuilder().setNonce(m.getPing().getNonce())).build() : null;
            default:
                return reply.setAck(Ack.getDefaultInstance()).build();
        }
    }

    /** Pushes an event to every connected client. */
    void broadcast(ServerMessage event) {
        clients.writeAndFlush(event);
    }

    /** Cuts every client off, as a crash or a network drop would. */
    void dropClients() {
        clients.close().awaitUninterruptibly();
    }

    long count(ClientMessage.CommandCase kind) {
        return received.stream().filter(m -> m.getCommandCase() == kind).count();
    }

    @Override
    public void close() {
        clients.close().awaitUninterruptibly();
        listening.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
