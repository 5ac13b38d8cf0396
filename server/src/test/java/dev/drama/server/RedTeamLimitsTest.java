package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.drama.proto.*;
import dev.drama.server.net.ConnectionHandler;
import dev.drama.server.net.LookupGuard;
import dev.drama.server.net.SourceLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The attacks of issue 11 on guessing, amplification and limits, each made on the real
 * server over loopback with raw frames, and each now refused. Figures are printed (with
 * the same attack against the old behaviour where a setting reproduces it), never
 * asserted on time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RedTeamLimitsTest {
    @TempDir
    Path data;

    /** The limits of LimitsTest, but a rate generous enough that floods of moves go through quickly. */
    static ServerConfig.Limits generous() {
        return new ServerConfig.Limits(64 * 1024, 2_000, 100_000, 100_000, 12, 20, 30, 64, 1024 * 1024);
    }

    /** The defences as they were before: no budget on wrong lookups, no log throttling. */
    static ServerConfig.Defences wideOpen() {
        ServerConfig.Defences d = ServerConfig.Defences.defaults();
        return new ServerConfig.Defences(Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2, d.refusalsPerWindow(),
                d.refusalWindow(), d.frameDeadline(), d.trainerMaxFrameBytes(), d.talkBytesPerCharacter(),
                d.talkBytesPerSession(), 1_000_000);
    }

    private static ClientMessage hello() {
        return ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)).build();
    }

    private static ClientMessage joinWith(String code) {
        return ClientMessage.newBuilder().setRequestId(2).setJoin(Join.newBuilder().setJoinCode(code)
                .setDisplayName("Guesser")).build();
    }

    /** One guess on a fresh connection, as a churning guesser makes it: the answer to the join, or null. */
    private static ServerMessage guessOnce(int port, String code) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(ANSWER_WAIT_MS);
            s.setTcpNoDelay(true);
            java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
            hello().writeDelimitedTo(both);
            joinWith(code).writeDelimitedTo(both);
            OutputStream out = s.getOutputStream();
            out.write(both.toByteArray());  // one segment: as fast as a guesser can go
            out.flush();
            InputStream in = s.getInputStream();
            ServerMessage m;
            while ((m = ServerMessage.parseDelimitedFrom(in)) != null) {
                if (m.getRequestId() == 2) {
                    return m;
                }
            }
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Longer than the longest the server holds an answer to a wrong or refused lookup (10 s). */
    static final int ANSWER_WAIT_MS = 12_000;

    /** Guessing threads, each with a connection at a time: most of what one address may hold open. */
    static final int GUESSERS = 48;

    record Guessing(int checked, int refused, double seconds) {
        double checkedPerSecond() {
            return checked / seconds;
        }
    }

    /** Wrong codes from one address, each on a new connection, from several threads, for a while. */
    private static Guessing guess(int port, Duration attack, int threads) throws Exception {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long end = System.nanoTime() + attack.toNanos();
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> guessers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            guessers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    try {
                        ServerMessage answer = guessOnce(port, String.format("ZZZZ-%04d-%02d", i % 10_000, thread));
                        if (answer != null && answer.getError().getCode() == ErrorCode.UNKNOWN_SESSION) {
                            checked.incrementAndGet();
                        } else if (answer != null && answer.getError().getCode() == ErrorCode.RATE_LIMITED) {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // a connection refused or reset: try again, as a guesser would
                    }
                }
            }));
        }
        CompletableFuture.allOf(guessers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        // Guesses are counted when their answers come, which may be after the attack's window: that is when it was checked at the latest.
        return new Guessing(checked.get(), refused.get(), attack.toNanos() / 1e9);
    }

    private static ListAppender<ILoggingEvent> capture(Class<?>... sources) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        for (Class<?> c : sources) {
            Logger logger = (Logger) LoggerFactory.getLogger(c);
            logger.addAppender(appender);
        }
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender, Class<?>... sources) {
        for (Class<?> c : sources) {
            ((Logger) LoggerFactory.getLogger(c)).detachAppender(appender);
        }
    }

    @Test
    void guessingJoinCodesFromOneAddressOverFreshConnectionsIsHopeless() throws Exception {
        Duration attack = Duration.ofSeconds(3);
        Guessing before;
        try (ServerFixture open = new ServerFixture(data.resolve("open"), generous(), wideOpen())) {
            guess(open.port(), Duration.ofSeconds(2), 4);  // warm up: the first connections of a JVM are slow
            before = guess(open.port(), attack, GUESSERS);
        }
        ServerConfig.Defences defaults = ServerConfig.Defences.defaults();
        ListAppender<ILoggingEvent> logged = capture(LookupGuard.class);
        try (ServerFixture f = new ServerFixture(data.resolve("guarded"), generous());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire typist = Wire.connect("typist", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            // People type codes as they hear them: without dashes, in lower case, with spaces.
            join(typist, code.replace("-", " ").toLowerCase(java.util.Locale.ROOT), "Mo", "manager");

            // Once the guessers have spent the address's budget, the right code from there is refused
            // unchecked too: guessing cannot win.
            CompletableFuture<ServerMessage> rightGuess = CompletableFuture.supplyAsync(() -> {
                try {
                    Thread.sleep(1_000);
                    return guessOnce(f.port(), code);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Guessing after = guess(f.port(), attack, GUESSERS);
            ServerMessage right = rightGuess.get(30, TimeUnit.SECONDS);
            assertThat(right).isNotNull();
            assertThat(right.getError().getCode()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(right.getError().getMessage()).contains("too many wrong join codes");

            int budget = defaults.failedLookupsPerAddressPerMinute();
            // The burst, the refill over the attack and the answers' wait (at most 13 s), and an overdraw per network thread.
            assertThat(after.checked()).as("wrong codes checked from one address")
                    .isLessThanOrEqualTo(budget + 7 + Runtime.getRuntime().availableProcessors() * 2);
            assertThat(after.refused()).isPositive();
            assertThat(before.checked()).as("the same attack, unguarded (how many more depends on the machine)")
                    .isGreaterThan(after.checked());
            List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).as("the burst is logged once").hasSize(1);

            double live = 200;
            double codes = Math.pow(31, 10);
            double serverPerSecond = defaults.failedLookupsPerMinute() / 60.0;
            double addressPerSecond = budget / 60.0;
            double year = 365.25 * 24 * 3600;
            System.out.printf("RedTeam guessing: one address over fresh connections, %d threads, %d s: before %.0f wrong"
                            + " codes checked a second (7-character codes: one of 200 sessions in %.1f hours);"
                            + " after %d checked in all (%.1f a second), %d refused unchecked, 1 log line."
                            + " With 10-character codes one of 200 live sessions takes %.0f years at the server-wide"
                            + " cap of %.0f a second, %.0f years from one address%n",
                    GUESSERS, attack.toSeconds(), before.checkedPerSecond(),
                    Math.pow(31, 7) / live / before.checkedPerSecond() / 3600,
                    after.checked(), after.checkedPerSecond(), after.refused(),
                    codes / live / serverPerSecond / year, serverPerSecond, codes / live / addressPerSecond / year);
        } finally {
            release(logged, LookupGuard.class);
        }
    }

    /** A session of the tiny pack in negotiation: the trainer and two players. */
    private record Negotiation(Wire trainer, Wire manager, Wire union, String unionToken) implements AutoCloseable {
        static Negotiation start(ServerFixture f) throws IOException {
            Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
            Wire manager = Wire.connect("manager", f.port(), null);
            Wire union = Wire.connect("union", f.port(), null);
            String code = create(trainer, "tiny").getJoinCode();
            join(manager, code, "Mo", "manager");
            String token = join(union, code, "Uma", "union").getResumeToken();
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);
            return new Negotiation(trainer, manager, union, token);
        }

        @Override
        public void close() {
            List.of(trainer, manager, union).forEach(Wire::close);
        }
    }

    @Test
    void aFloodOfLongPrivateTellsWithRepeatedRecipientsIsBoundedInWhatTheSessionKeeps() throws Exception {
        ServerConfig.Defences defaults = ServerConfig.Defences.defaults();
        try (ServerFixture f = new ServerFixture(data, generous());
             Negotiation n = Negotiation.start(f)) {
            // The attack of the issue: a private tell naming its recipient 6,000 times, about 50 KB a frame.
            Tell.Builder tell = Tell.newBuilder().addAllToCharacterIds(Collections.nCopies(6_000, "union"))
                    .setText("x".repeat(1_900));
            int frameBytes = cmd().setTell(tell).build().getSerializedSize();
            acked(n.manager(), cmd().setTell(tell));
            ServerMessage heard = n.union().await(m -> m.hasTalk() && m.getTalk().getPrivate());
            assertThat(heard.getTalk().getToCharacterIdsList()).as("the same character twice hears it once").containsExactly("union");
            int storedBytes = heard.getTalk().getSerializedSize();

            // An offer naming the same recipient twice could never be accepted: refused.
            ServerMessage twice = n.manager().request(cmd().setMakeOffer(MakeOffer.newBuilder()
                    .addToCharacterIds("union").addToCharacterIds("union").addPromise(set("overtime", true))));
            assertThat(twice.getError().getCode()).isEqualTo(ErrorCode.INVALID_OFFER);
            assertThat(twice.getError().getMessage()).contains("union is named twice");

            // The flood: the same tell until the session will keep no more of this character's talk.
            int accepted = 1;
            ServerMessage last = null;
            for (int i = 0; i < 1_000; i++) {
                last = n.manager().request(cmd().setTell(tell));
                if (last.hasError()) {
                    break;
                }
                accepted++;
            }
            assertThat(last.getError().getCode()).isEqualTo(ErrorCode.TALK_LIMIT_REACHED);
            assertThat(last.getError().getMessage()).contains("one character");
            assertThat((long) accepted * storedBytes).isLessThanOrEqualTo(defaults.talkBytesPerCharacter());
            // Others still talk.
            acked(n.union(), cmd().setSay(Say.newBuilder().setText("Shall we get on?")));

            // The victim comes back: its catch-up holds what the session kept, well under the slow-reader limit.
            n.union().close();
            try (Wire back = Wire.connect("union-back", f.port(), null)) {
                ServerMessage resumed = resume(back, n.unionToken());
                assertThat(resumed.hasSessionJoined()).as("%s", resumed).isTrue();
                board(back); // answered after the catch-up, by the same actor
                long catchUpBytes = 0;
                for (byte[] frame : back.rawFrames()) {
                    catchUpBytes += frame.length;
                }
                assertThat(catchUpBytes).isLessThan(generous().outboundBufferBytes());
                assertThat(back.closedByServer()).isFalse();
                System.out.printf("RedTeam amplification: a tell naming its recipient 6,000 times (%,d bytes a frame) is"
                                + " stored as %,d bytes (before: the whole list); %d such tells accepted, then"
                                + " TALK_LIMIT_REACHED at %d KiB for the character (before: unbounded, 305 x 6,000 accepted);"
                                + " the victim's catch-up on resume %,d bytes (before: 15 MB, cut off as a slow reader)%n",
                        frameBytes, storedBytes, accepted, defaults.talkBytesPerCharacter() / 1024, catchUpBytes);
            }
        }
    }

    @Test
    void aFloodJustOverTheRateIsDisconnectedThoughSomeCommandsGetThrough() throws Exception {
        // 20 a second with bursts of 40, as by default; the flood sends 60 a second, paced.
        ServerConfig.Limits limits = new ServerConfig.Limits(64 * 1024, 2_000, 20, 40, 12, 20, 30, 64, 1024 * 1024);
        try (ServerFixture f = new ServerFixture(data, limits);
             Wire flood = Wire.connect("flood", f.port(), null)) {
            long t0 = System.nanoTime();
            int sent = 0;
            try {
                while (!flood.closedByServer() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
                    flood.send(cmd().setRequestId(flood.nextRequestId()).setPing(Ping.newBuilder().setNonce(sent)).build());
                    sent++;
                    Thread.sleep(1000 / 60);
                }
            } catch (IOException e) {
                // the server hung up
            }
            assertThat(flood.awaitClosed(Duration.ofSeconds(10))).as("the flood is disconnected").isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long pongs = flood.received().stream().filter(ServerMessage::hasPong).count();
            long limited = flood.received().stream().filter(m -> m.getError().getCode() == ErrorCode.RATE_LIMITED).count();
            assertThat(pongs).as("commands got through between the refusals").isGreaterThan(40);
            ServerMessage last = flood.received().get(flood.received().size() - 1);
            assertThat(last.getError().getMessage()).contains("disconnected");
            System.out.printf("RedTeam sustained flood: about 60 commands a second against 20/s: %d sent, %d answered,"
                            + " %d refused, disconnected after %.1f s (before: never, as each granted command reset"
                            + " the count of refusals)%n", sent, pongs, limited, seconds);
        }
    }

    @Test
    void aFrameTrickledAByteAtATimeIsClosedAtTheDeadline() throws Exception {
        ServerConfig.Defences d = ServerConfig.Defences.defaults();
        Duration deadline = Duration.ofSeconds(2);
        ServerConfig.Defences quick = new ServerConfig.Defences(d.failedLookupsPerAddressPerMinute(),
                d.failedLookupsPerMinute(), d.refusalsPerWindow(), d.refusalWindow(), deadline,
                d.trainerMaxFrameBytes(), d.talkBytesPerCharacter(), d.talkBytesPerSession(), d.logLinesPerAddressPerSecond());
        try (ServerFixture f = new ServerFixture(data, generous(), quick);
             Wire trickle = Wire.connect("trickle", f.port(), null)) {
            byte[] frame = FuzzTest.honest(cmd().setRequestId(9).setSay(Say.newBuilder().setText("slowly ".repeat(30)))
                    .build().toByteArray());
            long t0 = System.nanoTime();
            int sentBytes = 0;
            try {
                // A byte every 500 ms: each is activity, so the idle timeout (30 s here) never fires.
                for (; sentBytes < frame.length && !trickle.closedByServer(); sentBytes++) {
                    trickle.sendRaw(new byte[] {frame[sentBytes]});
                    Thread.sleep(500);
                }
            } catch (IOException e) {
                // closed
            }
            assertThat(trickle.awaitClosed(Duration.ofSeconds(10))).isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(sentBytes).isLessThan(frame.length);
            assertThat(trickle.sawError(ErrorCode.LIMIT_REACHED)).isTrue();
            System.out.printf("RedTeam trickle: a %d-byte frame sent a byte every 500 ms, closed after %d bytes and"
                            + " %.1f s with a %d s deadline (default %d s; before: open forever)%n",
                    frame.length, sentBytes, seconds, deadline.toSeconds(), d.frameDeadline().toSeconds());
        }
    }

    /** Connections from one address that each send a malformed frame and go: the log lines they cause. */
    private static int logLinesFromChurn(ServerFixture f, int connections) throws Exception {
        ListAppender<ILoggingEvent> logged = capture(ConnectionHandler.class, SourceLog.class);
        try {
            for (int i = 0; i < connections; i++) {
                try (Wire w = Wire.raw("churn-" + i, f.port())) {
                    w.sendRaw(new byte[] {3, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                    w.awaitClosed(Duration.ofSeconds(5));
                }
            }
            Thread.sleep(200); // the last disconnection is logged on the server's own time
            return logged.list.size();
        } finally {
            release(logged, ConnectionHandler.class, SourceLog.class);
        }
    }

    @Test
    void churningConnectionsCannotFloodTheLog() throws Exception {
        int connections = 300;
        int before;
        try (ServerFixture open = new ServerFixture(data.resolve("open"), generous(), wideOpen())) {
            before = logLinesFromChurn(open, connections);
        }
        try (ServerFixture f = new ServerFixture(data.resolve("guarded"), generous())) {
            long t0 = System.nanoTime();
            int after = logLinesFromChurn(f, connections);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int allowed = ServerConfig.Defences.LOG_BURST
                    + (int) Math.ceil(seconds * ServerConfig.Defences.defaults().logLinesPerAddressPerSecond());
            // each permitted line may carry one line counting what was dropped before it
            assertThat(after).isLessThanOrEqualTo(2 * allowed);
            assertThat(before).isGreaterThan(2 * connections);
            System.out.printf("RedTeam log flood: %d connections from one address, each a malformed frame, in %.1f s:"
                    + " before %d log lines, after %d (the rest counted as dropped)%n", connections, seconds, before, after);
        }
    }
}
