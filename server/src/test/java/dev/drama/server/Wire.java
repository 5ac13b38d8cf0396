package dev.drama.server;

import com.google.protobuf.CodedInputStream;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A blocking wire client for the reliability tests. Unlike {@link WireClient} it waits
 * with wait/notify instead of polling (so thousands of request/replies stay fast), keeps
 * the raw bytes of every frame it receives (for the privacy test's byte search), and
 * can be told not to read at all (the slow-reader test).
 */
final class Wire implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final List<ServerMessage> received = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final String name;
    private volatile boolean closedByServer;

    private Wire(String name, int port, boolean read) throws IOException {
        this.name = name;
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        if (read) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            Thread reader = new Thread(() -> readLoop(in), "wire-" + name);
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Connects and says hello (as a trainer when a secret is given). */
    static Wire connect(String name, int port, String trainerSecret) throws IOException {
        Wire w = new Wire(name, port, true);
        Hello.Builder hello = Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)
                .setClient("test " + name);
        if (trainerSecret != null) {
            hello.setTrainerSecret(trainerSecret);
        }
        ServerMessage welcome = w.request(ClientMessage.newBuilder().setHello(hello));
        if (!welcome.hasWelcome()) {
            throw new IllegalStateException(name + ": no welcome but " + welcome);
        }
        return w;
    }

    /** Connects without saying anything and without reading. */
    static Wire silent(String name, int port) throws IOException {
        return new Wire(name, port, false);
    }

    /** Connects and reads, but says nothing yet. */
    static Wire raw(String name, int port) throws IOException {
        return new Wire(name, port, true);
    }

    private void readLoop(InputStream in) {
        DataInputStream data = new DataInputStream(in);
        try {
            while (true) {
                int first = data.read();
                if (first < 0) {
                    break;
                }
                int length = CodedInputStream.readRawVarint32(first, data);
                byte[] frame = new byte[length];
                data.readFully(frame);
                ServerMessage m = ServerMessage.parseFrom(frame);
                synchronized (this) {
                    raw.add(frame);
                    received.add(m);
                    notifyAll();
                }
            }
        } catch (EOFException e) {
            // closed mid-frame
        } catch (IOException e) {
            // socket closed
        }
        synchronized (this) {
            closedByServer = true;
            notifyAll();
        }
    }

    long nextRequestId() {
        return nextId.getAndIncrement();
    }

    /** Sends a command and waits for the reply that carries its request id. */
    ServerMessage request(ClientMessage.Builder command) throws IOException {
        long id = nextRequestId();
        send(command.setRequestId(id).build());
        return await(m -> m.getRequestId() == id, TIMEOUT);
    }

    synchronized void send(ClientMessage message) throws IOException {
        message.writeDelimitedTo(out);
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        synchronized (this) {
            out.write(bytes);
            out.flush();
        }
    }

    /** The first message (received so far or later) that passes the test; fails after the timeout. */
    ServerMessage await(Predicate<ServerMessage> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        synchronized (this) {
            while (true) {
                for (int i = from; i < received.size(); i++) {
                    if (test.test(received.get(i))) {
                        return received.get(i);
                    }
                }
                from = received.size();
                long left = deadline - System.nanoTime();
                if (closedByServer || left <= 0) {
                    throw new AssertionError(name + ": no matching message within " + timeout
                            + (closedByServer ? " (connection closed)" : "") + "; last received: "
                            + (received.isEmpty() ? "nothing" : received.get(received.size() - 1)));
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(name + ": interrupted");
                }
            }
        }
    }

    ServerMessage await(Predicate<ServerMessage> test) {
        return await(test, TIMEOUT);
    }

    /** Waits until the server has closed the connection; false on timeout. */
    boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!closedByServer) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    synchronized boolean saw(Predicate<ServerMessage> test) {
        return received.stream().anyMatch(test);
    }

    synchronized boolean sawError(ErrorCode code) {
        return received.stream().anyMatch(m -> m.hasError() && m.getError().getCode() == code);
    }

    synchronized List<ServerMessage> received() {
        return new ArrayList<>(received);
    }

    synchronized List<byte[]> rawFrames() {
        return new ArrayList<>(raw);
    }

    boolean closedByServer() {
        return closedByServer;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
