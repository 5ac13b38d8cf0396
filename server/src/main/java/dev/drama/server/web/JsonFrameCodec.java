package dev.drama.server.web;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * The protocol's messages in WebSocket text frames, as protobuf's JSON mapping: a page
 * reads them with {@code JSON.parse} and needs no protobuf library or build step, and
 * what the browser's developer tools show is readable. Printing JSON costs more than
 * protobuf's binary encoding, but only browser views (a few per session) pay it.
 */
final class JsonFrameCodec extends MessageToMessageCodec<WebSocketFrame, Object> {
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof ServerMessage || msg instanceof ByteBuf;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
        // A broadcast arrives as the bytes it was serialised to once for all its recipients
        // (see Connection); reading them back is cheap next to printing the JSON.
        ServerMessage message = msg instanceof ByteBuf bytes
                ? ServerMessage.parseFrom(new ByteBufInputStream(bytes)) : (ServerMessage) msg;
        out.add(new TextWebSocketFrame(PRINTER.print(message)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) throws Exception {
        if (!(frame instanceof TextWebSocketFrame text)) {
            throw new CorruptedFrameException("commands are JSON in text frames");
        }
        ClientMessage.Builder message = ClientMessage.newBuilder();
        try {
            PARSER.merge(text.text(), message);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptedFrameException("not a drama command in JSON: " + e.getMessage());
        }
        out.add(message.build());
    }
}
