package dev.drama.server.net;

import dev.drama.proto.ClientMessage;
import dev.drama.server.ServerConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Builds every connection's pipeline, in the order of architecture.md. */
public final class DramaChannelInitializer extends ChannelInitializer<SocketChannel> {
    public static final String TLS = "tls";
    public static final String FLUSH = "flush-consolidation";
    public static final String CONNECTION_LIMIT = "connection-limit";
    public static final String IDLE = "idle";
    public static final String FRAME_DECODER = "frame-decoder";
    public static final String PROTOBUF_DECODER = "protobuf-decoder";
    public static final String FRAME_ENCODER = "frame-encoder";
    public static final String PROTOBUF_ENCODER = "protobuf-encoder";
    public static final String RATE_LIMIT = "rate-limit";
    public static final String SLOW_READER = "slow-reader";
    /** How long a client may leave its outbound buffer full before it is cut off. */
    public static final long SLOW_READER_GRACE_MS = 3_000;
    public static final String HANDLER = "connection";

    private final ServerConfig config;
    private final SslContext ssl;
    private final ConnectionLimiter connectionLimiter;
    private final Lobby lobby;
    private final SourceLog lines;

    /** @param connectionLimiter counts this port's connections per address (with the browser views' port) */
    public DramaChannelInitializer(ServerConfig config, SslContext ssl, Lobby lobby, SourceLog lines,
                                   ConnectionLimiter connectionLimiter) {
        this.config = config;
        this.ssl = ssl;
        this.connectionLimiter = connectionLimiter;
        this.lobby = lobby;
        this.lines = lines;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ServerConfig.Limits limits = config.limits();
        ServerConfig.Defences defences = config.defences();
        channel.config().setWriteBufferWaterMark(new io.netty.channel.WriteBufferWaterMark(
                limits.outboundBufferBytes() / 2, limits.outboundBufferBytes()));
        ChannelPipeline p = channel.pipeline();
        p.addLast(CONNECTION_LIMIT, connectionLimiter);
        if (ssl != null) {
            p.addLast(TLS, ssl.newHandler(channel.alloc()));
        }
        p.addLast(FLUSH, new FlushConsolidationHandler(256, true));
        p.addLast(IDLE, new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(FRAME_DECODER, new BoundedVarint32FrameDecoder(limits.maxFrameBytes(),
                defences.trainerMaxFrameBytes(), defences.frameDeadline()));
        p.addLast(PROTOBUF_DECODER, new ProtobufDecoder(ClientMessage.getDefaultInstance()));
        p.addLast(FRAME_ENCODER, new ProtobufVarint32LengthFieldPrepender());
        p.addLast(PROTOBUF_ENCODER, new ProtobufEncoder());
        p.addLast(SLOW_READER, new SlowReaderGuard(SLOW_READER_GRACE_MS));
        p.addLast(RATE_LIMIT, new CommandRateLimiter(limits.commandsPerSecond(), limits.commandBurst(),
                defences.refusalsPerWindow(), defences.refusalWindow()));
        p.addLast(HANDLER, new ConnectionHandler(lobby, lines));
    }
}
