package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad client at a time (a flood, an oversized frame, a client that never reads, too many
 * connections) gets its error or its disconnection, while a scripted session on other
 * connections plays to the end at the same time, unharmed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LimitsTest {
    @TempDir
    Path data;

    static ServerConfig.Limits limits(int commandsPerSecond, int burst, int maxConnections) {
        // frame 4 KiB, text 500 chars, 12 offers a minute, 20 sessions, 30 per session, outbound buffer 64 KiB
        return new ServerConfig.Limits(4096, 500, commandsPerSecond, burst, 12, 20, 30, maxConnections, 64 * 1024);
    }

    /** A session of the tiny pack on four connections of its own, played in the background. */
    static final class Scripted implements AutoCloseable {
        final Wire trainer;
        final Wire manager;
        final Wire carers;
        final Wire union;
        final String code;
        long slowestReplyMs;

        Scripted(ServerFixture f) throws IOException {
            trainer = Wire.connect("scripted-trainer", f.port(), f.server.trainerSecret());
            manager = Wire.connect("scripted-manager", f.port(), null);
            carers = Wire.connect("scripted-carers", f.port(), null);
            union = Wire.connect("scripted-union", f.port(), null);
            code = create(trainer, "tiny").getJoinCode();
            join(manager, code, "Mo", "manager");
            join(carers, code, "Cat", "carers");
            join(union, code, "Uma", "union");
        }

        private ServerMessage timed(Wire w, ClientMessage.Builder c) throws IOException {
            long t0 = System.nanoTime();
            ServerMessage r = w.request(c);
            slowestReplyMs = Math.max(slowestReplyMs, (System.nanoTime() - t0) / 1_000_000);
            assertThat(r.hasAck()).as("%s: %s", w.name(), r).isTrue();
            return r;
        }

        /** Plays the negotiation (several rounds of moves, paced like people) and the moment of truth. */
        CompletableFuture<Void> playInBackground(int rounds) {
            return CompletableFuture.runAsync(() -> {
                try {
                    timed(trainer, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.BRIEFING)));
                    timed(trainer, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.NEGOTIATION)));
                    for (int i = 0; i < rounds; i++) {
                        timed(union, cmd().setSay(Say.newBuilder().setText("round " + i)));
                        timed(carers, cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("late", i % 2 == 0))));
                        timed(manager, cmd().setTell(Tell.newBuilder().addToCharacterIds("union").setText("psst " + i)));
                        Thread.sleep(50);
                    }
                    timed(carers, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager")
                            .addAsk(set("late", true)).addPromise(set("protest", false))));
                    manager.await(m -> m.hasOffer() && m.getOffer().getOffer().getStatus() == Offer.Status.PENDING);
                    String id = manager.await(m -> m.hasOffer()).getOffer().getOffer().getOfferId();
                    timed(manager, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId(id)
                            .setResponse(RespondToOffer.Response.ACCEPT)));
                    timed(trainer, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.MOMENT_OF_TRUTH)));
                    timed(manager, commit(set("late", true), set("overtime", true)));
                    timed(carers, commit(set("protest", false)));
                    timed(union, commit(set("refuse", false)));
                    for (Wire w : List.of(trainer, manager, carers, union)) {
                        w.await(ServerMessage::hasOutcome);
                        assertThat(w.closedByServer()).isFalse();
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() {
            List.of(trainer, manager, carers, union).forEach(Wire::close);
        }
    }

    @Test
    void aFloodIsRateLimitedThenDisconnectedWhileASessionPlaysOn() throws Exception {
        try (ServerFixture f = new ServerFixture(data, limits(20, 40, 64));
             Scripted scripted = new Scripted(f);
             Wire flood = Wire.connect("flood", f.port(), null)) {
            CompletableFuture<Void> play = scripted.playInBackground(15);
            int sent = 0;
            try {
                for (int i = 0; i < 5_000 && !flood.closedByServer(); i++) {
                    flood.send(ClientMessage.newBuilder().setRequestId(1000 + i).setPing(Ping.newBuilder().setNonce(i)).build());
                    sent++;
                }
            } catch (IOException e) {
                // the server hung up mid-flood
            }
            assertThat(flood.awaitClosed(Duration.ofSeconds(20))).as("the flooder is disconnected").isTrue();
            long limited = flood.received().stream().filter(m -> m.hasError() && m.getError().getCode() == ErrorCode.RATE_LIMITED).count();
            long pongs = flood.received().stream().filter(ServerMessage::hasPong).count();
            assertThat(limited).isGreaterThan(10);
            assertThat(pongs).as("about the burst gets through, not the flood").isLessThan(200);
            ServerMessage last = flood.received().get(flood.received().size() - 1);
            assertThat(last.getError().getCode()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(last.getError().getMessage()).contains("disconnected");
            play.get(60, TimeUnit.SECONDS);
            System.out.printf("LimitsTest flood: %d pings sent, %d answered, %d RATE_LIMITED, then disconnected;"
                    + " the scripted session's slowest reply %d ms%n", sent, pongs, limited, scripted.slowestReplyMs);
        }
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItIsReadWhileASessionPlaysOn() throws Exception {
        try (ServerFixture f = new ServerFixture(data, limits(20, 40, 64));
             Scripted scripted = new Scripted(f);
             Wire big = Wire.connect("big", f.port(), null)) {
            CompletableFuture<Void> play = scripted.playInBackground(10);
            // A 64 MiB frame announced; only its first 64 KiB are sent. The server answers on the prefix.
            byte[] prefix = FuzzTest.varint(64 * 1024 * 1024);
            big.sendRaw(prefix);
            try {
                big.sendRaw(new byte[64 * 1024]);
            } catch (IOException e) {
                // already closed: fine
            }
            assertThat(big.awaitClosed(Duration.ofSeconds(20))).isTrue();
            assertThat(big.sawError(ErrorCode.LIMIT_REACHED)).isTrue();
            // A frame just over the limit, sent whole, after hello on a new connection: the same.
            try (Wire over = Wire.connect("over", f.port(), null)) {
                over.sendRaw(FuzzTest.honest(Say.newBuilder().setText("x".repeat(5000)).build().toByteArray()));
                assertThat(over.awaitClosed(Duration.ofSeconds(20))).isTrue();
                assertThat(over.sawError(ErrorCode.LIMIT_REACHED)).isTrue();
            }
            // Text over the message limit in a frame under the frame limit: refused, connection kept.
            ServerMessage tooLong = scripted.union.request(cmd().setSay(Say.newBuilder().setText("y".repeat(600))));
            assertThat(tooLong.getError().getCode()).isIn(ErrorCode.TEXT_TOO_LONG, ErrorCode.WRONG_PHASE);
            play.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatNeverReadsIsCutOffWithoutSlowingTheOthers() throws Exception {
        // Three players talk and move at their allowed rate; each move is a big board and long talk
        // to everyone. One player never reads: its buffers fill and it is cut off, nobody else is.
        try (ServerFixture f = new ServerFixture(data, limits(60, 60, 64));
             Scripted scripted = new Scripted(f);
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
            String code = create(trainer, "community-safety").getJoinCode();
            List<Wire> spammers = new ArrayList<>();
            for (String c : List.of("council", "chair", "youth")) {
                Wire w = Wire.connect("spammer-" + c, f.port(), null);
                join(w, code, c, c);
                spammers.add(w);
            }
            // The slow reader: a tiny receive window, says hello and joins, then never reads again.
            Socket slow = new Socket();
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress("127.0.0.1", f.port()));
            ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
                    .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)).build().writeDelimitedTo(slow.getOutputStream());
            ClientMessage.newBuilder().setRequestId(2).setJoin(Join.newBuilder().setJoinCode(code).setDisplayName("Sleepy")
                    .setCharacterId("police")).build().writeDelimitedTo(slow.getOutputStream());
            ServerMessage joined = trainer.await(m -> m.hasParticipant()
                    && m.getParticipant().getParticipant().getDisplayName().equals("Sleepy"));
            String sleepy = joined.getParticipant().getParticipant().getParticipantId();
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);

            CompletableFuture<Void> play = scripted.playInBackground(15);
            String text = "Loud and long: ".repeat(40).substring(0, 480);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger pushed = new java.util.concurrent.atomic.AtomicInteger();
            List<CompletableFuture<Void>> spam = new ArrayList<>();
            for (Wire w : spammers) {
                spam.add(CompletableFuture.runAsync(() -> {
                    try {
                        for (int i = 0; !stop.get(); i++) {
                            // 2 commands every 50 ms: 40 a second, under the limit of 60, paced like a fast client.
                            w.send(ClientMessage.newBuilder().setRequestId(w.nextRequestId())
                                    .setSay(Say.newBuilder().setText(text + i)).build());
                            w.send(ClientMessage.newBuilder().setRequestId(w.nextRequestId())
                                    .setSetPosition(SetPosition.newBuilder().addSettings(set("pspo", i % 2 == 0))).build());
                            pushed.addAndGet(2);
                            Thread.sleep(50);
                        }
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            long t0 = System.nanoTime();
            long slowestPing = 0;
            try {
                while (!trainer.saw(m -> m.hasParticipant() && m.getParticipant().getChange() == ParticipantEvent.Change.LEFT
                        && m.getParticipant().getParticipant().getParticipantId().equals(sleepy))) {
                    assertThat(System.nanoTime() - t0).as("the slow reader was never cut off").isLessThan(TimeUnit.SECONDS.toNanos(60));
                    // Meanwhile a reader in the same session is served promptly.
                    long p0 = System.nanoTime();
                    ok(trainer.request(cmd().setPing(Ping.newBuilder().setNonce(1))));
                    slowestPing = Math.max(slowestPing, (System.nanoTime() - p0) / 1_000_000);
                    Thread.sleep(100);
                }
            } finally {
                stop.set(true);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (CompletableFuture<Void> s : spam) {
                s.get(20, TimeUnit.SECONDS);
            }
            // The slow reader's socket ends (after whatever was in flight) instead of hanging forever.
            slow.setSoTimeout(20_000);
            InputStream in = slow.getInputStream();
            long drained = 0;
            byte[] buf = new byte[64 * 1024];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    drained += n;
                }
            } catch (java.net.SocketException e) {
                // reset by the server: closed too
            }
            slow.close();
            play.get(60, TimeUnit.SECONDS);
            for (Wire w : spammers) {
                assertThat(w.closedByServer()).as("%s reads, and stays", w.name()).isFalse();
                assertThat(w.sawError(ErrorCode.RATE_LIMITED)).as("%s stayed within the rate", w.name()).isFalse();
                w.close();
            }
            assertThat(trainer.closedByServer()).isFalse();
            assertThat(slowestPing).as("the trainer's slowest ping while the spam flowed, ms").isLessThan(5_000);
            System.out.printf("LimitsTest slow reader: cut off after %d commands of spam in %.1f s (%d bytes had reached"
                    + " it); the trainer's slowest ping %d ms, the scripted session's slowest reply %d ms%n",
                    pushed.get(), seconds, drained, slowestPing, scripted.slowestReplyMs);
        }
    }

    private static ServerMessage firstMessage(Wire w, Duration wait) {
        try {
            return w.await(m -> true, wait);
        } catch (AssertionError e) {
            return w.received().isEmpty() ? null : w.received().get(0);
        }
    }

    @Test
    void tooManyConnectionsFromOneAddressAreRefusedWhileASessionPlaysOn() throws Exception {
        int max = 10;
        try (ServerFixture f = new ServerFixture(data, limits(20, 40, max));
             Scripted scripted = new Scripted(f)) {
            CompletableFuture<Void> play = scripted.playInBackground(10);
            List<Wire> extra = new ArrayList<>();
            Wire refused = null;
            try {
                for (int i = 0; i < 2 * max; i++) {
                    Wire w = Wire.raw("extra-" + i, f.port());
                    extra.add(w);
                    // A connection over the limit is told so at once, before it says anything.
                    ServerMessage first = firstMessage(w, Duration.ofMillis(500));
                    if (first == null && !w.closedByServer()) {
                        try {
                            w.send(ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
                                    .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)).build());
                        } catch (IOException e) {
                            // refused meanwhile
                        }
                        first = firstMessage(w, Duration.ofSeconds(10));
                    }
                    assertThat(first).as("connection %d got an answer", i).isNotNull();
                    if (first.hasError()) {
                        assertThat(first.getError().getCode()).isEqualTo(ErrorCode.LIMIT_REACHED);
                        assertThat(w.awaitClosed(Duration.ofSeconds(10))).isTrue();
                        refused = w;
                        break;
                    }
                    assertThat(first.hasWelcome()).isTrue();
                }
                assertThat(refused).as("a connection over the limit was refused").isNotNull();
                // The scripted session's 4 connections count too: the limit is per address.
                assertThat(extra.size()).isEqualTo(max - 4 + 1);
                // Closing one frees a place.
                extra.get(0).close();
                boolean admitted = false;
                for (int attempt = 0; attempt < 50 && !admitted; attempt++) {
                    Thread.sleep(100); // the server notices the close on its own time
                    try (Wire again = Wire.raw("again", f.port())) {
                        again.send(ClientMessage.newBuilder().setRequestId(1).setHello(Hello.newBuilder()
                                .setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT)).build());
                        ServerMessage first = firstMessage(again, Duration.ofSeconds(10));
                        admitted = first != null && first.hasWelcome();
                    } catch (IOException e) {
                        // still full: refused before the hello could be written
                    }
                }
                assertThat(admitted).as("a place freed by a close is given to the next connection").isTrue();
            } finally {
                extra.forEach(Wire::close);
            }
            play.get(60, TimeUnit.SECONDS);
            System.out.printf("LimitsTest connections: %d open from 127.0.0.1 (limit %d), the next one refused with LIMIT_REACHED%n",
                    max, max);
        }
    }
}
