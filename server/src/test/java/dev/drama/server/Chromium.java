package dev.drama.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Headless Chromium driven over the DevTools protocol: open a page, evaluate JavaScript in
 * it, take screenshots. Only what the browser tests need.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private Chromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Chromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("drama-chromium");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--mute-audio",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,720", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        // Chromium writes the port it picked into the profile once it listens.
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        return new Chromium(p, profile, Integer.parseInt(Files.readAllLines(portFile).get(0).strip()));
    }

    /** A new tab on the given URL, sized like a projector. */
    Page open(String url) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/json/new?" + URLEncoder.encode("about:blank", StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Page page = new Page(JSON.readTree(created.body()).get("webSocketDebuggerUrl").asText());
        page.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
        page.call("Page.enable", Map.of());
        page.call("Page.navigate", Map.of("url", url));
        return page;
    }

    /** One tab. */
    final class Page {
        private final WebSocket socket;
        private final AtomicLong nextId = new AtomicLong(1);
        private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

        Page(String debuggerUrl) {
            socket = http.newWebSocketBuilder().buildAsync(URI.create(debuggerUrl), new WebSocket.Listener() {
                private final StringBuilder partial = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        try {
                            JsonNode m = JSON.readTree(partial.toString());
                            if (m.has("id")) {
                                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asLong());
                                if (f != null) {
                                    f.complete(m);
                                }
                            }
                        } catch (IOException e) {
                            // not JSON: cannot be an answer
                        }
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).orTimeout(10, TimeUnit.SECONDS).join();
        }

        JsonNode call(String method, Map<String, Object> params) {
            long id = nextId.getAndIncrement();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(message.toString(), true).join();
            JsonNode m = answer.orTimeout(30, TimeUnit.SECONDS).join();
            if (m.has("error")) {
                throw new IllegalStateException(method + ": " + m.get("error"));
            }
            return m.get("result");
        }

        /** The value of a JavaScript expression in the page. */
        JsonNode eval(String expression) {
            JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
            }
            return result.get("result").path("value");
        }

        /**
         * Waits until the expression is true in the page; returns the milliseconds it took. An
         * expression that fails (the page still loading has no such element yet) is not true yet.
         */
        long until(String expression, Duration timeout) throws InterruptedException {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (!holds(expression)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the page never showed " + expression + "; it shows:\n"
                            + eval("document.body.innerText").asText());
                }
                Thread.sleep(20);
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }

        /** A key pressed and released, as a keyboard does it (Tab moves the focus; a script's events cannot). */
        void press(String key, int keyCode) {
            for (String type : new String[] {"rawKeyDown", "keyUp"}) {
                call("Input.dispatchKeyEvent", Map.of("type", type, "key", key, "code", key,
                        "windowsVirtualKeyCode", keyCode, "nativeVirtualKeyCode", keyCode));
            }
        }

        private boolean holds(String expression) {
            try {
                return eval(expression).asBoolean(false);
            } catch (IllegalStateException e) {
                return false;
            }
        }

        void screenshot(Path file) throws IOException {
            save(file, call("Page.captureScreenshot", Map.of("format", "png")));
        }

        /** The whole page, as tall as it is, at the width of the window. */
        void screenshotWhole(Path file) throws IOException {
            JsonNode size = call("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
            save(file, call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", size.get("width").asDouble(),
                            "height", size.get("height").asDouble(), "scale", 1))));
        }

        private void save(Path file, JsonNode screenshot) throws IOException {
            String png = screenshot.get("data").asText();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(png));
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
