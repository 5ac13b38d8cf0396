package dev.drama.server.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds private briefings, private talk and token hashes: on a POSIX file
 * system its folders are created 0700 and its journals 0600, by the call that creates them,
 * so there is no moment in which another user could open them.
 */
public final class OwnerOnly {
    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Attributes that create a file readable and writable by its owner only (none where the file system has no POSIX modes). */
    public static FileAttribute<?>[] file(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * Creates the folder (and any missing parents) for its owner only; a folder that already
     * exists with wider modes, from an older server, is narrowed, and the log says so.
     */
    public static Path directory(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        if (Files.isDirectory(dir)) {
            narrow(dir, DIRECTORY);
            return dir;
        }
        return Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    }

    /** Narrows an existing file (a journal an older server created world-readable). */
    public static void narrowFile(Path file) throws IOException {
        if (posix(file) && Files.exists(file)) {
            narrow(file, FILE);
        }
    }

    private static void narrow(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
        if (!wanted.containsAll(now)) {
            Files.setPosixFilePermissions(path, wanted);
            log.warn("{} was {}; narrowed to {} (its owner only)", path, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(wanted));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
