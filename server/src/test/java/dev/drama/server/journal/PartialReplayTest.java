package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.Choice;
import dev.drama.proto.JournalDamaged;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.PositionSet;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that cannot be replayed ends a session's history there; the session before it
 * survives, and its trainers are told, as of damage.
 */
class PartialReplayTest {
    @TempDir
    Path dir;

    @Test
    void aSessionIsRecoveredUpToARecordThatNoLongerApplies() throws Exception {
        List<JournalRecord> good = TornJournalTest.records();
        List<JournalRecord> all = new ArrayList<>(good);
        // A move on an option the pack no longer has (as if the pack changed under the session).
        all.add(JournalRecord.newBuilder().setSeq(7).setAtEpochMs(1007).setPositionSet(PositionSet.newBuilder()
                .setCharacterId("carers").addSettings(OptionSetting.newBuilder().setOptionId("vanished").setChoice(Choice.YES)))
                .build());
        Path sessions = dir.resolve("sessions");
        PackRegistry packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
        try {
            recoverTwice(sessions, packs, executors, good, all);
        } finally {
            executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            packs.close();
        }
    }

    private void recoverTwice(Path sessions, PackRegistry packs, DefaultEventExecutorGroup executors,
                              List<JournalRecord> good, List<JournalRecord> all) throws Exception {
        Path logDir = dir.resolve("log");
        TornJournalTest.logged(logDir, all);
        try (Journal journal = new Journal(logDir, 1 << 20)) {
            SessionRegistry registry = new SessionRegistry(sessions, journal, executors, packs,
                    System::currentTimeMillis, ServerConfig.builder().dataDir(dir).build());
            assertThat(registry.recover()).isEqualTo(1);
            Session session = registry.byJoinCode("ABCDEFG").orElseThrow();
            List<JournalRecord> after = SessionProbe.records(session);
            assertThat(after.subList(0, good.size())).isEqualTo(good);
            assertThat(after).hasSize(good.size() + 1);
            JournalDamaged cut = after.get(good.size()).getJournalDamaged();
            assertThat(cut.getRecord()).isEqualTo(good.size() + 1);
            assertThat(cut.getDetail()).contains("cannot be replayed", "log segment");
            assertThat(after.get(good.size()).getSeq()).as("after every seq the session wrote").isEqualTo(8);
            JournalCodec.Contents file = JournalCodec.read(sessions.resolve("s1").resolve("journal.bin"));
            assertThat(file.records()).as("the session's history is now in its file").isEqualTo(after);
            assertThat(JournalCodec.read(Path.of(cut.getKeptAt())).records()).as("what was found, kept aside")
                    .isEqualTo(all);
        }
        try (Journal journal = new Journal(logDir, 1 << 20)) {
            SessionRegistry registry = new SessionRegistry(sessions, journal, executors, packs,
                    System::currentTimeMillis, ServerConfig.builder().dataDir(dir).build());
            assertThat(registry.recover()).isEqualTo(1);
            assertThat(SessionProbe.records(registry.byJoinCode("ABCDEFG").orElseThrow()))
                    .as("recovered again: the record that cannot be replayed is not taken up again").hasSize(good.size() + 1);
        }
    }
}
