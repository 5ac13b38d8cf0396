package dev.drama.server;

import static dev.drama.server.Play.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder holds briefings, private talk and token hashes: on POSIX, nobody but its owner may open it. */
class DataFolderTest {
    @TempDir
    Path root;

    @Test
    void theDataFolderSessionFoldersAndTheLogAreTheOwnersOnly() throws Exception {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        Path data = Files.createDirectories(root.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x")); // as an older server left it
        String sessionId;
        try (ServerFixture f = new ServerFixture(data, ServerConfig.Limits.defaults());
             Wire trainer = Wire.connect("trainer", f.port(), f.server.trainerSecret())) {
            sessionId = create(trainer, "tiny").getSessionId();
        }
        Path folder = data.resolve("sessions").resolve(sessionId);
        Path log = data.resolve("log");
        List<Path> segments;
        try (Stream<Path> files = Files.list(log)) {
            segments = files.toList();
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("sessions"))).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rwx------");
        assertThat(segments).isNotEmpty();
        for (Path segment : segments) {
            assertThat(mode(segment)).as("%s", segment).isEqualTo("rw-------");
        }
        System.out.printf("data folder: %s; sessions %s; session folder %s; log %s; its %d segments %s%n", mode(data),
                mode(data.resolve("sessions")), mode(folder), mode(log), segments.size(), mode(segments.get(0)));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
