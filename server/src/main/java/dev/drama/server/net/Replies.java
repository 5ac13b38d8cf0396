package dev.drama.server.net;

import dev.drama.proto.ErrorCode;
import dev.drama.proto.ServerMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/** Building and sending the replies every handler needs. */
public final class Replies {
    private Replies() {
    }

    public static ServerMessage error(long requestId, ErrorCode code, String message) {
        return ServerMessage.newBuilder()
                .setRequestId(requestId)
                .setError(dev.drama.proto.Error.newBuilder().setCode(code).setMessage(message))
                .build();
    }

    /** Tells the client why, then closes: used for protocol violations that end a connection. */
    public static void closeWith(Channel channel, ErrorCode code, String message) {
        if (channel.isActive()) {
            channel.writeAndFlush(error(0, code, message)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
