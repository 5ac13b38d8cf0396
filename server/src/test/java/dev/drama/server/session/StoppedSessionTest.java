package dev.drama.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.proto.AdvancePhase;
import dev.drama.proto.ClientMessage;
import dev.drama.proto.ErrorCode;
import dev.drama.proto.ExportDebrief;
import dev.drama.proto.GetBoard;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.Phase;
import dev.drama.proto.Role;
import dev.drama.proto.Say;
import dev.drama.proto.ServerMessage;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.journal.ForwardingChannel;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.SessionHistory;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose journal cannot be written (a full disk, injected): it stops taking
 * changes, joins included, with a clear error, still answers reads, and when the disk
 * works again saves what it held back, acknowledges it, and goes on by itself. A restart
 * finds exactly what was acknowledged.
 */
class StoppedSessionTest {
    @TempDir
    Path dir;
    private PackRegistry packs;
    private DefaultEventExecutorGroup executors;
    private volatile boolean diskFull;
    private final AtomicInteger refusedWrites = new AtomicInteger();

    @BeforeEach
    void start() {
        packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        executors = new DefaultEventExecutorGroup(1);
    }

    @AfterEach
    void stop() {
        executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        packs.close();
    }

    @Test
    void aStoppedSessionRefusesChangesAnswersReadsAndResumesWhenTheDiskDoes() throws Exception {
        Path sessions = dir.resolve("sessions");
        String sessionId;
        Path logDir = dir.resolve("log");
        try (Journal journal = new Journal(logDir, 1 << 20, true, (path, options, attributes) ->
                new FullDisk(FileChannel.open(path, options, attributes)))) {
            SessionRegistry registry = registry(sessions, journal);
            Session session = registry.open("tiny");
            sessionId = session.id();
            Client trainer = new Client();
            Client cat = new Client();
            Participant t = join(session, trainer, "Trainer", Role.TRAINER, "");
            Participant c = join(session, cat, "Cat", Role.TRAINEE, "carers");
            trainer.acked(session, t, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.BRIEFING)));
            trainer.acked(session, t, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.NEGOTIATION)));
            cat.acked(session, c, say("before the disk filled"));

            diskFull = true;
            long heldBack = cat.send(session, c, say("as the disk filled"));
            trainer.await(m -> m.hasNotice() && m.getNotice().getText().contains("cannot save"));
            assertThat(cat.reply(heldBack)).as("not acknowledged while it is not on disk").isNull();

            // Changes are refused, joins and watches too, with the code and a sentence that says why.
            ServerMessage refused = cat.request(session, c, say("while full"));
            assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.SESSION_STOPPED);
            assertThat(refused.getError().getMessage()).contains("cannot save", "resumes by itself");
            assertThat(trainer.request(session, t, cmd().setAdvancePhase(AdvancePhase.newBuilder().setTo(Phase.MOMENT_OF_TRUTH)))
                    .getError().getCode()).isEqualTo(ErrorCode.SESSION_STOPPED);
            Client dan = new Client();
            session.join(dan, 7, "Dan", Role.TRAINEE, "union", "", 0, p -> { });
            assertThat(dan.await(m -> m.getRequestId() == 7).getError().getCode()).isEqualTo(ErrorCode.SESSION_STOPPED);
            Client obi = new Client();
            session.join(obi, 8, "Obi", Role.OBSERVER, "", "", 0, p -> { });
            assertThat(obi.await(m -> m.getRequestId() == 8).getError().getCode()).isEqualTo(ErrorCode.SESSION_STOPPED);

            // Reads still work: the board, the debrief export, and a player coming back on a new connection.
            assertThat(cat.request(session, c, cmd().setGetBoard(GetBoard.getDefaultInstance())).hasBoard()).isTrue();
            assertThat(trainer.request(session, t, cmd().setExportDebrief(ExportDebrief.newBuilder()
                    .setFormat(ExportDebrief.Format.MARKDOWN))).hasDebrief()).isTrue();
            Client catAgain = new Client();
            String catsToken = cat.await(ServerMessage::hasSessionJoined).getSessionJoined().getResumeToken();
            session.resume(c.id(), catsToken, false, 0, catAgain, 9, p -> { });
            assertThat(catAgain.await(m -> m.getRequestId() == 9).hasSessionJoined()).isTrue();

            // The session keeps trying with growing pauses; when the disk works again it saves and goes on.
            await().atMost(Duration.ofSeconds(10)).until(() -> refusedWrites.get() >= 3);
            int triesWhileFull = refusedWrites.get();
            diskFull = false;
            trainer.await(m -> m.hasNotice() && m.getNotice().getText().contains("saving again"));
            assertThat(cat.await(m -> m.getRequestId() == heldBack).hasAck()).as("acknowledged once saved").isTrue();
            catAgain.acked(session, c, say("after the disk came back"));
            System.out.printf("stopped session: %d writes refused by the full disk while it retried; "
                    + "the held-back move was acknowledged once saved; 4 changes refused with SESSION_STOPPED, "
                    + "3 reads answered%n", triesWhileFull);
        }

        // A restart finds every acknowledged move, in order, and none of the refused ones.
        SessionHistory onDisk = SessionHistory.read(sessions, logDir, sessionId);
        assertThat(onDisk.loss()).isEmpty();
        assertThat(talk(onDisk.records())).containsExactly("before the disk filled", "as the disk filled",
                "after the disk came back");
        assertThat(onDisk.records()).noneMatch(r -> r.hasParticipantJoined()
                && List.of("Dan", "Obi").contains(r.getParticipantJoined().getDisplayName()));
        try (Journal journal = new Journal(logDir, 1 << 20)) {
            assertThat(journal.recovered().damages()).as("what the failed writes left was cut off").isEmpty();
            SessionRegistry registry = registry(sessions, journal);
            assertThat(registry.recover()).isEqualTo(1);
            Session back = registry.byJoinCode(registry.summaries().get(0).getJoinCode()).orElseThrow();
            assertThat(SessionProbe.records(back)).isEqualTo(onDisk.records());
            assertThat(back.summary().getPhase()).isEqualTo(Phase.NEGOTIATION);
        }
    }

    private SessionRegistry registry(Path sessions, Journal journal) {
        return new SessionRegistry(sessions, journal, executors, packs, System::currentTimeMillis,
                ServerConfig.builder().dataDir(dir).build());
    }

    private static Participant join(Session session, Client client, String name, Role role, String character) {
        AtomicReference<Participant> seat = new AtomicReference<>();
        session.join(client, 0, name, role, character, "", 0, seat::set);
        client.await(ServerMessage::hasSessionJoined);
        return seat.get();
    }

    private static ClientMessage.Builder cmd() {
        return ClientMessage.newBuilder();
    }

    private static ClientMessage.Builder say(String text) {
        return cmd().setSay(Say.newBuilder().setText(text));
    }

    private static List<String> talk(List<JournalRecord> records) {
        return records.stream().filter(JournalRecord::hasTalkSent).map(r -> r.getTalkSent().getTalk().getText()).toList();
    }

    /** A connection, as the session sees it: it keeps what it is sent. */
    private static final class Client implements Recipient {
        private final List<ServerMessage> received = new ArrayList<>();
        private long nextId = 100;

        @Override
        public synchronized void send(ServerMessage message) {
            received.add(message);
        }

        @Override
        public void close() {
        }

        synchronized long send(Session session, Participant who, ClientMessage.Builder command) {
            long id = nextId++;
            session.submit(who, command.setRequestId(id).build(), this);
            return id;
        }

        ServerMessage request(Session session, Participant who, ClientMessage.Builder command) {
            long id = send(session, who, command);
            return await(m -> m.getRequestId() == id);
        }

        void acked(Session session, Participant who, ClientMessage.Builder command) {
            ServerMessage reply = request(session, who, command);
            assertThat(reply.hasAck()).as("%s answered %s", command.getCommandCase(), reply).isTrue();
        }

        synchronized ServerMessage reply(long id) {
            return received.stream().filter(m -> m.getRequestId() == id).findFirst().orElse(null);
        }

        ServerMessage await(Predicate<ServerMessage> test) {
            return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        synchronized (this) {
                            return received.stream().filter(test).findFirst().orElse(null);
                        }
                    }, m -> m != null);
        }
    }

    /** A log segment on a disk that fills up and empties on the test's word: writes and fsyncs fail while it is full. */
    private final class FullDisk extends ForwardingChannel {
        FullDisk(FileChannel file) {
            super(file);
        }

        private void checkSpace() throws IOException {
            if (diskFull) {
                refusedWrites.incrementAndGet();
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (diskFull) {
                // Half the bytes land before the disk fills, as they would for real: the retry must cut them off.
                ByteBuffer half = src.slice();
                half.limit(src.remaining() / 2);
                file.write(half);
            }
            checkSpace();
            return file.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (diskFull && length > 0) {
                return write(srcs[offset]); // half of it lands, then the disk is full
            }
            return file.write(srcs, offset, length);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkSpace();
            file.force(metaData);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            checkSpace();
            return file.transferFrom(src, position, count);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            checkSpace();
            return file.write(src, position);
        }
    }
}
