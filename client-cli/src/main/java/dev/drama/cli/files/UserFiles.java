package dev.drama.cli.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The console's own files: {@code ~/.drama} (or {@code $DRAMA_HOME}), a folder only its
 * owner may enter, holding files only its owner may read: they hold resume tokens and
 * what was typed.
 */
public final class UserFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path root;

    public UserFiles(Path root) {
        this.root = root;
    }

    /** {@code $DRAMA_HOME} when set, else {@code ~/.drama}. */
    public static UserFiles ofUser() {
        String home = System.getenv("DRAMA_HOME");
        return new UserFiles(home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".drama"));
    }

    public Path root() {
        return root;
    }

    /** A folder under the root (created, owner-only, with every folder on the way). */
    public Path folder(String... names) throws IOException {
        Path folder = root;
        ownerOnlyFolder(folder);
        for (String name : names) {
            folder = folder.resolve(name);
            ownerOnlyFolder(folder);
        }
        return folder;
    }

    /** A file only its owner may read and write, created empty if missing; an existing one is tightened. */
    public static Path ownerOnlyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } else if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static void ownerOnlyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (POSIX) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
