package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.drama.proto.Choice;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.LogEntry;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.ParticipantJoined;
import dev.drama.proto.PositionSet;
import dev.drama.proto.Role;
import dev.drama.proto.SessionOpened;
import dev.drama.proto.Talk;
import dev.drama.proto.TalkSent;
import com.google.protobuf.ByteString;
import dev.drama.proto.CharacterAssigned;
import dev.drama.proto.Phase;
import dev.drama.proto.PhaseChanged;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import dev.drama.server.session.Tokens;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.time.Duration;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal torn by a crash at every possible byte of its last record, or followed by
 * garbage, still gives back every complete record, and never fails the read: the server's
 * log (where a crash can tear only the newest segment) and a session's own journal file
 * (as an older server left it) alike.
 */
class TornJournalTest {
    @TempDir
    Path dir;

    static List<JournalRecord> records() {
        List<JournalRecord> out = new ArrayList<>();
        out.add(JournalRecord.newBuilder().setSeq(0).setAtEpochMs(1000).setSessionOpened(SessionOpened.newBuilder()
                .setSessionId("s1").setJoinCode("ABCDEFG").setPackId("tiny")).build());
        out.add(JournalRecord.newBuilder().setSeq(1).setAtEpochMs(1001).setParticipantJoined(ParticipantJoined.newBuilder()
                .setParticipantId("p1").setDisplayName("Trainer").setRole(Role.TRAINER)).build());
        out.add(JournalRecord.newBuilder().setSeq(2).setAtEpochMs(1002).setParticipantJoined(ParticipantJoined.newBuilder()
                .setParticipantId("p2").setDisplayName("Cat").setRole(Role.TRAINEE)
                .setResumeTokenHash(ByteString.copyFrom(Tokens.hash("token-of-cat")))).build());
        out.add(JournalRecord.newBuilder().setSeq(3).setAtEpochMs(1003).setCharacterAssigned(CharacterAssigned.newBuilder()
                .setParticipantId("p2").setCharacterId("carers")).build());
        out.add(JournalRecord.newBuilder().setSeq(4).setAtEpochMs(1004).setPhaseChanged(PhaseChanged.newBuilder()
                .setPhase(Phase.NEGOTIATION)).build());
        out.add(JournalRecord.newBuilder().setSeq(5).setAtEpochMs(1005).setPositionSet(PositionSet.newBuilder()
                .setCharacterId("carers").addSettings(OptionSetting.newBuilder().setOptionId("late").setChoice(Choice.YES))).build());
        // A last record longer than a few hundred bytes, as talk often is.
        out.add(JournalRecord.newBuilder().setSeq(6).setAtEpochMs(1006).setTalkSent(TalkSent.newBuilder().setTalk(Talk.newBuilder()
                .setFromCharacterId("carers").setText("the forum votes tonight; ".repeat(8)))).build());
        return out;
    }

    private Path written(List<JournalRecord> records) throws IOException {
        return Files.write(dir.resolve("journal.bin"), JournalCodec.journal(records));
    }

    /** The records appended one by one to a new log in {@code logDir}, as session s1's; returns its one segment. */
    static Path logged(Path logDir, List<JournalRecord> records) throws IOException {
        try (Journal journal = new Journal(logDir, 1 << 20)) {
            SessionJournal s1 = journal.session("s1", logDir.resolveSibling("sessions").resolve("s1").resolve("journal.bin"), -1);
            for (JournalRecord r : records) {
                journal.append(s1, List.of(r)).join();
            }
        }
        return SegmentedLog.path(logDir, 1);
    }

    /** The length of a record's entry in the log. */
    static int entryLength(JournalRecord record) {
        return Frames.size(LogEntry.newBuilder().setSessionId("s1").setRecord(record).build().getSerializedSize());
    }

    private JournalCodec.Contents readBytes(byte[] bytes) throws IOException {
        Path p = dir.resolve("copy.bin");
        Files.write(p, bytes);
        return JournalCodec.read(p);
    }

    @Test
    void everyCutInsideTheLastRecordKeepsTheOthers() throws IOException {
        List<JournalRecord> records = records();
        byte[] bytes = Files.readAllBytes(written(records));
        int lastStart = bytes.length - JournalCodec.encode(records.get(records.size() - 1)).length;
        assertThat(JournalCodec.encode(records.get(6)).length - records.get(6).getSerializedSize())
                .as("length, its checksum, the record's checksum").isEqualTo(12);

        JournalCodec.Contents whole = readBytes(bytes);
        assertThat(whole.records()).isEqualTo(records);
        assertThat(whole.torn()).isFalse();

        for (int cut = lastStart; cut < bytes.length; cut++) {
            byte[] torn = Arrays.copyOf(bytes, cut);
            JournalCodec.Contents[] c = new JournalCodec.Contents[1];
            assertThatCode(() -> c[0] = readBytes(torn)).as("cut at %d", cut).doesNotThrowAnyException();
            assertThat(c[0].records()).as("cut at %d", cut).isEqualTo(records.subList(0, records.size() - 1));
            assertThat(c[0].validLength()).as("cut at %d", cut).isEqualTo(lastStart);
            assertThat(c[0].torn()).isEqualTo(cut > lastStart);
        }
    }

    @Test
    void everyCutAnywhereKeepsExactlyTheRecordsBeforeIt() throws IOException {
        List<JournalRecord> records = records();
        byte[] bytes = Files.readAllBytes(written(records));
        int[] ends = new int[records.size()];
        int at = JournalCodec.HEADER.length;
        for (int i = 0; i < records.size(); i++) {
            at += JournalCodec.encode(records.get(i)).length;
            ends[i] = at;
        }
        for (int cut = 0; cut <= bytes.length; cut++) {
            int complete = 0;
            while (complete < ends.length && ends[complete] <= cut) {
                complete++;
            }
            JournalCodec.Contents c = readBytes(Arrays.copyOf(bytes, cut));
            assertThat(c.records()).as("cut at %d", cut).isEqualTo(records.subList(0, complete));
        }
    }

    @Test
    void garbageAfterTheLastRecordIsDropped() throws IOException {
        List<JournalRecord> records = records();
        byte[] bytes = Files.readAllBytes(written(records));
        List<byte[]> tails = new ArrayList<>();
        tails.add(new byte[4096]);                       // zeros: a file extended but never written (a common crash shape)
        tails.add(new byte[] {0});
        byte[] ones = new byte[64];
        Arrays.fill(ones, (byte) 0xff);
        tails.add(ones);
        tails.add(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        tails.add(new byte[] {2, 0x08, 0x05});           // a record with a sequence number and no event
        tails.add(Arrays.copyOf(JournalCodec.encode(records.get(1)), 1)); // the start of a repeat
        tails.add(JournalCodec.encode(records.get(1)));   // a whole old record again (seq going backwards)
        Random random = new Random(6);
        for (int i = 0; i < 500; i++) {
            byte[] g = new byte[1 + random.nextInt(100)];
            random.nextBytes(g);
            tails.add(g);
        }
        for (byte[] tail : tails) {
            byte[] withGarbage = Arrays.copyOf(bytes, bytes.length + tail.length);
            System.arraycopy(tail, 0, withGarbage, bytes.length, tail.length);
            JournalCodec.Contents[] c = new JournalCodec.Contents[1];
            assertThatCode(() -> c[0] = readBytes(withGarbage)).doesNotThrowAnyException();
            assertThat(c[0].records()).as("tail %s", Arrays.toString(Arrays.copyOf(tail, Math.min(8, tail.length))))
                    .isEqualTo(records);
            assertThat(c[0].validLength()).isEqualTo(bytes.length);
            // A crash leaves a record cut short or zeros; anything else after the last record is damage, and says so.
            boolean crashShaped = tail.length < 8 || allZero(tail);
            assertThat(c[0].damage().isPresent()).as("tail %s", Arrays.toString(Arrays.copyOf(tail, Math.min(8, tail.length))))
                    .isEqualTo(!crashShaped);
            assertThat(c[0].torn()).isEqualTo(crashShaped);
        }
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyCutInsideTheLogsLastEntryKeepsTheOthersAndAppendingGoesOnAfterThem() throws IOException {
        List<JournalRecord> records = records();
        byte[] bytes = Files.readAllBytes(logged(dir.resolve("whole"), records));
        int lastStart = bytes.length - entryLength(records.get(records.size() - 1));
        for (int cut = lastStart; cut <= bytes.length + 1; cut++) {
            Path logDir = Files.createDirectories(dir.resolve("cut" + cut).resolve("log"));
            byte[] shape = Arrays.copyOf(bytes, cut); // past the end: a zero after the last entry
            Files.write(SegmentedLog.path(logDir, 1), shape);
            JournalRecord next = records.get(6).toBuilder().setTalkSent(TalkSent.newBuilder()
                    .setTalk(Talk.newBuilder().setText("after the crash"))).build();
            try (Journal journal = new Journal(logDir, 1 << 20, false, FileChannel::open)) {
                List<JournalRecord> found = journal.recovered().entries().stream().map(LogRecovery.Entry::record).toList();
                List<JournalRecord> expected = cut >= bytes.length ? records : records.subList(0, records.size() - 1);
                assertThat(found).as("cut at %d", cut).isEqualTo(expected);
                assertThat(journal.recovered().damages()).as("cut at %d", cut).isEmpty();
                assertThat(Files.size(SegmentedLog.path(logDir, 1))).as("the torn tail is cut off")
                        .isEqualTo(cut >= bytes.length ? bytes.length : lastStart);
                assertThat(journal.currentSegment()).as("appending goes on in a new segment").isEqualTo(2);
                journal.append(journal.session("s1", dir.resolve("unused"), -1), List.of(next)).join();
            }
            try (Journal again = new Journal(logDir, 1 << 20, false, FileChannel::open)) {
                List<JournalRecord> found = again.recovered().entries().stream().map(LogRecovery.Entry::record).toList();
                assertThat(found).as("cut at %d", cut).endsWith(next).hasSize(cut >= bytes.length ? 8 : 7);
                assertThat(again.recovered().damages()).isEmpty();
            }
        }
    }

    @Test
    void aMissingJournalIsEmpty() throws IOException {
        JournalCodec.Contents c = JournalCodec.read(dir.resolve("nothing.bin"));
        assertThat(c.records()).isEmpty();
        assertThat(c.torn()).isFalse();
    }

    /** The session registry, as a starting server runs it, over a journal torn at every byte of its last record. */
    @Test
    void recoveryKeepsEveryCompleteRecordWhereverTheJournalWasTorn() throws IOException {
        List<JournalRecord> records = records();
        byte[] bytes = Files.readAllBytes(written(records));
        int lastStart = bytes.length - JournalCodec.encode(records.get(records.size() - 1)).length;
        PackRegistry packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
        try {
            List<byte[]> shapes = new ArrayList<>();
            for (int cut = lastStart; cut <= bytes.length; cut++) {
                shapes.add(Arrays.copyOf(bytes, cut));
            }
            shapes.add(Arrays.copyOf(bytes, bytes.length + 512)); // zeros after the last record
            int n = 0;
            for (byte[] shape : shapes) {
                Path sessions = dir.resolve("data" + n++).resolve("sessions");
                Path journalPath = Files.createDirectories(sessions.resolve("s1")).resolve("journal.bin");
                Files.write(journalPath, shape);
                Journal journal = new Journal(sessions.resolveSibling("log"), 1 << 20);
                SessionRegistry registry = new SessionRegistry(sessions, journal, executors, packs,
                        System::currentTimeMillis, ServerConfig.builder().dataDir(dir).build());
                assertThat(registry.recover()).as("journal of %d bytes", shape.length).isEqualTo(1);
                Session session = registry.byJoinCode("ABCDEFG").orElseThrow();
                List<JournalRecord> expected = shape.length >= bytes.length ? records : records.subList(0, records.size() - 1);
                assertThat(SessionProbe.records(session)).as("journal of %d bytes", shape.length).isEqualTo(expected);
                assertThat(session.summary().getPhase()).isEqualTo(Phase.NEGOTIATION);
                assertThat(registry.byToken("token-of-cat")).as("the player's token still leads to its seat").isPresent();
                journal.close();
                assertThat(Files.size(journalPath)).as("the torn tail is cut off")
                        .isEqualTo(shape.length >= bytes.length ? bytes.length : lastStart);
            }
        } finally {
            executors.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            packs.close();
        }
    }
}
