package dev.drama.cli.net;

import dev.drama.proto.ServerMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Builds the client pipeline: TLS when asked for, framing, protobuf codec, keep-alive timer, then the connection's handler. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    static final String FRAME_DECODER = "frame-decoder";
    static final String PROTOBUF_DECODER = "protobuf-decoder";
    static final String FRAME_ENCODER = "frame-encoder";
    static final String PROTOBUF_ENCODER = "protobuf-encoder";
    static final String IDLE = "idle";
    static final String HANDLER = "handler";

    static final String TLS = "tls";

    private final ServerConnection.Settings settings;
    private final ChannelHandler handler;

    ClientChannelInitializer(ServerConnection.Settings settings, ChannelHandler handler) {
        this.settings = settings;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (settings.ssl() != null) {
            channel.pipeline().addLast(TLS, settings.ssl().newHandler(channel.alloc(), settings.host(), settings.port()));
        }
        Heartbeat heartbeat = settings.heartbeat();
        addCodec(channel.pipeline());
        channel.pipeline()
                .addLast(IDLE, new IdleStateHandler(heartbeat.deadAfter().toMillis(), heartbeat.pingEvery().toMillis(),
                        0, TimeUnit.MILLISECONDS))
                .addLast(HANDLER, handler);
    }

    /** The wire format alone; shared with the codec tests. */
    static void addCodec(ChannelPipeline pipeline) {
        pipeline.addLast(FRAME_DECODER, new ProtobufVarint32FrameDecoder())
                .addLast(PROTOBUF_DECODER, new ProtobufDecoder(ServerMessage.getDefaultInstance()))
                .addLast(FRAME_ENCODER, new ProtobufVarint32LengthFieldPrepender())
                .addLast(PROTOBUF_ENCODER, new ProtobufEncoder());
    }
}
