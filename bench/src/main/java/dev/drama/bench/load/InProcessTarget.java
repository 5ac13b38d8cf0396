package dev.drama.bench.load;

import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Both servers in this JVM (the smoke test, or --server in-process): heap and CPU figures include the clients. */
final class InProcessTarget implements Target {
    final DramaServer drama;
    final EchoServer echo;
    private final Path dataDir;
    private final boolean deleteData;

    InProcessTarget(ServerConfig.Limits limits, Path dataDir) {
        try {
            this.deleteData = dataDir == null || dataDir.getFileName().toString().startsWith("drama-load");
            this.dataDir = dataDir != null ? dataDir : Files.createTempDirectory("drama-load");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.drama = DramaServer.start(ServerConfig.builder().host("127.0.0.1").port(0).dataDir(this.dataDir)
                .limits(limits).build());
        this.echo = EchoServer.start("127.0.0.1");
    }

    /** The limits of the load test: the server's defaults, with the overrides the options ask for. */
    static ServerConfig.Limits limits(int commandsPerSecond, int commandBurst, int offersPerMinute, int maxSessions,
                                     int maxPerAddress) {
        ServerConfig.Limits d = ServerConfig.Limits.defaults();
        return new ServerConfig.Limits(d.maxFrameBytes(), d.maxTextChars(),
                commandsPerSecond > 0 ? commandsPerSecond : d.commandsPerSecond(),
                commandBurst > 0 ? commandBurst : d.commandBurst(),
                offersPerMinute > 0 ? offersPerMinute : d.offersPerMinute(),
                maxSessions > 0 ? maxSessions : d.maxSessions(), d.maxParticipantsPerSession(),
                maxPerAddress > 0 ? maxPerAddress : d.maxConnectionsPerAddress(), d.outboundBufferBytes());
    }

    @Override public int dramaPort() { return drama.port(); }
    @Override public int echoPort() { return echo.port(); }
    @Override public String trainerSecret() { return drama.trainerSecret(); }
    @Override public long heapAfterGc() { return Sample.heapAfterGcOfThisJvm(); }
    @Override public Sample sample() { return Sample.ofThisJvm(); }
    @Override public Memory memory() { return Memory.ofThisJvm(); }
    @Override public long pid() { return ProcessHandle.current().pid(); }

    @Override
    public String describe() {
        return "in-process (server, echo server and clients share this JVM: heap and CPU include the clients)";
    }

    @Override
    public void close() {
        echo.close();
        drama.close();
        if (deleteData) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind
            }
        }
    }
}
