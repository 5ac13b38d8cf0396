package dev.drama.server.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of the pipeline, and a thin one: it knows which connection this is,
 * makes sure it has said hello, and hands each command to the lobby. Protocol faults
 * close this connection only, with a reason the client can show.
 */
public final class ConnectionHandler extends SimpleChannelInboundHandler<ClientMessage> {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Lobby lobby;
    private final SourceLog lines;
    private Connection connection;
    private boolean greeted;

    public ConnectionHandler(Lobby lobby, SourceLog lines) {
        this.lobby = lobby;
        this.lines = lines;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = new Connection(ctx.channel());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (lines.permit(connection.address())) {
            log.info("{} connected", connection);
        }
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientMessage message) {
        if (!greeted) {
            greeted = lobby.hello(connection, message);
            return;
        }
        lobby.handle(connection, message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (lines.permit(connection.address())) {
            log.info("{} disconnected", connection);
        }
        lobby.disconnected(connection);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            if (lines.permit(connection.address())) {
                log.info("{} silent for too long; closing", connection);
            }
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof TooLongFrameException) {
            if (lines.permit(connection.address())) {
                log.warn("{} sent an oversized frame: {}", connection, root.getMessage());
            }
            Replies.closeWith(ctx.channel(), ErrorCode.LIMIT_REACHED, root.getMessage());
        } else if (cause instanceof DecoderException) {
            if (lines.permit(connection.address())) {
                log.warn("{} sent a malformed frame: {}", connection, root.toString());
            }
            Replies.closeWith(ctx.channel(), ErrorCode.MALFORMED_COMMAND, "malformed frame: not a drama protocol message");
        } else if (cause instanceof IOException) {
            ctx.close();
        } else {
            log.error("{}: unexpected failure; closing the connection", connection, cause);
            Replies.closeWith(ctx.channel(), ErrorCode.INTERNAL, "the server failed on that command");
        }
    }
}
