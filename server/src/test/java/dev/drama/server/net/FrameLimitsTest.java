package dev.drama.server.net;

import static dev.drama.server.net.PipelineTest.delimited;
import static dev.drama.server.net.PipelineTest.hello;
import static dev.drama.server.net.PipelineTest.ping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.UploadPack;
import dev.drama.server.ServerConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The frame deadline (a trickled frame closes its connection), the trainer's larger frame,
 * and pack checks handed off the network thread, on an EmbeddedChannel with a frozen clock.
 */
class FrameLimitsTest {
    static final int MAX_FRAME = 1024;
    static final long DEADLINE_S = ServerConfig.Defences.defaults().frameDeadline().toSeconds();
    private static final List<Runnable> queuedChecks = new ArrayList<>();
    private static EmbeddedPipeline pipeline;

    @BeforeAll
    static void start() {
        Executor held = queuedChecks::add;
        pipeline = new EmbeddedPipeline(held);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
    }

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = pipeline.channel(MAX_FRAME, 1000, 1000);
        ch.freezeTime();
        return ch;
    }

    @Test
    void aFrameTrickledByteByByteIsCutOffAtTheDeadline() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        byte[] frame = delimited(ping(2, 7));
        // One byte every 20 s: every byte is activity, so only a deadline on the frame stops it.
        for (int i = 0; i < frame.length - 1 && ch.isOpen(); i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {frame[i]}));
            ch.advanceTimeBy(20, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            ch.runPendingTasks();
        }
        assertThat(ch.isOpen()).isFalse();
        List<ServerMessage> out = EmbeddedPipeline.written(ch);
        ServerMessage last = out.get(out.size() - 1);
        assertThat(last.getError().getCode()).isEqualTo(ErrorCode.LIMIT_REACHED);
        assertThat(last.getError().getMessage()).contains("longer than " + DEADLINE_S + " s");
        ch.finishAndReleaseAll();
    }

    @Test
    void completeFramesKeepTheConnectionWhateverTheGapsBetweenThem() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        for (int i = 0; i < 5; i++) {
            byte[] frame = delimited(ping(i + 2, i));
            // Each frame arrives in two halves a few seconds apart, then a long pause.
            ch.writeInbound(Unpooled.wrappedBuffer(frame, 0, 2));
            ch.advanceTimeBy(DEADLINE_S - 1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
            ch.writeInbound(Unpooled.wrappedBuffer(frame, 2, frame.length - 2));
            ch.advanceTimeBy(5 * DEADLINE_S, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
        }
        assertThat(ch.isOpen()).isTrue();
        assertThat(EmbeddedPipeline.written(ch).stream().filter(ServerMessage::hasPong)).hasSize(5);
        ch.finishAndReleaseAll();
    }

    @Test
    void aTrainerMaySendAFrameOverTheTraineeLimitAndItsPackIsCheckedOffTheNetworkThread() {
        EmbeddedChannel trainee = channel();
        trainee.writeInbound(Unpooled.wrappedBuffer(delimited(hello(1))));
        assertThat(EmbeddedPipeline.written(trainee).get(0).getWelcome().getMaxFrameBytes()).isEqualTo(MAX_FRAME);
        ClientMessage upload = ClientMessage.newBuilder().setRequestId(2).setUploadPack(UploadPack.newBuilder()
                .setFileName("big.zip").setZip(com.google.protobuf.ByteString.copyFrom(new byte[4 * MAX_FRAME]))).build();
        trainee.writeInbound(Unpooled.wrappedBuffer(delimited(upload)));
        trainee.runPendingTasks();
        assertThat(trainee.isOpen()).as("over the trainee's frame limit").isFalse();
        trainee.finishAndReleaseAll();

        EmbeddedChannel trainer = channel();
        trainer.writeInbound(Unpooled.wrappedBuffer(delimited(ClientMessage.newBuilder().setRequestId(1)
                .setHello(Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)
                        .setTrainerSecret(pipeline.trainerSecret())).build())));
        assertThat(EmbeddedPipeline.written(trainer).get(0).getWelcome().getMaxFrameBytes())
                .isEqualTo(ServerConfig.Defences.defaults().trainerMaxFrameBytes());
        queuedChecks.clear();
        trainer.writeInbound(Unpooled.wrappedBuffer(delimited(upload)));
        assertThat(trainer.isOpen()).isTrue();
        assertThat(EmbeddedPipeline.written(trainer)).as("nothing answered on the network thread").isEmpty();
        assertThat(queuedChecks).hasSize(1);
        queuedChecks.remove(0).run();
        trainer.runPendingTasks();
        List<ServerMessage> out = EmbeddedPipeline.written(trainer);
        assertThat(out).singleElement().satisfies(m -> assertThat(m.getError().getCode()).isEqualTo(ErrorCode.INVALID_PACK));
        trainer.finishAndReleaseAll();
    }
}
