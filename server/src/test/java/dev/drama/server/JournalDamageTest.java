package dev.drama.server;

import static dev.drama.server.Play.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.*;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.journal.Journal;
import dev.drama.server.journal.JournalCodec;
import dev.drama.server.journal.SessionHistory;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flipped byte in a real session's journal file (a session played over the wire, hundreds
 * of records, its file as an ended session or an older server leaves it): wherever it is,
 * every record before it is kept, the damage is reported (to the log and to the trainer), and
 * the file as found is kept aside. Never a silent truncation. (Damage in the server's log:
 * {@link LogDamageTest}.)
 */
class JournalDamageTest {
    static final int MOVES = 360;

    @TempDir
    static Path root;
    static Path playedData;
    static String sessionId;
    static String joinCode;
    static String carersToken;
    static String trainerToken;
    static byte[] bytes;
    static List<JournalRecord> records;
    /** Where each record's frame starts. */
    static long[] starts;

    @BeforeAll
    static void playASession() throws Exception {
        playedData = root.resolve("played");
        try (ServerFixture f = new ServerFixture(playedData, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire manager = Wire.connect("manager", f.port(), null);
             Wire carers = Wire.connect("carers", f.port(), null);
             Wire union = Wire.connect("union", f.port(), null)) {
            SessionJoined created = create(trainer, "tiny");
            sessionId = created.getSessionId();
            joinCode = created.getJoinCode();
            trainerToken = created.getResumeToken();
            join(manager, joinCode, "Mo", "manager");
            carersToken = join(carers, joinCode, "Cat", "carers").getResumeToken();
            join(union, joinCode, "Uma", "union");
            advance(trainer, Phase.BRIEFING);
            advance(trainer, Phase.NEGOTIATION);
            List<Wire> players = List.of(manager, carers, union);
            for (int i = 0; i < MOVES; i++) {
                Wire w = players.get(i % 3);
                Thread.sleep(25); // each player well under the server's command rate
                if (i % 4 == 0 && w == carers) {
                    acked(w, cmd().setSetPosition(SetPosition.newBuilder().addSettings(set("protest", i % 8 == 0))));
                } else {
                    acked(w, cmd().setSay(Say.newBuilder().setText("move " + i + " from " + w.name())));
                }
            }
        }
        // The session's history in its own file, as an older server kept it, and no log.
        List<JournalRecord> played = SessionHistory.read(playedData.resolve("sessions"), playedData.resolve("log"), sessionId)
                .records();
        Files.write(journalIn(playedData), JournalCodec.journal(played));
        try (Stream<Path> segments = Files.list(playedData.resolve("log"))) {
            for (Path segment : (Iterable<Path>) segments::iterator) {
                Files.delete(segment);
            }
        }
        bytes = Files.readAllBytes(journalIn(playedData));
        JournalCodec.Contents whole = JournalCodec.read(bytes);
        assertThat(whole.damage()).isEmpty();
        assertThat(whole.torn()).isFalse();
        records = whole.records();
        assertThat(records).hasSizeGreaterThan(MOVES);
        starts = new long[records.size()];
        for (int i = 0; i < records.size(); i++) {
            starts[i] = i == 0 ? JournalCodec.headerLength() : whole.ends().get(i - 1);
        }
    }

    static Path journalIn(Path data) {
        return data.resolve("sessions").resolve(sessionId).resolve("journal.bin");
    }

    /** The record whose frame holds this byte (-1: the header). */
    static int recordAt(long offset) {
        int k = -1;
        while (k + 1 < starts.length && starts[k + 1] <= offset) {
            k++;
        }
        return k;
    }

    static byte[] flipped(int offset, Random random) {
        byte[] copy = bytes.clone();
        copy[offset] ^= (byte) (1 + random.nextInt(255));
        return copy;
    }

    @Test
    void aFlippedByteAnywhereKeepsEveryRecordBeforeItAndIsReportedAtItsRecord() {
        // Every byte of the header, the first records and the last one; every third byte between (each read parses the whole journal).
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int offset = 0; offset < bytes.length; offset++) {
            if (offset < starts[3] || offset >= starts[starts.length - 1] || offset % 3 == 0) {
                offsets.add(offset);
            }
        }
        Random random = new Random(11);
        int tested = 0;
        int damageInHeader = 0;
        long recordsKept = 0;
        for (int offset : offsets) {
            byte[] damaged = flipped(offset, random);
            JournalCodec.Contents c = JournalCodec.read(damaged);
            int k = recordAt(offset);
            tested++;
            assertThat(c.damage()).as("flip at %d", offset).isPresent();
            if (k < 0) {
                // The header is not needed to read checksummed records: nothing is lost.
                damageInHeader++;
                assertThat(c.damage().get().offset()).isEqualTo(offset);
                assertThat(c.records()).as("flip at %d", offset).isEqualTo(records);
                continue;
            }
            assertThat(c.damage().get().offset()).as("flip at %d", offset).isEqualTo(starts[k]);
            assertThat(c.damage().get().record()).as("flip at %d", offset).isEqualTo(k + 1);
            assertThat(c.records()).as("flip at %d: every record before the damaged one", offset)
                    .isEqualTo(records.subList(0, k));
            assertThat(c.validLength()).isEqualTo(starts[k]);
            assertThat(c.torn()).isFalse();
            recordsKept += k;
        }
        System.out.printf("journal damage: %d records in %d bytes; a byte flipped at each of %d offsets "
                        + "(%d in the header): damage reported at the right record every time, %d records recovered "
                        + "in all (every record before each flip), 0 lost before a flip%n",
                records.size(), bytes.length, tested, damageInHeader, recordsKept);
    }

    /** The registry, as a starting server runs it, over the journal flipped at offsets spread over every part of it. */
    @Test
    void recoveryKeepsTheSessionUpToTheDamageAndTheFileAsFound() throws Exception {
        TreeSet<Integer> offsets = new TreeSet<>();
        for (int i = 0; i < JournalCodec.headerLength(); i++) {
            offsets.add(i);
        }
        for (long at = starts[0]; at < starts[1] + 1; at += 7) {
            offsets.add((int) at); // the session's first record
        }
        for (int i = 0; i < 80; i++) {
            offsets.add((int) (starts[1] + (long) i * (bytes.length - starts[1]) / 80));
        }
        offsets.add(bytes.length - 1);
        offsets.add((int) starts[starts.length - 1]);
        Random random = new Random(12);
        PackRegistry packs = new PackRegistry(ServerFixture.EXAMPLE_PACKS, Duration.ZERO, false);
        packs.start();
        DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
        int recovered = 0;
        int lost = 0;
        long recordsRecovered = 0;
        try {
            int n = 0;
            for (int offset : offsets) {
                Path data = root.resolve("flip" + n++);
                Path journalPath = Files.createDirectories(journalIn(data).getParent()).resolve("journal.bin");
                byte[] damaged = flipped(offset, random);
                Files.write(journalPath, damaged);
                Journal journal = new Journal(data.resolve("log"), 1 << 20, false, java.nio.channels.FileChannel::open);
                SessionRegistry registry = new SessionRegistry(data.resolve("sessions"), journal, executors, packs,
                        System::currentTimeMillis, ServerConfig.builder().dataDir(data).build());
                int k = recordAt(offset);
                if (k == 0) {
                    // The session's first record is damaged: there is no session to recover, and the file is left as found.
                    assertThat(registry.recover()).as("flip at %d", offset).isZero();
                    assertThat(Files.readAllBytes(journalPath)).isEqualTo(damaged);
                    lost++;
                    journal.close();
                    continue;
                }
                assertThat(registry.recover()).as("flip at %d", offset).isEqualTo(1);
                Session session = registry.byJoinCode(joinCode).orElseThrow();
                List<JournalRecord> after = SessionProbe.records(session);
                List<JournalRecord> kept = k < 0 ? records : records.subList(0, k);
                assertThat(after.subList(0, after.size() - 1)).as("flip at %d", offset).isEqualTo(kept);
                JournalDamaged reported = after.get(after.size() - 1).getJournalDamaged();
                assertThat(reported.getOffset()).isEqualTo(k < 0 ? offset : starts[k]);
                assertThat(reported.getLostBytes()).isEqualTo(k < 0 ? 0 : bytes.length - starts[k]);
                assertThat(Files.readAllBytes(Path.of(reported.getKeptAt()))).as("the damaged file, kept as found")
                        .isEqualTo(damaged);
                boolean carersJoined = kept.stream().anyMatch(r -> r.hasParticipantJoined()
                        && r.getParticipantJoined().getDisplayName().equals("Cat"));
                assertThat(registry.byToken(carersToken).isPresent()).as("the player's seat, if it was made before the flip")
                        .isEqualTo(carersJoined);
                journal.close();
                recovered++;
                recordsRecovered += kept.size();
            }
        } finally {
            executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            packs.close();
        }
        System.out.printf("journal damage recovery: %d offsets flipped; %d sessions recovered up to the damage "
                        + "(%d records in all, none lost before a flip), damaged file kept each time; "
                        + "%d flips in the session's first record left no session (file left as found)%n",
                offsets.size(), recovered, recordsRecovered, lost);
    }

    /** End to end: the restarted server tells the trainer, and only the trainer, what was lost and where the file is. */
    @Test
    void theTrainerIsToldWhenAttachingAndPlayersAreNot() throws Exception {
        Path data = root.resolve("restarted");
        copy(playedData, data);
        int middle = records.size() / 2;
        int offset = (int) starts[middle] + 10;
        byte[] damaged = flipped(offset, new Random(13));
        Files.write(journalIn(data), damaged);
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret());
             Wire carers = Wire.connect("carers", f.port(), null)) {
            assertThat(resume(trainer, trainerToken).hasSessionJoined()).isTrue();
            Notice notice = trainer.await(m -> m.hasNotice() && m.getNotice().getTrainersOnly()).getNotice();
            assertThat(notice.getText()).contains("damaged at record " + (middle + 1), "offset " + starts[middle],
                    "could not be recovered", "journal.bin.damaged-");
            System.out.println("journal damage: the trainer was told: " + notice.getText());

            assertThat(resume(carers, carersToken).hasSessionJoined()).isTrue();
            board(carers);
            assertThat(carers.saw(ServerMessage::hasNotice)).as("players are not told about the journal").isFalse();
            // The session goes on after the damage.
            acked(carers, cmd().setSay(Say.newBuilder().setText("after the damage")));
        }
        SessionHistory after = SessionHistory.read(data.resolve("sessions"), data.resolve("log"), sessionId);
        assertThat(after.loss()).isEmpty();
        assertThat(after.records().subList(0, middle)).isEqualTo(records.subList(0, middle));
        assertThat(after.records().get(middle).hasJournalDamaged()).isTrue();
        assertThat(after.records().get(middle + 1).getTalkSent().getTalk().getText()).isEqualTo("after the damage");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
