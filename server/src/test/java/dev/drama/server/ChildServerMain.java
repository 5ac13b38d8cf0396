package dev.drama.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * The server as its own process, for the crash test: {@code ChildServerMain DATA PACKS}.
 * Binds a free loopback port and writes it to DATA/port once listening (written whole,
 * then moved into place, so the parent never reads half a number).
 */
public final class ChildServerMain {
    private ChildServerMain() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // A failed start must end the process (the server's own threads would keep it alive).
            t.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path packs = Path.of(args[1]);
        ServerConfig.Limits limits = new ServerConfig.Limits(64 * 1024, 2_000, 100_000, 100_000, 100_000, 200, 30, 64,
                4 * 1024 * 1024);
        DramaServer server = DramaServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .dataDir(data).packsDir(packs).limits(limits).idleTimeout(Duration.ofMinutes(5)).build());
        Path tmp = data.resolve("port.tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, data.resolve("port"), StandardCopyOption.ATOMIC_MOVE);
        server.awaitClose();
    }
}
