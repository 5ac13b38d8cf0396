package dev.drama.scenarios.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads and checks packs. Every method returns a {@link LoadResult} with the pack (only when
 * there is no error) and every problem found; none of them throws.
 */
public final class PackLoader {
    private PackLoader() {
    }

    /** A pack folder (holding pack.yaml), a .zip of one, or a pack.yaml file (its folder is the pack). */
    public static LoadResult load(Path path) {
        try {
            if (Files.isDirectory(path)) return PackReader.read(PackFiles.folder(path));
            if (Files.isRegularFile(path)) {
                Path name = path.getFileName();
                if (name != null && name.toString().equals("pack.yaml")) {
                    Path parent = path.toAbsolutePath().getParent();
                    return PackReader.read(PackFiles.folder(parent));
                }
                return PackReader.read(PackFiles.zip(path));
            }
        } catch (RuntimeException e) {
            // fall through: unreadable
        }
        return PackReader.read(PackFiles.folder(path));
    }

    public static LoadResult loadFolder(Path folder) {
        return PackReader.read(PackFiles.folder(folder));
    }

    /** A zip held in memory (an upload). {@code name} is used in messages. */
    public static LoadResult loadZip(String name, byte[] zip) {
        return PackReader.read(PackFiles.zip(name, zip));
    }

    /** Files already in memory, by relative path (e.g. "pack.yaml", "briefings/chair.md"). */
    public static LoadResult load(String name, Map<String, byte[]> files) {
        return PackReader.read(PackFiles.of(name, files));
    }

    public static LoadResult load(PackFiles files) {
        return PackReader.read(files);
    }
}
