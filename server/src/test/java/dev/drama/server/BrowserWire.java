package dev.drama.server;

import com.google.protobuf.util.JsonFormat;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.Hello;
import dev.drama.proto.ProtocolVersion;
import dev.drama.proto.ServerMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A test client on the browser views' WebSocket, as a page uses it: JSON text frames.
 * Keeps every frame's text as it arrived (for the privacy test's search) and each parsed.
 */
final class BrowserWire implements AutoCloseable {
    private final List<String> frames = new ArrayList<>();
    private final List<ServerMessage> received = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final WebSocket socket;
    private volatile boolean closedByServer;

    private BrowserWire(int httpPort) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/ws"), new Listener())
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects and says hello, as the page does (a page never holds the trainer secret). */
    static BrowserWire connect(int httpPort) throws IOException {
        BrowserWire w = new BrowserWire(httpPort);
        ServerMessage welcome = w.request(ClientMessage.newBuilder().setHello(Hello.newBuilder()
                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT).setClient("test page")));
        if (!welcome.hasWelcome()) {
            throw new IllegalStateException("no welcome but " + welcome);
        }
        return w;
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                ServerMessage.Builder m = ServerMessage.newBuilder();
                try {
                    JsonFormat.parser().merge(text, m);
                } catch (IOException e) {
                    throw new IllegalStateException("the server sent a frame that is not a ServerMessage: " + text, e);
                }
                synchronized (BrowserWire.this) {
                    frames.add(text);
                    received.add(m.build());
                    BrowserWire.this.notifyAll();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended();
        }
    }

    private synchronized void ended() {
        closedByServer = true;
        notifyAll();
    }

    ServerMessage request(ClientMessage.Builder command) throws IOException {
        long id = nextId.getAndIncrement();
        sendText(JsonFormat.printer().print(command.setRequestId(id).build()));
        return await(m -> m.getRequestId() == id);
    }

    void sendText(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    synchronized ServerMessage await(Predicate<ServerMessage> test) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            for (ServerMessage m : received) {
                if (test.test(m)) {
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (closedByServer || left <= 0) {
                throw new AssertionError("no matching message" + (closedByServer ? " (closed)" : "") + "; received: " + received);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    synchronized boolean closedByServer() {
        return closedByServer;
    }

    synchronized List<String> frames() {
        return new ArrayList<>(frames);
    }

    synchronized List<ServerMessage> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
