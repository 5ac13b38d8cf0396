package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drama.proto.Choice;
import dev.drama.proto.JournalRecord;
import dev.drama.proto.OptionSetting;
import dev.drama.proto.PositionSet;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record that cannot be replayed ends a session's history there; the session before it survives. */
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
        Path journalPath = Files.createDirectories(sessions.resolve("s1")).resolve("journal.bin");
        PackRegistry packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        DefaultEventExecutorGroup executors = new DefaultEventExecutorGroup(1);
        try (Journal journal = new Journal()) {
            try (JournalFile file = journal.open(journalPath, 0)) {
                for (JournalRecord r : all) {
                    journal.append(file, r).join();
                }
            }
            long goodLength = JournalCodec.read(journalPath).ends().get(good.size() - 1);

            SessionRegistry registry = new SessionRegistry(sessions, journal, executors, packs,
                    System::currentTimeMillis, ServerConfig.builder().dataDir(dir).build());
            assertThat(registry.recover()).isEqualTo(1);
            Session session = registry.byJoinCode("ABCDEFG").orElseThrow();
            assertThat(SessionProbe.records(session)).isEqualTo(good);
            registry.close();
            assertThat(Files.size(journalPath)).as("the record that cannot be replayed is cut off").isEqualTo(goodLength);
        } finally {
            executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            packs.close();
        }
    }
}
