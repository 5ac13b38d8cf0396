package dev.drama.cli;

import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.drama.proto.ServerMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * A scripted console run in-process through {@link ConsoleLauncher}, as `drama join`
 * would run with a pipe on stdin: the test types lines (or gives a whole script) and
 * reads back the JSON lines the console printed, parsed into server messages.
 */
final class ScriptedClient {
    private final LineFeed input = new LineFeed();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> exit;

    ScriptedClient(ConsoleLauncher.Spec spec) {
        PrintStream out = new PrintStream(new LineCollector(lines), true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return new ConsoleLauncher(input, out, false).run(spec);
            } catch (Exception e) {
                lines.add("{\"crashed\":\"" + e + "\"}");
                return -1;
            }
        }, runnable -> new Thread(runnable, "console-" + spec.role()).start());
    }

    ScriptedClient type(String... typed) {
        for (String line : typed) {
            input.add(line + "\n");
        }
        return this;
    }

    /** Types the lines of a script, then ends the input. */
    ScriptedClient script(String script) {
        input.add(script.endsWith("\n") ? script : script + "\n");
        input.end();
        return this;
    }

    void endInput() {
        input.end();
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every server message printed so far (local lines left out). */
    List<ServerMessage> messages() {
        return lines.stream().filter(line -> !line.startsWith("{\"local") && !line.startsWith("{\"connection"))
                .map(ScriptedClient::parse).toList();
    }

    ServerMessage awaitMessage(Predicate<ServerMessage> wanted) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messages().stream().anyMatch(wanted));
        return messages().stream().filter(wanted).findFirst().orElseThrow();
    }

    static ServerMessage parse(String json) {
        ServerMessage.Builder message = ServerMessage.newBuilder();
        try {
            JsonFormat.parser().merge(json, message);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a server message: " + json, e);
        }
        return message.build();
    }

    /** An input stream fed by the test, that blocks for more until it is ended. */
    private static final class LineFeed extends InputStream {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        void add(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        void end() {
            chunks.add(END);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            while (!ended && position >= current.length) {
                try {
                    current = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                position = 0;
                ended = current == END;
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }

    /** Collects what is printed, line by line. */
    private static final class LineCollector extends OutputStream {
        private final List<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineCollector(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            } else {
                pending.write(b);
            }
        }
    }
}
