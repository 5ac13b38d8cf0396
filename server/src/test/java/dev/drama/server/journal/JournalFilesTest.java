package dev.drama.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drama.proto.JournalRecord;
import dev.drama.scenarios.registry.PackRegistry;
import dev.drama.server.ServerConfig;
import dev.drama.server.session.Session;
import dev.drama.server.session.SessionProbe;
import dev.drama.server.session.SessionRegistry;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's files: their owner's only, and those of an older server (no checksums) still recovered. */
class JournalFilesTest {
    @TempDir
    Path dir;
    private PackRegistry packs;
    private DefaultEventExecutorGroup executors;
    private Journal journal;

    @BeforeEach
    void start() throws Exception {
        packs = new PackRegistry(Path.of("../scenarios/examples"), Duration.ZERO, false);
        packs.start();
        executors = new DefaultEventExecutorGroup(1);
        journal = new Journal(dir.resolve("data").resolve("log"), 1 << 20);
    }

    @AfterEach
    void stop() {
        journal.close();
        executors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        packs.close();
    }

    private SessionRegistry registry(Path sessions) {
        return new SessionRegistry(sessions, journal, executors, packs, System::currentTimeMillis,
                ServerConfig.builder().dataDir(dir).build());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewSessionsFolderTheLogAndItsSegmentsAreItsOwnersOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        Path sessions = dir.resolve("data").resolve("sessions");
        SessionRegistry registry = registry(sessions);
        Session session = registry.open("tiny");
        Path folder = sessions.resolve(session.id());
        Path log = dir.resolve("data").resolve("log");
        Path segment = SegmentedLog.path(log, journal.currentSegment());
        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(sessions)).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rwx------");
        assertThat(mode(segment)).isEqualTo("rw-------");
        System.out.printf("journal files: data %s, sessions %s, session folder %s, log %s, segment %s%n",
                mode(dir.resolve("data")), mode(sessions), mode(folder), mode(log), mode(segment));
    }

    @Test
    void anOlderServersJournalIsRecoveredRewrittenWithChecksumsAndNarrowed() throws Exception {
        List<JournalRecord> records = TornJournalTest.records();
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        for (JournalRecord r : records) {
            r.writeDelimitedTo(legacy); // format 1: varint length, record, no header, no checksum
        }
        Path sessions = dir.resolve("sessions");
        Path folder = Files.createDirectories(sessions.resolve("s1"));
        Path path = folder.resolve("journal.bin");
        Files.write(path, legacy.toByteArray());
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        JournalCodec.Contents before = JournalCodec.read(path);
        assertThat(before.legacy()).isTrue();
        assertThat(before.records()).isEqualTo(records);

        SessionRegistry registry = registry(sessions);
        assertThat(registry.recover()).isEqualTo(1);
        Session session = registry.byJoinCode("ABCDEFG").orElseThrow();
        assertThat(SessionProbe.records(session)).isEqualTo(records);

        byte[] after = Files.readAllBytes(path);
        assertThat(Arrays.copyOf(after, JournalCodec.HEADER.length)).isEqualTo(JournalCodec.HEADER);
        JournalCodec.Contents rewritten = JournalCodec.read(after);
        assertThat(rewritten.legacy()).isFalse();
        assertThat(rewritten.damage()).isEmpty();
        assertThat(rewritten.records()).isEqualTo(records);
        assertThat(Files.exists(path.resolveSibling("journal.bin.new"))).isFalse();
        if (posix) {
            assertThat(mode(folder)).isEqualTo("rwx------");
            assertThat(mode(path)).isEqualTo("rw-------");
        }
    }
}
