package dev.drama.cli.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Error;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Hello;
import dev.drama.proto.Join;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.Talk;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real connection against a loopback fake server: handshake, replies, keep-alive, reconnect and resume. */
class ServerConnectionTest {
    private static final Hello HELLO = Hello.newBuilder()
            .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setClient("test").build();
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(200),
            0.2, Duration.ofSeconds(20), () -> 0.5);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor();
    private FakeServer server;
    private ServerConnection connection;

    private final ConnectionListener listener = new ConnectionListener() {
        @Override public void onMessage(ServerMessage message) { messages.add(message); }
        @Override public void onConnectionLost(String reason) { events.add("lost: " + reason); }
        @Override public void onReconnected() { events.add("back"); }
        @Override public void onGaveUp(String reason) { events.add("gave up: " + reason); }
    };

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        server.close();
        delivery.shutdownNow();
    }

    private ServerConnection connect(Heartbeat heartbeat) throws Exception {
        connection = new ServerConnection(new ServerConnection.Settings("127.0.0.1", server.port(), HELLO, FAST,
                heartbeat, Duration.ofSeconds(2), null), listener, delivery);
        connection.connect().get(5, TimeUnit.SECONDS);
        return connection;
    }

    private static ClientMessage say(String text) {
        return ClientMessage.newBuilder().setSay(Say.newBuilder().setText(text)).build();
    }

    private static ClientMessage join() {
        return ClientMessage.newBuilder().setJoin(Join.newBuilder().setJoinCode("ABC").setDisplayName("Ann")).build();
    }

    @Test
    void helloThenNumberedCommandsWithTheirReplies() throws Exception {
        connect(Heartbeat.defaults());
        ServerMessage joined = connection.send(join()).get(5, TimeUnit.SECONDS);
        ServerMessage acked = connection.send(say("hi")).get(5, TimeUnit.SECONDS);
        assertTrue(joined.hasSessionJoined());
        assertTrue(acked.hasAck());
        assertEquals(List.of(1L, 2L, 3L), server.received.stream().map(ClientMessage::getRequestId).toList());
        assertTrue(server.received.get(0).hasHello());
        assertEquals(FakeServer.TOKEN, connection.resumeToken());
        assertEquals(3, messages.size(), "welcome, joined and ack all reach the listener");
    }

    @Test
    void eventsReachTheListenerInOrder() throws Exception {
        connect(Heartbeat.defaults());
        for (int i = 0; i < 50; i++) {
            server.broadcast(ServerMessage.newBuilder().setTalk(Talk.newBuilder().setText("t" + i)).build());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> messages.size() == 51);
        for (int i = 0; i < 50; i++) {
            assertEquals("t" + i, messages.get(i + 1).getTalk().getText());
        }
    }

    @Test
    void afterADropItReconnectsResumesAndSendsWhatWasTypedMeanwhile() throws Exception {
        connect(Heartbeat.defaults());
        connection.send(join()).get(5, TimeUnit.SECONDS);
        server.dropClients();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("lost: the server closed the connection"));
        var queued = connection.send(say("typed while away"));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("back"));
        assertTrue(queued.get(5, TimeUnit.SECONDS).hasAck());
        List<ClientMessage.CommandCase> afterDrop = server.received.subList(2, server.received.size()).stream()
                .map(ClientMessage::getCommandCase).toList();
        assertEquals(List.of(ClientMessage.CommandCase.HELLO, ClientMessage.CommandCase.RESUME,
                ClientMessage.CommandCase.SAY), afterDrop);
        assertEquals(FakeServer.TOKEN, server.received.get(3).getResume().getResumeToken());
    }

    @Test
    void aReplyThatNeverCameFailsWhenTheConnectionDrops() throws Exception {
        connect(Heartbeat.defaults());
        server.answerPings = false;
        var unanswered = connection.send(ClientMessage.newBuilder()
                .setPing(dev.drama.proto.Ping.newBuilder().setNonce(1)).build());
        await().atMost(Duration.ofSeconds(5)).until(() -> server.count(ClientMessage.CommandCase.PING) == 1);
        server.dropClients();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> unanswered.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionLostException.class, failure.getCause());
    }

    @Test
    void pingsWhenQuietAndSwallowsThePongs() throws Exception {
        connect(new Heartbeat(Duration.ofMillis(100), Duration.ofSeconds(10)));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.count(ClientMessage.CommandCase.PING) >= 2);
        assertTrue(messages.stream().noneMatch(ServerMessage::hasPong), "keep-alive pongs are not the console's business");
    }

    @Test
    void aSilentServerIsTreatedAsGone() throws Exception {
        server.answerPings = false;
        connect(new Heartbeat(Duration.ofMillis(100), Duration.ofMillis(400)));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("lost: no word from the server for 0 s"));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("back"));
    }

    @Test
    void aRefusedResumeEndsTheConnection() throws Exception {
        connect(Heartbeat.defaults());
        connection.send(join()).get(5, TimeUnit.SECONDS);
        server.helloReply = hello -> ServerMessage.newBuilder().setRequestId(hello.getRequestId())
                .setError(Error.newBuilder().setCode(ErrorCode.PROTOCOL_VERSION_MISMATCH).setMessage("too old")).build();
        server.dropClients();
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e.startsWith("gave up")));
        assertEquals("gave up: the server refused Hello: too old (PROTOCOL_VERSION_MISMATCH)", events.get(events.size() - 1));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> connection.send(say("x")).get());
        assertInstanceOf(ConnectionLostException.class, failure.getCause());
    }

    @Test
    void aRefusedHelloFailsTheFirstConnection() {
        server.helloReply = hello -> ServerMessage.newBuilder().setRequestId(hello.getRequestId())
                .setError(Error.newBuilder().setCode(ErrorCode.NOT_AUTHENTICATED).setMessage("the trainer secret is wrong"))
                .build();
        connection = new ServerConnection(ServerConnection.Settings.of("127.0.0.1", server.port(), HELLO), listener,
                delivery);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect().get(5, TimeUnit.SECONDS));
        assertEquals("the server refused Hello: the trainer secret is wrong (NOT_AUTHENTICATED)",
                failure.getCause().getMessage());
    }

    @Test
    void nobodyListeningIsAClearError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        connection = new ServerConnection(ServerConnection.Settings.of("127.0.0.1", port, HELLO), listener, delivery);
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.connect().get(10, TimeUnit.SECONDS));
        assertEquals("no drama server at 127.0.0.1:" + port + "; start one with `./drama server` or check --host/--port",
                failure.getCause().getMessage());
    }
}
