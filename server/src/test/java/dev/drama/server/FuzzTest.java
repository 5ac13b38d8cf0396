package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.drama.proto.*;
import dev.drama.server.net.EmbeddedPipeline;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Seeded random and mutated frames: most through the connection pipeline on EmbeddedChannels
 * (no exception escapes, nothing answers INTERNAL), the rest against a real server from seated
 * players, a trainer and strangers, after which the fuzzed session still answers, a scripted
 * session on other connections completes, and a restarted server replays whatever the fuzz
 * got into the journal. {@code -Dfuzz.seed=N}, {@code -Dfuzz.inputs=N}.
 */
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 6L);
    static final int PIPELINE_INPUTS = Integer.getInteger("fuzz.inputs", 100_000);
    static final int PER_SEAT = Integer.getInteger("fuzz.perSeat", 2_500);

    @TempDir
    Path data;
    private Level before;

    @BeforeEach
    void quiet() {
        // Every malformed frame is logged as a warning: 100,000 of them would be the whole run.
        Logger log = (Logger) LoggerFactory.getLogger("dev.drama.server");
        before = log.getLevel();
        log.setLevel(Level.ERROR);
    }

    @AfterEach
    void loud() {
        ((Logger) LoggerFactory.getLogger("dev.drama.server")).setLevel(before);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedFramesThroughThePipeline() {
        Mutator mutator = new Mutator(SEED);
        List<ClientMessage> corpus = Mutator.corpus();
        Map<ErrorCode, Integer> errors = new EnumMap<>(ErrorCode.class);
        int inputs = 0;
        int channels = 0;
        int closed = 0;
        long began = System.nanoTime();
        try (EmbeddedPipeline pipeline = new EmbeddedPipeline()) {
            while (inputs < PIPELINE_INPUTS) {
                EmbeddedChannel ch = pipeline.channel(64 * 1024, 1_000_000, 1_000_000);
                channels++;
                Hello.Builder hello = Hello.newBuilder().setProtocolVersion(ProtocolVersion.PROTOCOL_VERSION_CURRENT);
                if (mutator.random().nextInt(4) == 0) {
                    hello.setTrainerSecret(pipeline.trainerSecret());
                }
                if (mutator.random().nextInt(10) != 0) { // now and then the very first frame is the fuzz
                    ch.writeInbound(Unpooled.wrappedBuffer(PipelineFrames.delimited(
                            ClientMessage.newBuilder().setRequestId(1).setHello(hello).build())));
                }
                int perChannel = 1 + mutator.random().nextInt(100);
                for (int i = 0; i < perChannel && ch.isOpen() && inputs < PIPELINE_INPUTS; i++) {
                    byte[] body = mutator.mutate(corpus);
                    // Most inputs are mutations that still parse, so that connections live long enough to
                    // reach the lobby's handling; one in twelve is whatever the mutation made (which mostly
                    // ends the connection), and one in twelve is badly framed.
                    boolean anything = mutator.random().nextInt(12) == 0;
                    for (int retry = 0; retry < 20 && !anything && !parses(body); retry++) {
                        body = mutator.mutate(corpus);
                    }
                    byte[] bytes = mutator.random().nextInt(12) == 0 ? mutator.frame(body) : honest(body);
                    // Split the input at a random point now and then: framing must not care.
                    if (bytes.length > 1 && mutator.random().nextInt(4) == 0) {
                        int cut = 1 + mutator.random().nextInt(bytes.length - 1);
                        ch.writeInbound(Unpooled.copiedBuffer(bytes, 0, cut));
                        if (ch.isOpen()) { // a closed socket delivers nothing more
                            ch.writeInbound(Unpooled.copiedBuffer(bytes, cut, bytes.length - cut));
                        }
                    } else {
                        ch.writeInbound(Unpooled.wrappedBuffer(bytes)); // throws if an exception escaped the pipeline
                    }
                    inputs++;
                }
                ch.runPendingTasks();
                for (ServerMessage m : EmbeddedPipeline.written(ch)) {
                    if (m.hasError()) {
                        errors.merge(m.getError().getCode(), 1, Integer::sum);
                    }
                }
                if (!ch.isOpen()) {
                    closed++;
                }
                ch.checkException();
                ch.finishAndReleaseAll();
            }
        }
        System.out.printf("FuzzTest pipeline (seed %d): %d inputs on %d connections (%d closed by the server) in %.1f s;"
                + " errors answered: %s%n", SEED, inputs, channels, closed, (System.nanoTime() - began) / 1e9, errors);
        assertThat(inputs).isGreaterThanOrEqualTo(PIPELINE_INPUTS);
        assertThat(errors).as("no input made the server fail").doesNotContainKey(ErrorCode.INTERNAL);
        assertThat(errors).containsKeys(ErrorCode.MALFORMED_COMMAND, ErrorCode.NOT_IN_SESSION);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedCommandsFromInsideASessionOverLoopback() throws Exception {
        Mutator mutator = new Mutator(SEED + 1);
        ServerConfig.Limits generous = new ServerConfig.Limits(64 * 1024, 2_000, 1_000_000, 1_000_000, 1_000_000,
                200, 30, 500, 4 * 1024 * 1024);
        long began = System.nanoTime();
        int sent = 0;
        int reconnected;
        String fuzzedCode;
        String fuzzedId;
        Phase phaseAfterFuzz;
        int recordsAfterFuzz;
        try (ServerFixture f = new ServerFixture(data, generous)) {
            Wire trainer = Wire.connect("fuzz-trainer", f.port(), f.server.trainerSecret());
            SessionJoined s = create(trainer, "tiny");
            fuzzedCode = s.getJoinCode();
            fuzzedId = s.getSessionId();
            List<String> tokens = new ArrayList<>();
            List<Wire> seats = new ArrayList<>();
            tokens.add(s.getResumeToken());
            seats.add(trainer);
            for (String c : List.of("manager", "carers", "union", "")) {
                Wire w = Wire.connect("fuzz-" + c, f.port(), null);
                tokens.add(join(w, fuzzedCode, c.isEmpty() ? "Nobody" : c, c).getResumeToken());
                seats.add(w);
            }
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);

            // Seated fuzzers, in parallel, pipelining without waiting for answers; a seat whose connection
            // the server closed (garbage is answered so) comes back with its token and goes on.
            List<Thread> threads = new ArrayList<>();
            int[] counts = new int[seats.size()];
            int[] reconnects = new int[seats.size()];
            List<Wire> finalSeats = new java.util.concurrent.CopyOnWriteArrayList<>(seats);
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                Mutator m = new Mutator(mutator.random().nextLong());
                List<ClientMessage> corpus = Mutator.inSessionCorpus();
                int index = i;
                Thread t = new Thread(() -> {
                    Wire w = finalSeats.get(index);
                    try {
                        while (counts[index] < PER_SEAT) {
                            if (w.closedByServer()) {
                                assertThat(w.sawError(ErrorCode.INTERNAL)).as("%s saw INTERNAL", w.name()).isFalse();
                                w.close();
                                w = Wire.connect(w.name(), f.port(), null);
                                ServerMessage back = resume(w, tokens.get(index));
                                finalSeats.set(index, w);
                                reconnects[index]++;
                                if (!back.hasSessionJoined()) {
                                    return; // the fuzzing trainer removed this seat: a fair end
                                }
                            }
                            byte[] body = m.mutate(corpus);
                            boolean parses;
                            try {
                                ClientMessage.parseFrom(body);
                                parses = true;
                            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                                parses = false;
                            }
                            // Mostly messages that parse (to reach the session), some that do not, a few badly framed.
                            if (!parses && m.random().nextInt(10) != 0) {
                                continue;
                            }
                            try {
                                w.sendRaw(m.random().nextInt(100) == 0 ? m.frame(body) : honest(body));
                            } catch (IOException e) {
                                w.awaitClosed(Duration.ofSeconds(5));
                            }
                            counts[index]++;
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "fuzz-seat-" + i);
                threads.add(t);
                t.start();
            }
            // Strangers: connections that send garbage from the first byte, or after hello.
            int strangers = 0;
            for (int i = 0; i < 60; i++) {
                try (Wire w = i % 2 == 0 ? Wire.raw("stranger", f.port()) : Wire.connect("stranger", f.port(), null)) {
                    for (int k = 0; k < 20 && !w.closedByServer(); k++) {
                        w.sendRaw(mutator.frame(mutator.mutate(Mutator.corpus())));
                        strangers++;
                    }
                    w.awaitClosed(Duration.ofMillis(50));
                } catch (IOException e) {
                    strangers++;
                }
            }
            for (Thread t : threads) {
                t.join(60_000);
                assertThat(t.isAlive()).isFalse();
            }
            if (!failures.isEmpty()) {
                throw new AssertionError("a fuzzing seat failed", failures.get(0));
            }
            reconnected = java.util.Arrays.stream(reconnects).sum();
            for (int c : counts) {
                sent += c;
            }
            sent += strangers;

            // Nobody was answered INTERNAL; a seat still open still gets answers (nothing is stuck).
            seats = new ArrayList<>(finalSeats);
            for (Wire w : seats) {
                assertThat(w.sawError(ErrorCode.INTERNAL)).as("%s saw INTERNAL", w.name()).isFalse();
                if (!w.closedByServer()) {
                    long id = w.nextRequestId();
                    try {
                        w.send(ClientMessage.newBuilder().setRequestId(id).setPing(Ping.newBuilder().setNonce(id)).build());
                    } catch (IOException e) {
                        // The server closed it after its last garbage, before this client noticed: an answer too.
                        w.awaitClosed(Duration.ofSeconds(5));
                        assertThat(w.closedByServer()).as("%s: %s", w.name(), e).isTrue();
                        continue;
                    }
                    try {
                        ServerMessage r = w.await(m -> m.getRequestId() == id, Duration.ofSeconds(30));
                        assertThat(r.hasPong() || r.hasError()).as("%s: %s", w.name(), r).isTrue();
                    } catch (AssertionError e) {
                        // Closed meanwhile (by the last garbage it sent): that is an answer too, never silence.
                        assertThat(w.closedByServer()).as("%s neither answered nor closed: %s", w.name(), e.getMessage()).isTrue();
                    }
                }
            }
            // The fuzzed session's actor still answers.
            try (Wire probe = Wire.connect("probe", f.port(), f.server.trainerSecret())) {
                ServerMessage attached = probe.request(cmd().setAttachTrainer(AttachTrainer.newBuilder().setJoinCode(fuzzedCode)));
                assertThat(attached.hasSessionJoined() || attached.hasError()).isTrue();
                SessionSummary summary = ok(probe.request(cmd().setListSessions(ListSessions.getDefaultInstance())))
                        .getSessions().getSessionsList().stream().filter(x -> x.getSessionId().equals(fuzzedId))
                        .findFirst().orElseThrow();
                phaseAfterFuzz = summary.getPhase();
            }
            recordsAfterFuzz = dev.drama.server.journal.SessionHistory.read(
                    data.resolve("sessions"), data.resolve("log"), fuzzedId).records().size();

            // Another session, on other connections, plays to the end as if nothing had happened.
            scriptedSession(f);
            seats.forEach(Wire::close);
        }
        // Whatever the fuzz got into the journal replays on a restart.
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("after", f.port(), f.server.trainerSecret())) {
            SessionSummary summary = ok(trainer.request(cmd().setListSessions(ListSessions.getDefaultInstance())))
                    .getSessions().getSessionsList().stream().filter(x -> x.getSessionId().equals(fuzzedId))
                    .findFirst().orElseThrow(() -> new AssertionError("the fuzzed session did not recover"));
            assertThat(summary.getPhase()).isEqualTo(phaseAfterFuzz);
            scriptedSession(f);
        }
        System.out.printf("FuzzTest loopback (seed %d): %d mutated inputs from 5 seats (%d times closed by the server"
                        + " and resumed) and 60 strangers; fuzzed session journaled %d records, recovered in phase %s; %.1f s%n",
                SEED + 1, sent, reconnected, recordsAfterFuzz, phaseAfterFuzz, (System.nanoTime() - began) / 1e9);
        assertThat(sent).isGreaterThan(5_000);
    }

    static boolean parses(byte[] body) {
        try {
            ClientMessage.parseFrom(body);
            return true;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    static byte[] honest(byte[] body) {
        return Mutator.concat(varint(body.length), body);
    }

    static byte[] varint(int value) {
        byte[] out = new byte[5];
        int n = 0;
        while ((value & ~0x7f) != 0) {
            out[n++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out[n++] = (byte) value;
        return java.util.Arrays.copyOf(out, n);
    }

    /** A short complete session: create, three players, one move each, the moment of truth, the reveal. */
    static void scriptedSession(ServerFixture f) throws IOException {
        try (Wire trainer = Wire.connect("scripted-trainer", f.port(), f.server.trainerSecret());
             Wire manager = Wire.connect("scripted-manager", f.port(), null);
             Wire carers = Wire.connect("scripted-carers", f.port(), null);
             Wire union = Wire.connect("scripted-union", f.port(), null)) {
            String code = create(trainer, "tiny").getJoinCode();
            join(manager, code, "Mo", "manager");
            join(carers, code, "Cat", "carers");
            join(union, code, "Uma", "union");
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);
            acked(carers, cmd().setMakeOffer(MakeOffer.newBuilder().addToCharacterIds("manager")
                    .addAsk(set("late", true)).addPromise(set("protest", false))));
            manager.await(ServerMessage::hasOffer);
            acked(manager, cmd().setRespondToOffer(RespondToOffer.newBuilder().setOfferId("o1")
                    .setResponse(RespondToOffer.Response.ACCEPT)));
            acked(union, cmd().setSay(Say.newBuilder().setText("fine by the staff")));
            advance(trainer, Phase.MOMENT_OF_TRUTH);
            acked(manager, commit(set("late", true), set("overtime", true)));
            acked(carers, commit(set("protest", false)));
            acked(union, commit(set("refuse", false)));
            for (Wire w : List.of(trainer, manager, carers, union)) {
                assertThat(w.await(ServerMessage::hasOutcome).getOutcome().getOutcomeList()).contains(set("late", true));
            }
        }
    }

    /** Delimited encoding, shared with the pipeline tests. */
    static final class PipelineFrames {
        static byte[] delimited(ClientMessage m) {
            return honest(m.toByteArray());
        }
    }
}
