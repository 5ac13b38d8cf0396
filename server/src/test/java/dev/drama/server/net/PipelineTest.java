package dev.drama.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Hello;
import dev.drama.proto.Ping;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection pipeline, byte by byte, on an EmbeddedChannel: framing, limits and garbage. */
class PipelineTest {
    static final int MAX_FRAME = 1024;
    private static EmbeddedPipeline pipeline;

    @BeforeAll
    static void start() {
        pipeline = new EmbeddedPipeline();
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    static byte[] delimited(ClientMessage... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (ClientMessage m : messages) {
                m.writeDelimitedTo(out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    static ClientMessage hello(long id) {
        return ClientMessage.newBuilder().setRequestId(id).setHello(Hello.newBuilder()
                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setClient("pipeline test")).build();
    }

    static ClientMessage ping(long id, long nonce) {
        return ClientMessage.newBuilder().setRequestId(id).setPing(Ping.newBuilder().setNonce(nonce)).build();
    }

    private static EmbeddedChannel channel() {
        return pipeline.channel(MAX_FRAME, 1000, 1000);
    }

    private static void assertClosedWith(EmbeddedChannel ch, ErrorCode code) {
        ch.runPendingTasks();
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        assertThat(out).as("frames written before the close").isNotEmpty();
        assertThat(out.get(out.size() - 1).getError().getCode()).isEqualTo(code);
        assertThat(ch.isOpen()).as("channel closed").isFalse();
    }

    @Test
    void aMessageSplitByteByByteStillDecodes() {
        EmbeddedChannel ch = channel();
        byte[] bytes = delimited(hello(1), ping(2, 77));
        for (byte b : bytes) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).hasWelcome()).isTrue();
        assertThat(out.get(0).getRequestId()).isEqualTo(1);
        assertThat(out.get(1).getPong().getNonce()).isEqualTo(77);
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void aMessageSplitAtEveryPossiblePointStillDecodes() {
        byte[] bytes = delimited(hello(1), ping(2, 300));
        for (int cut = 1; cut < bytes.length; cut++) {
            EmbeddedChannel ch = channel();
            ch.writeInbound(Unpooled.copiedBuffer(bytes, 0, cut));
            ch.writeInbound(Unpooled.copiedBuffer(bytes, cut, bytes.length - cut));
            List<ServerMessage> out = EmbeddedPipeline.written(ch);
            assertThat(out).as("cut at %d", cut).hasSize(2);
            assertThat(out.get(1).getPong().getNonce()).isEqualTo(300);
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void severalFramesInOneBufferAllDecodeInOrder() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1), ping(2, 10), ping(3, 11), ping(4, 12))));
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        assertThat(out).extracting(ServerMessage::getRequestId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(out.subList(1, 4)).extracting(m -> m.getPong().getNonce()).containsExactly(10L, 11L, 12L);
        ch.finishAndReleaseAll();
    }

    @Test
    void anOversizedFrameIsRefusedOnItsLengthPrefixAlone() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        EmbeddedPipeline.written(ch);
        // Only the prefix of a frame one byte over the limit: nothing of its body has arrived yet.
        ByteBuf prefix = Unpooled.buffer();
        writeVarint(prefix, MAX_FRAME + 1);
        ch.writeInbound(prefix);
        assertThat(prefix.refCnt()).as("the prefix bytes were released, not kept waiting for the body").isZero();
        assertClosedWith(ch, ErrorCode.LIMIT_REACHED);
        ch.finishAndReleaseAll();
    }

    @Test
    void anOversizedFrameWithPartOfItsBodyIsDroppedWhole() {
        EmbeddedChannel ch = channel();
        ByteBuf frame = Unpooled.buffer();
        writeVarint(frame, 50_000_000);
        frame.writeZero(4096);
        ch.writeInbound(frame);
        assertThat(frame.refCnt()).as("nothing buffered").isZero();
        assertClosedWith(ch, ErrorCode.LIMIT_REACHED);
        ch.finishAndReleaseAll();
    }

    @Test
    void aFrameExactlyAtTheLimitIsAccepted() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        EmbeddedPipeline.written(ch);
        // A ping padded with an unknown field to exactly MAX_FRAME bytes: decodes (unknown fields are kept, not fatal).
        ClientMessage m = padded(ping(2, 5), MAX_FRAME);
        assertThat(m.getSerializedSize()).isEqualTo(MAX_FRAME);
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(m)));
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        assertThat(out).singleElement().satisfies(r -> assertThat(r.getPong().getNonce()).isEqualTo(5));
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void garbageBytesAreAMalformedCommandAndCloseTheConnection() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {6, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        assertClosedWith(ch, ErrorCode.MALFORMED_COMMAND);
        ch.finishAndReleaseAll();
    }

    /** Garbage after a good frame in the same read: the connection ends with the error, nothing is written after it. */
    @Test
    void garbageAfterAGoodFrameEndsTheConnectionWithTheError() {
        EmbeddedChannel ch = channel();
        byte[] good = delimited(hello(1));
        byte[] bytes = new byte[good.length + 4];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = 3;
        bytes[good.length + 1] = (byte) 0x0f; // field 1, wire type 7: no such wire type
        bytes[good.length + 2] = 1;
        bytes[good.length + 3] = 1;
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
        ch.runPendingTasks();
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        // Replies leave through the connection's queue and the closing error directly, so the welcome to
        // the good frame may come before or after the error, or not at all; the error always comes.
        assertThat(out).as("%s", out).allMatch(m -> m.hasWelcome() || m.getError().getCode() == ErrorCode.MALFORMED_COMMAND);
        assertThat(out).anyMatch(m -> m.getError().getCode() == ErrorCode.MALFORMED_COMMAND);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void aSixByteVarintPrefixIsMalformed() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01}));
        assertClosedWith(ch, ErrorCode.MALFORMED_COMMAND);
        ch.finishAndReleaseAll();
    }

    @Test
    void aNegativeLengthPrefixIsMalformed() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}));
        assertClosedWith(ch, ErrorCode.MALFORMED_COMMAND);
        ch.finishAndReleaseAll();
    }

    @Test
    void aPaddedFiveByteVarintPrefixIsStillALength() {
        EmbeddedChannel ch = channel();
        byte[] body = hello(1).toByteArray();
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(0x80 | body.length).writeByte(0x80).writeByte(0x80).writeByte(0x80).writeByte(0x00);
        buf.writeBytes(body);
        ch.writeInbound(buf);
        assertThat(EmbeddedPipeline.written(ch)).singleElement().satisfies(m -> assertThat(m.hasWelcome()).isTrue());
        ch.finishAndReleaseAll();
    }

    @Test
    void aCommandBeforeHelloClosesTheConnection() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(ping(1, 1))));
        assertClosedWith(ch, ErrorCode.MALFORMED_COMMAND);
        ch.finishAndReleaseAll();
    }

    @Test
    void anEmptyFrameIsAMessageWithoutACommand() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0}));
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        assertThat(out.get(out.size() - 1).getError().getCode()).isEqualTo(ErrorCode.MALFORMED_COMMAND);
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void aFloodIsRateLimitedThenDisconnected() {
        EmbeddedChannel ch = pipeline.channel(MAX_FRAME, 1, 5);
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        int limited = 0;
        for (int i = 0; i < 200 && ch.isOpen(); i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(delimited(ping(i + 2, i))));
            ch.runPendingTasks();
            for (ServerMessage m : EmbeddedPipeline.written(ch)) {
                if (m.hasError() && m.getError().getCode() == ErrorCode.RATE_LIMITED) {
                    limited++;
                }
            }
        }
        assertThat(limited).isGreaterThan(dev.drama.server.ServerConfig.Defences.defaults().refusalsPerWindow());
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    /** The message with an unknown field added so that it is exactly {@code size} bytes. */
    static ClientMessage padded(ClientMessage base, int size) {
        for (int fill = size - base.getSerializedSize(); fill >= 0; fill--) {
            ClientMessage m = base.toBuilder().setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
                    .addField(99, com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                            .addLengthDelimited(com.google.protobuf.ByteString.copyFrom(new byte[fill])).build())
                    .build()).build();
            if (m.getSerializedSize() == size) {
                return m;
            }
        }
        throw new AssertionError("cannot pad to " + size);
    }

    static void writeVarint(ByteBuf buf, int value) {
        while ((value & ~0x7f) != 0) {
            buf.writeByte((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        buf.writeByte(value);
    }
}
