package dev.drama.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Join;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.server.DramaServer;
import dev.drama.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server goes away and comes back (restarted on the same port and data folder):
 * the trainee's console says so, reconnects, resumes its seat with its token, and what
 * was typed meanwhile is sent once it is back.
 */
class ReconnectEndToEndTest {
    @TempDir
    Path temp;

    private DramaServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private DramaServer start(int port) {
        return DramaServer.start(ServerConfig.defaults().toBuilder().host("127.0.0.1").port(port)
                // no browser views: a restart reuses the game port, and the port beside it may be taken meanwhile
                .httpPort(ServerConfig.HTTP_DISABLED).dataDir(temp.resolve("data")).build());
    }

    @Test
    void aRestartedServerTakesTheTraineeBack() throws Exception {
        server = start(0);
        int port = server.port();
        ServerAddress address = new ServerAddress();
        address.host = "127.0.0.1";
        address.port = port;

        ScriptedClient trainer = new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINER,
                server.trainerSecret(), null, "train"));
        trainer.type("/new scrutiny");
        String code = trainer.awaitMessage(ServerMessage::hasSessionJoined).getSessionJoined().getJoinCode();
        trainer.endInput();
        assertEquals(0, trainer.exit().get(30, TimeUnit.SECONDS));

        String character = "chair";
        ScriptedClient trainee = new ScriptedClient(new ConsoleLauncher.Spec(address, true, Role.TRAINEE, null,
                ClientMessage.newBuilder().setJoin(Join.newBuilder().setJoinCode(code).setDisplayName("Ann")
                        .setCharacterId(character)).build(), "join"));
        trainee.type("/wait-for board");
        trainee.awaitMessage(m -> m.hasSessionJoined() && m.getSessionJoined().getCharacterId().equals(character));

        server.close();
        server = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> trainee.lines().stream()
                .anyMatch(l -> l.startsWith("{\"connection\":\"connection lost")));
        trainee.type("/say I am back");

        server = start(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> trainee.lines().contains("{\"connection\":\"back in session\"}"));
        trainee.awaitMessage(m -> m.hasTalk() && m.getTalk().getText().equals("I am back"));
        trainee.endInput();
        assertEquals(0, trainee.exit().get(30, TimeUnit.SECONDS));
        long joins = trainee.messages().stream().filter(ServerMessage::hasSessionJoined).count();
        assertEquals(2, joins, "joined, then resumed");
        assertTrue(trainee.lines().stream().noneMatch(l -> l.startsWith("{\"localError\"")), trainee.lines().toString());
    }
}
