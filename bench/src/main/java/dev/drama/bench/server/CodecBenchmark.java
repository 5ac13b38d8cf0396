package dev.drama.bench.server;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.server.net.BoundedVarint32FrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The server's codec path through real pipelines (EmbeddedChannel): inbound, the bounded
 * varint32 frame decoder then the protobuf decoder, for each kind of command; outbound, the
 * protobuf encoder then the varint32 prepender, for each kind of event. {@code fanOut*}
 * compares the server's way of sending one event to a session (serialised once per
 * recipient by each channel's encoder) with serialising it once and sharing the bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    /** Recipients of a board change in a session of 10 and a trainer. */
    static final int SESSION = 11;

    /** A command frame as it arrives, and the server's inbound pipeline. */
    @State(Scope.Thread)
    public static class In {
        @Param({"say", "position", "offer"})
        public String command;

        EmbeddedChannel channel;
        ByteBuf frame;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ClientMessage c = switch (command) {
                case "say" -> Fixtures.say();
                case "position" -> Fixtures.position();
                default -> Fixtures.offer();
            };
            frame = PooledByteBufAllocator.DEFAULT.directBuffer();
            try (ByteBufOutputStream out = new ByteBufOutputStream(frame)) {
                c.writeDelimitedTo(out);
            }
            channel = new EmbeddedChannel(new BoundedVarint32FrameDecoder(64 * 1024, 64 * 1024, java.time.Duration.ofSeconds(30)),
                    new ProtobufDecoder(ClientMessage.getDefaultInstance()));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            frame.release();
            channel.finishAndReleaseAll();
        }
    }

    /** An event to send, and the server's outbound pipeline (encoder, then the varint32 prepender). */
    @State(Scope.Thread)
    public static class Out {
        @Param({"board", "dilemma", "talk", "ack"})
        public String event;

        EmbeddedChannel channel;
        ServerMessage message;

        @Setup(Level.Trial)
        public void setUp() {
            var state = Fixtures.negotiating(Fixtures.pack());
            message = switch (event) {
                case "board" -> Fixtures.board(state);
                case "dilemma" -> Fixtures.dilemma(state);
                case "talk" -> Fixtures.publicTalk();
                default -> Fixtures.ack();
            };
            channel = new EmbeddedChannel(new ProtobufVarint32LengthFieldPrepender(), new ProtobufEncoder());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            channel.finishAndReleaseAll();
        }
    }

    /** One command frame through the inbound pipeline (frame decoder, protobuf decoder). */
    @Benchmark
    public Object decode(In in) {
        in.channel.writeInbound(in.frame.retainedDuplicate());
        return in.channel.readInbound();
    }

    /** One event through the outbound pipeline (protobuf encoder, varint32 prepender). */
    @Benchmark
    public void encode(Out out, Blackhole bh) {
        out.channel.writeOutbound(out.message);
        drain(out.channel, bh);
    }

    /** As the server fans an event out to a session of 10 and a trainer: each recipient's channel serialises it again. */
    @Benchmark
    public void fanOutEncodeEach(Out out, Blackhole bh) {
        for (int i = 0; i < SESSION; i++) {
            out.channel.writeOutbound(out.message);
            drain(out.channel, bh);
        }
    }

    /**
     * The alternative: serialise once, then hand each channel a retained duplicate of the bytes
     * (the protobuf encoder passes a ByteBuf through; the prepender still adds the length).
     */
    @Benchmark
    public void fanOutEncodeOnce(Out out, Blackhole bh) throws IOException {
        ByteBuf once = PooledByteBufAllocator.DEFAULT.directBuffer(out.message.getSerializedSize());
        try (ByteBufOutputStream stream = new ByteBufOutputStream(once)) {
            out.message.writeTo(stream);
        }
        for (int i = 0; i < SESSION; i++) {
            out.channel.writeOutbound(once.retainedDuplicate());
            drain(out.channel, bh);
        }
        once.release();
    }

    private static void drain(EmbeddedChannel ch, Blackhole bh) {
        Object o;
        while ((o = ch.readOutbound()) != null) {
            bh.consume(o);
            ReferenceCountUtil.release(o);
        }
    }
}
