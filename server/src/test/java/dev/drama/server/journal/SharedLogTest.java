package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drama.proto.JournalRecord;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.proto.SessionOpened;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's one log: group commit across sessions, segments rolled at their size, ended sessions moved out, recovery over segments. */
class SharedLogTest {
    @TempDir
    Path dir;

    private static JournalRecord opened(String sessionId) {
        return JournalRecord.newBuilder().setSeq(0).setAtEpochMs(1000).setSessionOpened(SessionOpened.newBuilder()
                .setSessionId(sessionId).setJoinCode("J" + sessionId).setPackId("tiny")).build();
    }

    private static JournalRecord talk(long seq, String text) {
        return JournalRecord.newBuilder().setSeq(seq).setAtEpochMs(1000 + seq).setTalkSent(TalkSent.newBuilder()
                .setTalk(Talk.newBuilder().setText(text))).build();
    }

    private static JournalRecord phase(long seq, Phase phase) {
        return JournalRecord.newBuilder().setSeq(seq).setAtEpochMs(1000 + seq)
                .setPhaseChanged(PhaseChanged.newBuilder().setPhase(phase)).build();
    }

    private SessionJournal session(Journal journal, String id) {
        return journal.session(id, dir.resolve("sessions").resolve(id).resolve(Journal.FILE), -1);
    }

    private List<Path> segments(Path logDir) throws IOException {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(f -> f.toString().endsWith(".wal")).sorted().toList();
        }
    }

    /**
     * A thousand sessions' moves queued while the log is forcing the one before them: they are
     * written together and forced once, and each is readable back as its session's.
     */
    @Test
    void movesOfManySessionsQueuedTogetherShareOneFsync() throws Exception {
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holding = new AtomicBoolean();
        Journal.Opener heldUp = (path, options, attributes) -> new ForwardingChannel(FileChannel.open(path, options, attributes)) {
            @Override
            public void force(boolean metaData) throws IOException {
                if (holding.get()) {
                    forcing.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                file.force(metaData);
            }
        };
        int sessions = 1000;
        try (Journal journal = new Journal(dir.resolve("log"), 64L << 20, true, heldUp)) {
            List<SessionJournal> parts = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                parts.add(session(journal, "s" + i));
            }
            holding.set(true);
            CompletableFuture<Void> first = journal.append(parts.get(0), List.of(opened("s0")));
            assertThat(forcing.await(10, TimeUnit.SECONDS)).isTrue();
            holding.set(false);
            long forcesBefore = journal.forces();
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (int i = 1; i < sessions; i++) {
                rest.add(journal.append(parts.get(i), List.of(opened("s" + i), talk(1, "move of s" + i))));
            }
            assertThat(rest).as("none is durable before its fsync").noneMatch(CompletableFuture::isDone);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            long forces = journal.forces() - forcesBefore;
            assertThat(forces).as("one fsync for the first move, one for the %d queued behind it", sessions - 1)
                    .isEqualTo(2);
            assertThat(journal.history(parts.get(sessions - 1)))
                    .containsExactly(opened("s" + (sessions - 1)), talk(1, "move of s" + (sessions - 1)));
            System.out.printf("group commit: %d sessions' moves (%d records) queued behind one fsync were made durable "
                    + "by %d fsync%n", sessions - 1, 2 * (sessions - 1), forces - 1);
        }
    }

    /** Segments are rolled at their size; the log reads back whole across them, and each session's history with it. */
    @Test
    void segmentsRollAtTheirSizeAndTheLogReadsBackAcrossThem() throws Exception {
        Path logDir = dir.resolve("log");
        int segmentBytes = 4096;
        List<JournalRecord> a = new ArrayList<>(List.of(opened("a")));
        List<JournalRecord> b = new ArrayList<>(List.of(opened("b")));
        try (Journal journal = new Journal(logDir, segmentBytes, false, FileChannel::open)) {
            SessionJournal pa = session(journal, "a");
            SessionJournal pb = session(journal, "b");
            journal.append(pa, List.of(a.get(0))).join();
            journal.append(pb, List.of(b.get(0))).join();
            for (int i = 1; i <= 100; i++) {
                a.add(talk(i, "a says " + "x".repeat(100) + i));
                b.add(talk(i, "b says " + i));
                journal.append(pa, List.of(a.get(i))).join();
                journal.append(pb, List.of(b.get(i))).join();
            }
            assertThat(journal.history(pa)).isEqualTo(a);
            assertThat(journal.history(pb)).isEqualTo(b);
        }
        List<Path> segments = segments(logDir);
        assertThat(segments).hasSizeGreaterThan(3);
        for (Path s : segments) {
            assertThat(Files.size(s)).as("%s: rolled once past its size, by at most one batch", s)
                    .isLessThan(segmentBytes + 200);
        }
        try (Journal journal = new Journal(logDir, segmentBytes, false, FileChannel::open)) {
            List<LogRecovery.Entry> entries = journal.recovered().entries();
            assertThat(entries.stream().filter(e -> e.sessionId().equals("a")).map(LogRecovery.Entry::record)).isEqualTo(a);
            assertThat(entries.stream().filter(e -> e.sessionId().equals("b")).map(LogRecovery.Entry::record)).isEqualTo(b);
            assertThat(entries.stream().map(LogRecovery.Entry::segment).distinct()).hasSize(segments.size());
            assertThat(journal.recovered().damages()).isEmpty();
            assertThat(journal.currentSegment()).isEqualTo(segments.size() + 1);
        }
        System.out.printf("segment roll: 202 records of 2 sessions in %d segments of at most %d bytes, read back whole%n",
                segments.size(), segmentBytes);
    }

    /**
     * An ended session's records move to its journal file (the transcript and debrief read it),
     * and a segment left with nothing a live session needs is deleted; the live one's are kept.
     */
    @Test
    void anEndedSessionMovesToItsFileAndDeadSegmentsAreDeleted() throws Exception {
        Path logDir = dir.resolve("log");
        int segmentBytes = 2048;
        List<JournalRecord> a = new ArrayList<>(List.of(opened("a")));
        try (Journal journal = new Journal(logDir, segmentBytes, false, FileChannel::open)) {
            SessionJournal pa = session(journal, "a");
            SessionJournal pb = session(journal, "b");
            journal.append(pa, List.of(a.get(0))).join();
            for (int i = 1; i <= 40; i++) {
                a.add(talk(i, "a alone " + "x".repeat(100)));
                journal.append(pa, List.of(a.get(i))).join();
            }
            List<Path> aloneSegments = segments(logDir);
            assertThat(aloneSegments).hasSizeGreaterThan(2);
            journal.append(pb, List.of(opened("b"))).join();
            for (int i = 1; i <= 40; i++) {
                journal.append(pb, List.of(talk(i, "b " + "y".repeat(100)))).join();
            }
            a.add(phase(41, Phase.ENDED));
            journal.append(pa, List.of(a.get(41))).join();

            Path aFile = pa.file();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(aFile) && pa.inLog() == 0);
            assertThat(JournalCodec.read(aFile).records()).as("every record of the ended session").isEqualTo(a);
            assertThat(journal.history(pa)).isEqualTo(a);
            List<Path> left = segments(logDir);
            for (Path s : aloneSegments.subList(0, aloneSegments.size() - 1)) {
                assertThat(left).as("a segment only the ended session used").doesNotContain(s);
            }
            assertThat(journal.history(pb)).hasSize(41);
            assertThat(left).as("the live session's segments stay").hasSizeGreaterThan(1);
            System.out.printf("compaction: the ended session's %d records moved to its file; the %d segments only it "
                    + "used were deleted; %d segments left for the live session%n", a.size(), aloneSegments.size() - 1,
                    left.size());
        }
        try (Journal journal = new Journal(logDir, segmentBytes, false, FileChannel::open)) {
            assertThat(journal.recovered().entries().stream().filter(e -> e.sessionId().equals("b"))).hasSize(41);
        }
    }

    /** The records, appended one batch each with segments so small that each batch starts a new one. */
    private static void loggedInSegmentsOfOne(Path logDir, Path sessions, List<JournalRecord> records) throws IOException {
        try (Journal journal = new Journal(logDir, 1, false, FileChannel::open)) {
            SessionJournal s1 = journal.session("s1", sessions.resolve("s1").resolve(Journal.FILE), -1);
            for (JournalRecord r : records) {
                journal.append(s1, List.of(r)).join();
            }
        }
    }

    /** The registry, as a starting server runs it, over a session whose records span segments. */
    @Test
    void recoveryRebuildsASessionFromRecordsAcrossSegments() throws Exception {
        List<JournalRecord> records = TornJournalTest.records();
        loggedInSegmentsOfOne(dir.resolve("log"), dir.resolve("sessions"), records);
        assertThat(segments(dir.resolve("log"))).hasSize(records.size());
        List<JournalRecord> recovered = recover(dir.resolve("log"), dir.resolve("sessions"));
        assertThat(recovered).isEqualTo(records);
        assertThat(segments(dir.resolve("log"))).as("the live session's segments, and the new one").hasSize(records.size() + 1);
    }

    /** A session that had ended when the server stopped is moved to its file at the start, and its segments freed. */
    @Test
    void recoveryMovesAnEndedSessionToItsFile() throws Exception {
        List<JournalRecord> records = new ArrayList<>(TornJournalTest.records());
        records.add(phase(7, Phase.DEBRIEF));
        records.add(phase(8, Phase.ENDED));
        loggedInSegmentsOfOne(dir.resolve("log"), dir.resolve("sessions"), records);
        List<JournalRecord> recovered = recover(dir.resolve("log"), dir.resolve("sessions"));
        assertThat(recovered).isEqualTo(records);
        assertThat(JournalCodec.read(dir.resolve("sessions").resolve("s1").resolve(Journal.FILE)).records())
                .as("the ended session is in its file").isEqualTo(records);
        assertThat(segments(dir.resolve("log"))).as("only the segment being appended to").hasSize(1);
        assertThat(recover(dir.resolve("log"), dir.resolve("sessions"))).as("and from its file after a restart")
                .isEqualTo(records);
    }

    private List<JournalRecord> recover(Path logDir, Path sessions) throws Exception {
        PackRegistry packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
        try (Journal journal = new Journal(logDir, 64L << 20, false, FileChannel::open)) {
            SessionRegistry registry = new SessionRegistry(sessions, journal, executors, packs,
                    System::currentTimeMillis, ServerConfig.builder().dataDir(dir).build());
            assertThat(registry.recover()).isEqualTo(1);
            return SessionProbe.records(registry.byJoinCode("ABCDEFG").orElseThrow());
        } finally {
            executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            packs.close();
        }
    }
}
