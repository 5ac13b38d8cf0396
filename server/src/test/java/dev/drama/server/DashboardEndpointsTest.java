package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.proto.AttachTrainer;
import dev.drama.proto.DashboardLinks;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.ListSessions;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.ServerMessage;
import dev.drama.proto.SessionJoined;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser views' HTTP side and WebSocket, as a browser (or someone probing) meets
 * them: the site's files with the right types and headers, 404 for anything else however
 * the path is written, the trainer token checked, garbage and oversized frames ending the
 * connection, another site's pages refused.
 */
class DashboardEndpointsTest {
    static ServerFixture fixture;

    @BeforeAll
    static void start() throws IOException {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** One raw HTTP/1.1 exchange, so that the path is sent exactly as written. */
    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    static Response http(String requestHead) throws IOException {
        try (Socket s = new Socket("127.0.0.1", fixture.server.httpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestHead + "Host: 127.0.0.1:" + fixture.server.httpPort() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1).strip();
            Response r = new Response(Integer.parseInt(headText.split(" ")[1]), headText, "");
            // The body is as long as the head says, and a HEAD answer or a WebSocket upgrade has none.
            String length = r.header("Content-Length");
            boolean bodyless = requestHead.startsWith("HEAD") || r.status() == 101 || length == null;
            byte[] body = bodyless ? new byte[0] : in.readNBytes(Integer.parseInt(length));
            return new Response(r.status(), headText, new String(body, StandardCharsets.UTF_8));
        }
    }

    static Response get(String path) throws IOException {
        return http("GET " + path + " HTTP/1.1\r\n");
    }

    @Test
    void servesTheSiteWithItsTypesAndProtectiveHeaders() throws IOException {
        for (var file : List.of(List.of("/", "text/html"), List.of("/index.html", "text/html"),
                List.of("/dashboard.js", "text/javascript"), List.of("/dashboard.css", "text/css"),
                List.of("/favicon.svg", "image/svg+xml"))) {
            Response r = get(file.get(0));
            assertThat(r.status()).as(file.get(0)).isEqualTo(200);
            assertThat(r.header("Content-Type")).as(file.get(0)).startsWith(file.get(1));
            assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.body()).isNotEmpty();
        }
        assertThat(get("/").body()).contains("<script src=\"dashboard.js\"").doesNotContain("http://").doesNotContain("https://");
        Response head = http("HEAD /dashboard.js HTTP/1.1\r\n");
        assertThat(head.status()).isEqualTo(200);
        assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anyOtherPathIsNotFoundHoweverItIsWritten() throws IOException {
        for (String path : List.of("/nope", "/index.htm", "/web/index.html", "/../pom.xml", "/..%2f..%2fpom.xml",
                "/%2e%2e/%2e%2e/etc/passwd", "/dashboard.js/..", "//index.html", "/./index.html", "/index.html%00",
                "/logback.xml", "/dev/drama/server/DramaServer.class", "/web/", "/ws/../index.html", "/INDEX.HTML")) {
            Response r = get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Security-Policy")).as(path).isNotNull();
            assertThat(r.body()).as(path).isEqualTo("no such page\n");
        }
        Response post = http("POST / HTTP/1.1\r\nContent-Length: 0\r\n");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void aWebSocketFromAnotherSitesPageIsRefused() throws IOException {
        String handshake = "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";
        assertThat(http(handshake + "Origin: http://evil.example\r\n").status()).isEqualTo(403);
        assertThat(http(handshake + "Origin: http://127.0.0.1:" + fixture.server.httpPort() + "\r\n").status())
                .isEqualTo(101);
    }

    @Test
    void theTrainerTokenOpensItsOwnSessionAndNothingElse() throws IOException {
        try (Wire trainer = Wire.connect("trainer", fixture.port(), fixture.server.trainerSecret());
             Wire other = Wire.connect("other trainer", fixture.port(), fixture.server.trainerSecret())) {
            SessionJoined session = create(trainer, "community-safety");
            SessionJoined otherSession = create(other, "community-safety");
            DashboardLinks links = trainer.await(ServerMessage::hasDashboardLinks, Wire.TIMEOUT).getDashboardLinks();
            String prefix = "http://127.0.0.1:" + fixture.server.httpPort() + "/#code=" + session.getJoinCode();
            assertThat(links.getProjectorUrl()).isEqualTo(prefix);
            assertThat(links.getDashboardUrl()).startsWith(prefix + "&token=");
            String token = links.getDashboardUrl().substring(links.getDashboardUrl().indexOf("&token=") + 7);
            assertThat(token).hasSizeGreaterThanOrEqualTo(24);

            try (BrowserWire page = BrowserWire.connect(fixture.server.httpPort())) {
                for (String wrong : List.of("", token.substring(1), token.toLowerCase(Locale.ROOT).equals(token) ? "x" : token.toLowerCase(Locale.ROOT))) {
                    ServerMessage refused = page.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                            .setJoinCode(session.getJoinCode()).setDashboardToken(wrong)));
                    // Empty: the trainer secret is needed; wrong: as unknown as a wrong join code.
                    assertThat(refused.getError().getCode()).as("token '%s'", wrong)
                            .isEqualTo(wrong.isEmpty() ? ErrorCode.NOT_AUTHENTICATED : ErrorCode.UNKNOWN_SESSION);
                }
                // This session's token does not open another session.
                ServerMessage elsewhere = page.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                        .setJoinCode(otherSession.getJoinCode()).setDashboardToken(token)));
                assertThat(elsewhere.getError().getCode()).isEqualTo(ErrorCode.UNKNOWN_SESSION);

                SessionJoined joined = ok(page.request(cmd().setAttachTrainer(AttachTrainer.newBuilder()
                        .setJoinCode(session.getJoinCode()).setDashboardToken(token).setDisplayName("Dashboard"))))
                        .getSessionJoined();
                assertThat(joined.getRole()).isEqualTo(Role.TRAINER);
                // It is this session's trainer: it moves the phase on...
                ServerMessage moved = page.request(cmd().setAdvancePhase(dev.drama.proto.AdvancePhase.newBuilder()
                        .setTo(Phase.BRIEFING)));
                assertThat(moved.hasAck()).as("%s", moved).isTrue();
                trainer.await(m -> m.hasSessionState() && m.getSessionState().getPhase() == Phase.BRIEFING, Wire.TIMEOUT);
                // ...but not the server's: the token is not the trainer secret.
                assertThat(page.request(cmd().setListSessions(ListSessions.getDefaultInstance())).getError().getCode())
                        .isEqualTo(ErrorCode.NOT_AUTHENTICATED);
            }
        }
    }

    @Test
    void garbageAndOversizedFramesEndOnlyThatConnection() throws IOException {
        try (BrowserWire garbage = BrowserWire.connect(fixture.server.httpPort());
             BrowserWire oversized = BrowserWire.connect(fixture.server.httpPort());
             BrowserWire bystander = BrowserWire.connect(fixture.server.httpPort())) {
            garbage.sendText("{\"hello\": {\"no such field\": 1}}");
            ServerMessage refused = garbage.await(ServerMessage::hasError);
            assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.MALFORMED_COMMAND);
            await().atMost(Duration.ofSeconds(10)).until(garbage::closedByServer);

            oversized.sendText("{\"say\": {\"text\": \"" + "x".repeat(ServerConfig.Limits.defaults().maxFrameBytes() + 1) + "\"}}");
            await().atMost(Duration.ofSeconds(10)).until(oversized::closedByServer);

            assertThat(bystander.request(cmd().setPing(dev.drama.proto.Ping.newBuilder().setNonce(7))).getPong().getNonce())
                    .isEqualTo(7);
        }
    }
}
