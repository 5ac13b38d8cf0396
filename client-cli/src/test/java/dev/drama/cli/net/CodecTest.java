package dev.drama.cli.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.CodedOutputStream;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The client's wire format: varint32 length, then the protobuf message. */
class CodecTest {
    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ClientChannelInitializer.addCodec(channel.pipeline());
        return channel;
    }

    private static byte[] framed(com.google.protobuf.MessageLite message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeDelimitedTo(bytes);
        return bytes.toByteArray();
    }

    private static ServerMessage talk(String text) {
        return ServerMessage.newBuilder().setSeq(9).setTalk(Talk.newBuilder().setText(text)).build();
    }

    @Test
    void aMessageArrivingByteByByteIsDecodedOnceWhole() throws IOException {
        EmbeddedChannel channel = channel();
        byte[] bytes = framed(talk("x".repeat(300)));
        for (int i = 0; i < bytes.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            assertNull(channel.readInbound(), "nothing before the last byte");
        }
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));
        assertEquals(talk("x".repeat(300)), channel.readInbound());
    }

    @Test
    void twoMessagesInOneReadAreBothDecoded() throws IOException {
        EmbeddedChannel channel = channel();
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(framed(talk("one")));
        both.write(framed(talk("two")));
        channel.writeInbound(Unpooled.wrappedBuffer(both.toByteArray()));
        assertEquals(talk("one"), channel.readInbound());
        assertEquals(talk("two"), channel.readInbound());
    }

    @Test
    void commandsGoOutLengthPrefixed() throws IOException {
        EmbeddedChannel channel = channel();
        ClientMessage say = ClientMessage.newBuilder().setRequestId(3).setSay(Say.newBuilder().setText("hi")).build();
        channel.writeOutbound(say);
        ByteBuf out = Unpooled.buffer();
        for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
            out.writeBytes(part);
            part.release();
        }
        byte[] written = new byte[out.readableBytes()];
        out.readBytes(written);
        assertEquals(say.getSerializedSize(), written[0]);
        assertEquals(1 + say.getSerializedSize(), written.length);
        assertEquals(CodedOutputStream.computeUInt32SizeNoTag(say.getSerializedSize()), 1);
        assertEquals(say, ClientMessage.parseDelimitedFrom(new java.io.ByteArrayInputStream(written)));
    }
}
