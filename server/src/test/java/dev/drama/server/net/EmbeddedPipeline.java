package dev.drama.server.net;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.TrainerSecret;
import dev.drama.server.journal.Journal;
import dev.drama.server.session.SessionRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.protobuf.ProtobufDecoder;
import io.netty.handler.codec.protobuf.ProtobufEncoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's connection pipeline on an {@link EmbeddedChannel}, built handler by handler
 * in the order of {@link DramaChannelInitializer} (which needs a real socket channel), in
 * front of a real lobby with no sessions: every command is answered synchronously.
 */
public final class EmbeddedPipeline implements AutoCloseable {
    private final Path dataDir;
    private final Journal journal;
    private final DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
    private final PackRegistry packs = new PackRegistry(null, Duration.ZERO, false);
    private final TrainerSecret secret;
    private final Lobby lobby;

    public EmbeddedPipeline() {
        // Pack uploads checked on the calling thread: every command is answered synchronously here.
        this(Runnable::run);
    }

    /** With pack uploads checked wherever {@code packChecks} runs them. */
    public EmbeddedPipeline(java.util.concurrent.Executor packChecks) {
        try {
            dataDir = Files.createTempDirectory("drama-pipeline");
            secret = TrainerSecret.loadOrCreate(dataDir.resolve("trainer.secret"));
            journal = new Journal(dataDir.resolve("log"), 1 << 20, false, java.nio.channels.FileChannel::open);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        packs.start();
        SessionRegistry sessions = new SessionRegistry(dataDir.resolve("sessions"), journal, executors,
                packs, System::currentTimeMillis, dev.drama.server.ServerConfig.defaults());
        dev.drama.server.ServerConfig.Defences defences = dev.drama.server.ServerConfig.Defences.defaults();
        dev.drama.server.cohort.Cohorts cohorts = new dev.drama.server.cohort.Cohorts(
                new dev.drama.server.cohort.CohortFiles(dataDir.resolve("cohorts")), sessions, packs, System::currentTimeMillis);
        lobby = new Lobby(sessions, cohorts, packs, secret, new LookupGuard(defences.failedLookupsPerAddressPerMinute(),
                defences.failedLookupsPerMinute(), System::nanoTime), packChecks);
    }

    /** A fresh connection pipeline with these limits. */
    public EmbeddedChannel channel(int maxFrameBytes, int perSecond, int burst) {
        EmbeddedChannel ch = new EmbeddedChannel();
        dev.drama.server.ServerConfig.Defences defences = dev.drama.server.ServerConfig.Defences.defaults();
        ch.pipeline().addLast(DramaChannelInitializer.FRAME_DECODER, new BoundedVarint32FrameDecoder(maxFrameBytes,
                defences.trainerMaxFrameBytes(), defences.frameDeadline()));
        ch.pipeline().addLast(DramaChannelInitializer.PROTOBUF_DECODER, new ProtobufDecoder(ClientMessage.getDefaultInstance()));
        ch.pipeline().addLast(DramaChannelInitializer.FRAME_ENCODER, new ProtobufVarint32LengthFieldPrepender());
        ch.pipeline().addLast(DramaChannelInitializer.PROTOBUF_ENCODER, new ProtobufEncoder());
        ch.pipeline().addLast(DramaChannelInitializer.RATE_LIMIT, new CommandRateLimiter(perSecond, burst,
                defences.refusalsPerWindow(), defences.refusalWindow()));
        ch.pipeline().addLast(DramaChannelInitializer.HANDLER, new ConnectionHandler(lobby,
                new SourceLog(defences.logLinesPerAddressPerSecond(), dev.drama.server.ServerConfig.Defences.LOG_BURST,
                        System::nanoTime)));
        return ch;
    }

    public String trainerSecret() {
        return secret.value();
    }

    /** Every frame the pipeline has written so far, decoded as the client would. */
    public static List<ServerMessage> written(EmbeddedChannel ch) {
        List<ServerMessage> out = new ArrayList<>();
        ByteBuf buf;
        while ((buf = ch.readOutbound()) != null) {
            try (InputStream in = new ByteBufInputStream(buf, true)) {
                ServerMessage m;
                while ((m = ServerMessage.parseDelimitedFrom(in)) != null) {
                    out.add(m);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        journal.close();
        executors.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        packs.close();
    }
}
