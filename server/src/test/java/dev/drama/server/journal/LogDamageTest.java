package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.JournalDamaged;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.SessionOpened;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flipped byte in the server's log, in one session's entry among another's: that session is
 * recovered up to the damaged record and its trainers are told (JournalDamaged, what was found
 * kept aside); the other session loses nothing; a second restart reports nothing new.
 */
class LogDamageTest {
    @TempDir
    Path dir;
    private PackRegistry packs;
    private DefaultEventExecutorGroup executors;

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

    /** Session s1's records and s2's (the same moves in another session), appended in turn. */
    private static List<JournalRecord> s2() {
        List<JournalRecord> records = new ArrayList<>(TornJournalTest.records());
        records.set(0, records.get(0).toBuilder().setSessionOpened(SessionOpened.newBuilder().setSessionId("s2")
                .setJoinCode("HJKMNPQ").setPackId("tiny")).build());
        return records;
    }

    @Test
    void aFlippedByteInOneSessionsEntryCutsThatSessionThereAndNoOther() throws Exception {
        List<JournalRecord> s1 = TornJournalTest.records();
        List<JournalRecord> s2 = s2();
        Path whole = dir.resolve("whole");
        long[] starts = new long[s1.size()];
        try (Journal journal = new Journal(whole, 1 << 20, false, FileChannel::open)) {
            SessionJournal p1 = journal.session("s1", dir.resolve("unused1"), -1);
            SessionJournal p2 = journal.session("s2", dir.resolve("unused2"), -1);
            for (int i = 0; i < s1.size(); i++) {
                journal.append(p1, List.of(s1.get(i))).join();
                starts[i] = p1.where().offset(i);
                journal.append(p2, List.of(s2.get(i))).join();
            }
        }
        byte[] bytes = Files.readAllBytes(SegmentedLog.path(whole, 1));
        int cases = 0;
        for (int k = 1; k < s1.size(); k++) {
            int start = (int) starts[k];
            int length = TornJournalTest.entryLength(s1.get(k));
            boolean last = k == s1.size() - 1;
            // The length, its check, the session id, the record, the record's check. The id of the session's last
            // entry is what names its owner: with nothing after it to show a gap, a flip there is not told apart.
            int[] offsets = last ? new int[] {0, 5, 20, length - 1} : new int[] {0, 5, 10, 20, length - 1};
            for (int at : offsets) {
                byte[] damaged = bytes.clone();
                damaged[start + at] ^= 0x5a;
                Path data = dir.resolve("k" + k + "at" + at);
                Files.createDirectories(data.resolve("log"));
                Files.write(SegmentedLog.path(data.resolve("log"), 1), damaged);

                List<JournalRecord> first = recover(data, s1, s2, k);
                JournalDamaged reported = first.get(k).getJournalDamaged();
                assertThat(reported.getRecord()).as("k %d at %d", k, at).isEqualTo(k + 1);
                assertThat(reported.getOffset()).as("k %d at %d", k, at).isEqualTo(start);
                assertThat(reported.getDetail()).contains("log segment 00000000000000000001.wal");
                assertThat(reported.getLostBytes()).isPositive();
                assertThat(JournalCodec.read(Path.of(reported.getKeptAt())).records())
                        .as("what was found of the session, kept aside").startsWith(s1.subList(0, k).toArray(JournalRecord[]::new));
                assertThat(Files.list(data.resolve("log")).anyMatch(p -> p.getFileName().toString().contains(".damaged-")))
                        .as("the damaged segment, kept as found").isTrue();
                assertThat(recover(data, s1, s2, k)).as("a second restart: the same, nothing new").isEqualTo(first);
                cases++;
            }
        }
        System.out.printf("log damage: %d flips in one session's entries among another's; each time that session was "
                + "recovered up to the damaged record and told, the other lost nothing, a restart told nothing new%n", cases);
    }

    /** Recovers the data folder; checks s2 whole and s1 cut before record {@code k}; returns s1's records. */
    private List<JournalRecord> recover(Path data, List<JournalRecord> s1, List<JournalRecord> s2, int k) throws Exception {
        try (Journal journal = new Journal(data.resolve("log"), 1 << 20, false, FileChannel::open)) {
            SessionRegistry registry = new SessionRegistry(data.resolve("sessions"), journal, executors, packs,
                    System::currentTimeMillis, ServerConfig.builder().dataDir(data).build());
            assertThat(registry.recover()).isEqualTo(2);
            assertThat(SessionProbe.records(registry.byJoinCode("HJKMNPQ").orElseThrow())).as("the other session")
                    .isEqualTo(s2);
            Session one = registry.byJoinCode("ABCDEFG").orElseThrow();
            List<JournalRecord> records = SessionProbe.records(one);
            assertThat(records.subList(0, k)).isEqualTo(s1.subList(0, k));
            assertThat(records).hasSize(k + 1);
            return records;
        }
    }
}
