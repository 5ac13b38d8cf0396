package dev.drama.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** A real server on a free loopback port, with the example packs and a fresh data folder. */
final class ServerFixture implements AutoCloseable {
    static final Path EXAMPLE_PACKS = Path.of("../scenarios/examples");

    final Path dataDir;
    final DramaServer server;

    ServerFixture() throws IOException {
        this(Files.createTempDirectory("drama-test"), ServerConfig.Limits.defaults());
    }

    ServerFixture(Path dataDir, ServerConfig.Limits limits) {
        this(dataDir, limits, ServerConfig.Defences.defaults());
    }

    ServerFixture(Path dataDir, ServerConfig.Limits limits, ServerConfig.Defences defences) {
        this(dataDir, b -> b.limits(limits).defences(defences));
    }

    /** @param tweak changes the test configuration (computer players' policy and pace, for instance) */
    ServerFixture(Path dataDir, java.util.function.UnaryOperator<ServerConfig.Builder> tweak) {
        this.dataDir = dataDir;
        copyExamplePacks(dataDir.resolve("packs"));
        this.server = DramaServer.start(tweak.apply(ServerConfig.builder()
                .host("127.0.0.1").port(0).dataDir(dataDir).idleTimeout(Duration.ofSeconds(30))).build());
    }

    /** The server writes into its packs folder (archives, uploads): give it a copy of the examples. */
    private static void copyExamplePacks(Path target) {
        if (Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> files = Files.walk(EXAMPLE_PACKS)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(EXAMPLE_PACKS.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (!source.getFileName().toString().startsWith(".")) {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** A trainee joined to the session with {@code code}, wishing for {@code character}. */
    WireClient trainee(String code, String name, String character) throws Exception {
        WireClient c = anonymous();
        c.request(SessionEndToEndTest.cmd().setJoin(dev.drama.proto.Join.newBuilder().setJoinCode(code).setDisplayName(name)
                .setCharacterId(character)));
        return c;
    }

    @Override
    public void close() {
        server.close();
    }
}
