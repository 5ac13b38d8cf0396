package dev.drama.cli;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Join;
import dev.drama.proto.Role;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The real server on a free port with a copy of the tiny pack, for end-to-end tests through scripted consoles. */
final class LocalServer implements AutoCloseable {
    static final Path TINY_PACK = Path.of("..", "scenarios", "examples", "tiny");

    private final DramaServer server;
    private final ServerAddress address = new ServerAddress();

    /** @param editPackYaml changes the copied pack.yaml (e.g. an inject's suggested time) */
    LocalServer(Path temp, UnaryOperator<String> editPackYaml) throws IOException {
        Path pack = temp.resolve("packs").resolve("tiny");
        copy(TINY_PACK, pack);
        Path yaml = pack.resolve("pack.yaml");
        Files.writeString(yaml, editPackYaml.apply(Files.readString(yaml)));
        server = DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(0)
                .dataDir(temp.resolve("data")).packsDir(temp.resolve("packs")).build());
        address.host = "127.0.0.1";
        address.port = server.port();
    }

    ServerAddress address() {
        return address;
    }

    ScriptedClient trainer() {
        return new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINER, server.trainerSecret(), null, "train"));
    }

    ScriptedClient trainee(String code, String name, String character, String script) {
        ClientMessage join = ClientMessage.newBuilder().setJoin(Join.newBuilder().setJoinCode(code)
                .setDisplayName(name).setCharacterId(character)).build();
        return new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINEE, null, join, "join"))
                .script(script);
    }

    @Override
    public void close() {
        server.close();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
