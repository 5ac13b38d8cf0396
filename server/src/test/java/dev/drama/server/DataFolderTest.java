package dev.drama.server;

import static dev.drama.server.Play.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder holds briefings, private talk and token hashes: on POSIX, nobody but its owner may open it. */
class DataFolderTest {
    @TempDir
    Path root;

    @Test
    void theDataFolderSessionFoldersAndJournalsAreTheOwnersOnly() throws Exception {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        Path data = Files.createDirectories(root.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // as an older server left it
        String sessionId;
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
            sessionId = create(trainer, "tiny").getSessionId();
        }
        Path folder = data.resolve("sessions").resolve(sessionId);
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("sessions"))).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("journal.bin"))).isEqualTo("rw-------");
        System.out.printf("data folder: %s; sessions %s; session folder %s; journal %s%n", mode(data),
                mode(data.resolve("sessions")), mode(folder), mode(folder.resolve("journal.bin")));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
