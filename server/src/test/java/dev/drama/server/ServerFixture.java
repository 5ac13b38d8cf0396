package dev.drama.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real server on a free loopback port, with the example packs and a fresh data folder. */
final class ServerFixture implements AutoCloseable {
    static final Path EXAMPLE_PACKS = Path.of("../scenarios/examples");

    final Path dataDir;
    final DramaServer server;

    ServerFixture() throws IOException {
        this(Files.createTempDirectory("drama-test"), ServerConfig.Limits.defaults());
    }

    ServerFixture(Path dataDir, ServerConfig.Limits limits) {
        this.dataDir = dataDir;
        this.server = DramaServer.start(ServerConfig.builder()
                .host("127.0.0.1").port(0).dataDir(dataDir).packsDir(EXAMPLE_PACKS)
                .limits(limits).idleTimeout(Duration.ofSeconds(30)).build());
    }

    int port() {
        return server.port();
    }

    WireClient trainer() throws IOException {
        return WireClient.connect(port(), server.trainerSecret());
    }

    WireClient anonymous() throws IOException {
        return WireClient.connect(port(), null);
    }

    @Override
    public void close() {
        server.close();
    }
}
