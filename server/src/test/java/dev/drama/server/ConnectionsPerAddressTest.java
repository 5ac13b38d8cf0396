package dev.drama.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.proto.ErrorCode;
import dev.drama.proto.ServerMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The connections one address may hold are counted over both ports: consoles on the game
 * port and pages on the browser views' port share one limit, so using both does not double it.
 */
class ConnectionsPerAddressTest {
    static final int LIMIT = 3;

    /** The status line the browser port answers a GET with (or greets a refused connection with). */
    static String statusOfPage(int httpPort) throws IOException {
        try (Socket s = new Socket("127.0.0.1", httpPort)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        }
    }

    @Test
    void consolesAndPagesShareTheLimit() throws Exception {
        ServerConfig.Limits d = ServerConfig.Limits.defaults();
        ServerConfig.Limits limits = new ServerConfig.Limits(d.maxFrameBytes(), d.maxTextChars(), d.commandsPerSecond(),
                d.commandBurst(), d.offersPerMinute(), d.maxSessions(), d.maxParticipantsPerSession(), LIMIT,
                d.outboundBufferBytes());
        try (ServerFixture f = new ServerFixture(Files.createTempDirectory("drama-limit"), limits);
             Wire first = Wire.connect("first", f.port(), null);
             Wire second = Wire.connect("second", f.port(), null);
             BrowserWire page = BrowserWire.connect(f.server.httpPort())) {
            // Two consoles and a page: the address is at its limit, on either port.
            assertThat(statusOfPage(f.server.httpPort())).startsWith("HTTP/1.1 503");
            try (Wire fourth = Wire.raw("fourth", f.port())) {
                ServerMessage refused = fourth.await(ServerMessage::hasError);
                assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.LIMIT_REACHED);
                assertThat(refused.getError().getMessage()).contains("limit " + LIMIT);
                assertThat(fourth.awaitClosed(Duration.ofSeconds(10))).isTrue();
            }
            // A console leaves: a page may come.
            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> statusOfPage(f.server.httpPort()).startsWith("HTTP/1.1 200"));
        }
    }
}
