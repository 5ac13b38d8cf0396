package dev.drama.server;

import static org.awaitility.Awaitility.await;

import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A plain blocking client for tests: writes delimited ClientMessages, records every
 * ServerMessage it receives (the frames really sent to this participant).
 */
final class WireClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean closedByServer;
    private long nextId = 1;

    WireClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        reader = new Thread(() -> {
            try {
                ServerMessage m;
                while ((m = ServerMessage.parseDelimitedFrom(in)) != null) {
                    received.add(m);
                }
            } catch (IOException e) {
                // socket closed
            }
            closedByServer = true;
        }, "wire-client");
        reader.setDaemon(true);
        reader.start();
    }

    static WireClient connect(int port, String trainerSecret) throws IOException {
        WireClient c = new WireClient(port);
        Hello.Builder hello = Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)
                .setClient("test");
        if (trainerSecret != null) {
            hello.setTrainerSecret(trainerSecret);
        }
        c.request(ClientMessage.newBuilder().setHello(hello));
        return c;
    }

    /** Sends a command and waits for the reply with its request id. */
    synchronized ServerMessage request(ClientMessage.Builder command) throws IOException {
        long id = nextId++;
        send(command.setRequestId(id).build());
        return awaitMessage(m -> m.getRequestId() == id);
    }

    synchronized void send(ClientMessage message) throws IOException {
        message.writeDelimitedTo(out);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    ServerMessage awaitMessage(Predicate<ServerMessage> test) {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).until(() -> received.stream().filter(test).findFirst().orElse(null),
                m -> m != null);
    }

    boolean saw(Predicate<ServerMessage> test) {
        return received.stream().anyMatch(test);
    }

    List<ServerMessage> received() {
        return new ArrayList<>(received);
    }

    boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
